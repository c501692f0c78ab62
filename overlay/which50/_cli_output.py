"""What the `which50` command prints: an answer as JSON, as JSON lines, or as a rich table.

- ``json``: one document, members in sorted order (the same answer always prints the same
  bytes, whatever order the server sent), for ``jq``. The default when stdout is not a
  terminal.
- ``jsonl``: one compact document a line, one line per item of a list, written as the items
  come (an iterable is never gathered first).
- ``table``: a rich table on a terminal; the default there. Nested values show as compact JSON.

Models print as the API's JSON: the members the server sent, by the spec's names.
Bytes (a downloaded file, a PDF) are written as they are, never to a terminal unless they are
text.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any, Literal

from rich.console import Console
from rich.markup import escape
from rich.table import Table

__all__ = ["BinaryToTerminalError", "Format", "emit", "jsonable", "write_bytes"]

Format = Literal["table", "json", "jsonl"]


class BinaryToTerminalError(ValueError):
    """Bytes that are not text, about to go to a terminal."""


def jsonable(value: object) -> Any:
    """A value the JSON encoder takes: models by their API names, dates as ISO 8601."""
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        return dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


def _document(value: object, *, indent: int | None) -> str:
    separators = (",", ": ") if indent else (",", ":")
    return json.dumps(
        jsonable(value), indent=indent, sort_keys=True, ensure_ascii=False, separators=separators
    )


def emit(value: object, fmt: Format, out: IO[str], *, many: bool = False) -> None:
    """Print an answer. ``many``: ``value`` is an iterable of items (a list answer)."""
    if fmt == "json" and many:
        # The bytes json.dumps(list, indent=2) gives, written an item at a time.
        out.write("[")
        written = 0
        for item in _items(value):
            out.write(
                ("," if written else "") + "\n  " + _document(item, indent=2).replace("\n", "\n  ")
            )
            written += 1
        out.write("\n]\n" if written else "]\n")
    elif fmt == "json":
        out.write(_document(value, indent=2) + "\n")
    elif fmt == "jsonl":
        for item in _items(value) if many else [value]:
            out.write(_document(item, indent=None) + "\n")
    else:
        console = Console(file=out, highlight=False, soft_wrap=False)
        console.print(_table(list(_items(value)) if many else value))
    out.flush()


def _items(value: object) -> Iterator[object]:
    assert isinstance(value, Iterable)
    yield from value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return escape(value)
    return escape(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def _table(value: object) -> Table | str:
    """Items as rows (a column per member, in the order the models give), an object as member
    and value, anything else as itself."""
    doc = jsonable(value)
    if isinstance(doc, list):
        if not doc:
            return "(no items)"
        if all(isinstance(item, dict) for item in doc):
            columns: dict[str, None] = {}
            for item in doc:
                columns.update(dict.fromkeys(item))
            table = Table(*columns, header_style="bold")
            for item in doc:
                table.add_row(*(_cell(item.get(column)) for column in columns))
            return table
        table = Table("value", header_style="bold")
        for item in doc:
            table.add_row(_cell(item))
        return table
    if isinstance(doc, dict):
        table = Table("member", "value", header_style="bold")
        for key, member in doc.items():
            table.add_row(escape(key), _cell(member))
        return table
    return _cell(doc)


def write_bytes(content: bytes, out: IO[str]) -> None:
    """Bytes as they are; to a terminal only when they are text."""
    if out.isatty():
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            text = "\x00"
        if "\x00" in text:
            raise BinaryToTerminalError(
                f"the answer is {len(content):,} bytes of binary data: redirect it to a file "
                "(> FILE)"
            )
    binary = getattr(out, "buffer", None)
    if binary is not None:
        out.flush()
        binary.write(content)
        binary.flush()
    else:  # a text stream with no bytes beneath it (tests' StringIO)
        out.write(content.decode("utf-8", errors="replace"))
        out.flush()
