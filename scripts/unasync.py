"""Generate the sync twins of the client from their async sources, or check that they are current.

    python scripts/unasync.py           # write overlay/which50/_sync/ from overlay/which50/_async/
    python scripts/unasync.py --check   # compare only, print a diff, exit 1 if stale; never writes

What has a sync and an async form in `which50` (the client, the runner, the retry transport,
the deadline backend, the import driver, the files resource) is written once, async, under
`overlay/which50/_async/`. Every `.py` file there becomes the file of the same name under
`overlay/which50/_sync/` by plain token replacement (the table `SUBSTITUTIONS`), line for line,
so a line of a sync file is the line of the same number in its async source. It is the scheme
of httpcore's `scripts/unasync.py`, with these pins:

- a token is replaced only as a whole word (``aclose`` in ``x.aclose()``, never in ``xaclose``);
- every source starts with `SOURCE_MARK`, and line 1 of its output is the stamp `GENERATED_MARK`
  naming the source, so the two cannot be mistaken for each other;
- every entry of the table must be used by some source, so the table holds nothing stale;
- an output may keep no ``async``/``await``/``asyncio`` and no name holding ``Async`` outside
  strings and comments: a new async name needs its own entry in the table, or the run fails;
- ``--check`` compares the whole tree: a stale file, a hand edit, a missing file or a file
  in `_sync/` that no source produces each fail, with a unified diff.

The output is not reformatted (ruff's formatter and import sorting skip `_sync/`, by scoped
config in pyproject.toml); ruff's other rules and ``mypy --strict`` check it like the rest.
"""

from __future__ import annotations

import argparse
import difflib
import io
import re
import sys
import tokenize
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("overlay/which50/_async")
TARGET = Path("overlay/which50/_sync")

SOURCE_MARK = "# The sync twin is generated from this file: run `make unasync` after a change.\n"
GENERATED_MARK = "# Generated from {source} by scripts/unasync.py: do not edit.\n"

# Async token -> sync token, whole words only, applied in this order to every line. Grouped by
# where the name comes from; the last group is which50's own twins.
SUBSTITUTIONS: tuple[tuple[str, str], ...] = (
    # the language
    ("async def", "def"),
    ("async with", "with"),
    ("async for", "for"),
    ("await ", ""),
    ("__aenter__", "__enter__"),
    ("__aexit__", "__exit__"),
    ("__aiter__", "__iter__"),
    ("__anext__", "__next__"),
    ("AsyncIterable", "Iterable"),
    ("AsyncGenerator", "Generator"),
    # httpx and httpcore
    ("httpx.AsyncClient", "httpx.Client"),
    ("httpx.AsyncBaseTransport", "httpx.BaseTransport"),
    ("httpx.AsyncHTTPTransport", "httpx.HTTPTransport"),
    ("httpx.AsyncByteStream", "httpx.SyncByteStream"),
    ("httpcore.AsyncNetworkStream", "httpcore.NetworkStream"),
    ("httpcore.AsyncNetworkBackend", "httpcore.NetworkBackend"),
    ("handle_async_request", "handle_request"),
    ("aiter_bytes", "iter_bytes"),
    ("aclose", "close"),
    # which50
    ("AsyncWhich50Core", "Which50Core"),
    ("AsyncWhich50", "Which50"),
    ("_AsyncHttpClient", "_HttpClient"),
    ("AsyncRunner", "SyncRunner"),
    ("AsyncRetryTransport", "RetryTransport"),
    ("AsyncClientTransport", "ClientTransport"),
    ("_aread", "_read"),
    ("_AsyncStream", "_Stream"),
    ("AsyncDeadlineBackend", "DeadlineBackend"),
    ("AsyncWorkers", "Workers"),
    ("AsyncItemIterator", "ItemIterator"),
    ("AsyncContactLists", "ContactLists"),
    ("aimport_contacts", "import_contacts"),
    ("AsyncFilesResource", "FilesResource"),
    ("AsyncFiles", "Files"),
    ("asleep", "sleep"),
)

_WORD = re.compile(r"\w")
# Names that must not survive into sync code (outside strings and comments).
_ASYNC_NAME = re.compile(r"^(async|await|asyncio)$|Async")


def _pattern(token: str) -> re.Pattern[str]:
    """``token`` as a whole word: no identifier character just before it, nor just after it
    when it ends in one (``await `` ends in a space, so ``await (x)`` matches too)."""
    after = r"(?!\w)" if _WORD.match(token[-1]) else ""
    return re.compile(r"(?<!\w)" + re.escape(token) + after)


_COMPILED = [(_pattern(old), new) for old, new in SUBSTITUTIONS]


class UnasyncError(Exception):
    """A source the script cannot turn into its sync twin, or a table entry no source uses."""


def unasync_line(line: str, used: set[int] | None = None) -> str:
    """One line of async source as sync code; the indexes of the entries applied go to
    ``used``."""
    for index, (pattern, new) in enumerate(_COMPILED):
        line, count = pattern.subn(new, line)
        if count and used is not None:
            used.add(index)
    return line


def _leftovers(code: str) -> list[str]:
    """Async names left in generated code, outside strings and comments."""
    found = []
    for tok in tokenize.generate_tokens(io.StringIO(code).readline):
        if tok.type == tokenize.NAME and _ASYNC_NAME.search(tok.string):
            found.append(f"line {tok.start[0]}: {tok.string}")
    return found


def unasync_source(text: str, source: str, used: set[int] | None = None) -> str:
    """The sync twin of one async source file (``source``: its path, for the stamp)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0] != SOURCE_MARK:
        raise UnasyncError(f"{source}: the first line must be {SOURCE_MARK.strip()!r}")
    out = GENERATED_MARK.format(source=source) + "".join(
        unasync_line(line, used) for line in lines[1:]
    )
    left = _leftovers(out)
    if left:
        raise UnasyncError(
            f"{source}: async names are left in the sync twin ({', '.join(left)}); add them "
            f"to SUBSTITUTIONS in scripts/unasync.py"
        )
    return out


@dataclass
class Twins:
    """The sync tree as the sources make it, and the sync tree on disk (name -> text)."""

    expected: dict[str, str] = field(default_factory=dict)
    actual: dict[str, str] = field(default_factory=dict)


def _python_files(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_text("utf-8")
        for path in sorted(folder.rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def build(root: Path) -> Twins:
    """Read the async sources and the sync tree under ``root``; fail on an unused entry."""
    used: set[int] = set()
    twins = Twins(actual=_python_files(root / TARGET))
    for name, text in _python_files(root / SOURCE).items():
        twins.expected[name] = unasync_source(text, (SOURCE / name).as_posix(), used)
    unused = [old for index, (old, _) in enumerate(SUBSTITUTIONS) if index not in used]
    if twins.expected and unused:
        raise UnasyncError(
            f"entries of SUBSTITUTIONS that no source uses: {', '.join(map(repr, unused))}; "
            f"remove them from scripts/unasync.py"
        )
    return twins


def diff(expected: Mapping[str, str], actual: Mapping[str, str]) -> list[str]:
    """What differs, as unified diffs from the file on disk to the file the sources make."""
    out: list[str] = []
    for name in sorted(expected.keys() | actual.keys()):
        path = (TARGET / name).as_posix()
        if name not in actual:
            out.append(f"Missing from {TARGET}/: {name}\n")
        elif name not in expected:
            out.append(f"Only in {TARGET}/ (no source in {SOURCE}/, or hand-written): {name}\n")
        elif expected[name] != actual[name]:
            out.extend(
                difflib.unified_diff(
                    actual[name].splitlines(keepends=True),
                    expected[name].splitlines(keepends=True),
                    f"{path} (on disk)",
                    f"{path} (from {SOURCE / name})",
                )
            )
    return out


def write(root: Path, twins: Twins) -> list[str]:
    """Bring the sync tree in line: write what changed, delete what no source makes."""
    target = root / TARGET
    changed = []
    for name, text in twins.expected.items():
        if twins.actual.get(name) != text:
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
            changed.append(f"wrote {TARGET / name}")
    for name in twins.actual.keys() - twins.expected.keys():
        (target / name).unlink()
        changed.append(f"deleted {TARGET / name} (no source)")
    return sorted(changed)


def _print(lines: Iterable[str], out: TextIO) -> None:
    for line in lines:
        out.write(line if line.endswith("\n") else line + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="compare only; never write")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project root")
    args = parser.parse_args(argv)
    try:
        twins = build(args.root)
    except UnasyncError as error:
        print(f"unasync: {error}", file=sys.stderr)
        return 1
    if not args.check:
        _print(write(args.root, twins) or [f"unasync: {TARGET}/ is current"], sys.stdout)
        return 0
    problems = diff(twins.expected, twins.actual)
    if problems:
        _print(problems, sys.stderr)
        print(
            f"\ncheck: {TARGET}/ is not what scripts/unasync.py makes from {SOURCE}/ (stale, or "
            "edited by hand). Change the async source, then run `make unasync`.",
            file=sys.stderr,
        )
        return 1
    print(f"check: {TARGET}/ is exactly what scripts/unasync.py makes from {SOURCE}/.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
