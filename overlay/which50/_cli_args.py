"""A command's values (text from the command line) as the keyword arguments of its method.

Each `Param` of the generated table says how its text reads (its ``kind``): names split on
commas, ``FIELD=VALUE`` pairs, JSON objects (or ``KEY=VALUE`` and ``KEY:=JSON`` members), and
so on. ``--data`` gives the whole body by the API's member names; options override its members.
The method itself checks every argument again before anything is sent.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Any

import typer
from which50_resources.commands import Command, Param

__all__ = ["RESERVED_FLAGS", "CliUsageError", "call_arguments", "json_argument", "option_flag"]

RESERVED_FLAGS = frozenset(
    {
        "--base-url", "--token", "--username", "--password", "--timeout", "--max-retries",
        "--verbose", "--json", "--output", "--data", "--help",
    }
)  # fmt: skip
"""The flags every command has (`_cli_app.COMMON`, ``--data``, ``--help``)."""


def option_flag(param: Param) -> str:
    """The option of a parameter: ``--contact-list-id``; where that is a flag every command
    has (a spec parameter named ``timeout``), it takes its location: ``--query-timeout``."""
    flag = "--" + param.name.replace("_", "-")
    return f"--{param.location}-{flag[2:]}" if flag in RESERVED_FLAGS else flag


class CliUsageError(Exception):
    """A command line that cannot make a call: printed on one line, exit 2."""

    def __init__(self, message: str, command: tuple[str, ...] | None = None) -> None:
        super().__init__(message)
        self.command = None if command is None else " ".join(["which50", *command])
        """The command whose --help would help, if any."""

    def line(self) -> str:
        text = " ".join(str(self).split()).rstrip(".") + "."
        hint = f" Try '{self.command} --help'." if self.command else ""
        return f"which50: {text}{hint}"


def json_argument(text: str, what: str) -> Any:
    """JSON from the command line: the text itself, ``@path`` (a file's), or ``-`` (stdin's)."""
    if text == "-":
        source = sys.stdin.read()
    elif text.startswith("@"):
        source = Path(text[1:]).read_text(encoding="utf-8")
    else:
        source = text
    try:
        return json.loads(source)
    except ValueError as error:
        raise CliUsageError(f"{what} is not JSON: {error}") from None


def call_arguments(
    command: Command, values: dict[str, Any], stack: contextlib.ExitStack, secrets: list[str]
) -> dict[str, Any]:
    """The method's keyword arguments; a required one that is missing is a `CliUsageError`, or,
    for a secret on a terminal, a prompt that does not echo."""
    data = values.pop("cli_data", None)
    kwargs = {} if data is None else _from_data(command, json_argument(data, "--data"))
    for param in command.params:
        raw = values.get(param.name)
        if raw is None or raw == []:
            continue
        kwargs[param.name] = _convert(command, param, raw, stack)
    for param in command.params:
        if param.secret and isinstance(kwargs.get(param.name), str):
            secrets.append(kwargs[param.name])
        if not param.required or param.name in kwargs:
            continue
        if param.secret and sys.stdin.isatty():
            kwargs[param.name] = typer.prompt(param.name.replace("_", " "), hide_input=True)
            secrets.append(kwargs[param.name])
            continue
        flag = option_flag(param)
        raise CliUsageError(f"missing option {flag} (or its member in --data)", command.path)
    return kwargs


def _from_data(command: Command, body: Any) -> dict[str, Any]:
    """``--data`` as arguments: an array body is the one body argument; an object body's
    members go to the arguments of the same wire names."""
    members = [p for p in command.params if p.location == "body"]
    if command.body == "array":
        if not isinstance(body, list):
            raise CliUsageError("--data must be a JSON array for this command", command.path)
        return {members[0].name: body}
    if not isinstance(body, dict):
        raise CliUsageError("--data must be a JSON object for this command", command.path)
    by_wire = {p.wire: p.name for p in members}
    unknown = sorted(set(body) - set(by_wire))
    if unknown:
        raise CliUsageError(
            f"--data: {', '.join(unknown)} not a member of {command.body_schema} (its members: "
            f"{', '.join(by_wire)}); `which50 api` sends any body",
            command.path,
        )
    return {by_wire[wire]: value for wire, value in body.items()}


def _convert(command: Command, param: Param, raw: Any, stack: contextlib.ExitStack) -> Any:
    if param.kind == "names":
        return [name.strip() for item in raw for name in item.split(",") if name.strip()]
    if param.kind == "pairs":
        return dict(_pair(command, param, item) for item in raw)
    if param.kind == "object":
        found: dict[str, Any] = {}
        for item in raw:
            if item.lstrip().startswith(("{", "[")):
                member = json_argument(item, option_flag(param))
                if not isinstance(member, dict):
                    raise CliUsageError(f"{item!r} is not a JSON object", command.path)
                found.update(member)
            else:
                key, value = _pair(command, param, item)
                if key.endswith(":"):
                    key, value = key[:-1], json_argument(value, f"the value of {key[:-1]}")
                found[key] = value
        return found
    if param.kind == "objects":
        items: list[Any] = []
        for item in raw:
            found_items = json_argument(item, option_flag(param))
            items += found_items if isinstance(found_items, list) else [found_items]
        return items
    if param.kind == "file":
        path = Path(raw)
        return (path.name, stack.enter_context(path.open("rb")))
    return raw


def _pair(command: Command, param: Param, item: str) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    if not sep or not key:
        flag = option_flag(param)
        raise CliUsageError(f"{flag} takes FIELD=VALUE, not {json.dumps(item)}", command.path)
    return key, value
