"""The command line mirrors the client: every method has a command, and every command sends what
its method sends.

Nothing here lists a command or an operation: the methods are found by walking a client, the
commands' arguments come from the generated table (`which50_resources.commands`), and each
call's values from the spec's examples (as in test_operations.py), so an operation added to the
spec is tested here with no edit.
"""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import which50
import which50_resources
from which50 import _cli_app
from which50._cli import main
from which50._cli_args import option_flag
from which50_resources.commands import COMMANDS, Command, Param

from .conftest import BASE, TOKEN
from .test_operations import METHODS, _answer, _operation, assert_sent, call_arguments


def kebab(name: str) -> str:
    return name.replace("_", "-")


def client_methods(obj: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every public method below a client, as its dotted path, found by walking it."""
    for name in dir(obj):
        if name.startswith("_") or name == "with_raw_response":
            continue
        value = getattr(obj, name)
        if hasattr(value, "_runner") and not callable(value):
            yield from client_methods(value, (*path, name))
        elif callable(value) and path:
            yield (*path, name)


def _client_methods() -> list[tuple[str, ...]]:
    with which50.Which50(base_url=BASE, token=TOKEN) as client:
        return sorted(
            found
            for resource in which50_resources.RESOURCE_NAMES
            for found in client_methods(getattr(client, resource), (resource,))
        )


CLIENT_METHODS = _client_methods()


def run(*words: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(words), out, err)
    return code, out.getvalue(), err.getvalue()


def test_the_walk_finds_every_method_of_the_table() -> None:
    assert {tuple(dotted.split(".")) for dotted in which50_resources.METHODS.values()} <= set(
        CLIENT_METHODS
    )
    assert len(CLIENT_METHODS) > len(which50_resources.METHODS)  # the hand-written ones too


# An iterator (`contact_lists.iter_contacts`) is the command of the list it streams: that
# command reads through it (`Command.iterator`).
STREAMED_BY = {c.iterator: c.path for c in COMMANDS if c.iterator}


@pytest.mark.parametrize("method", CLIENT_METHODS, ids=[".".join(m) for m in CLIENT_METHODS])
def test_every_client_method_is_a_command_with_help(method: tuple[str, ...]) -> None:
    words = list(STREAMED_BY.get(".".join(method), [kebab(part) for part in method]))
    code, out, err = run(*words, "--help")
    assert (code, err) == (0, "")
    assert f"Usage: which50 {' '.join(words)} [OPTIONS]" in " ".join(out.split())


@pytest.mark.parametrize("command", COMMANDS, ids=[c.operation_id for c in COMMANDS])
def test_each_command_shows_its_arguments_and_its_route(command: Command) -> None:
    code, out, _ = run(*command.path, "--help")
    assert code == 0
    text = " ".join(out.split())
    assert f"{command.http_method} {command.route}" in text
    if command.hand_written:
        return  # its command is hand-written too, with arguments of its own
    for param in command.params:
        if param.argument:
            assert param.name.upper() in text
        else:
            assert option_flag(param) in text
    assert ("--data" in text) == (command.body is not None)


# --- every command sends the request its method sends ------------------------------------------


class Recorder:
    def __init__(self, answer: httpx.Response) -> None:
        self.answer = answer
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.answer


def connect_to(
    monkeypatch: pytest.MonkeyPatch, handler: Callable[[httpx.Request], httpx.Response]
) -> None:
    transport = httpx.MockTransport(handler)
    monkeypatch.setattr(
        _cli_app, "Which50", functools.partial(which50.Which50, transport=transport)
    )
    for name in ("WHICH50_USERNAME", "WHICH50_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WHICH50_BASE_URL", BASE)
    monkeypatch.setenv("WHICH50_TOKEN", TOKEN)


def words_for(param: Param, value: Any) -> list[str]:
    """What a user types to give ``value`` to ``param``."""
    if param.argument:
        return [str(value)]
    flag = option_flag(param)
    if param.kind == "bool":
        return [flag if value else f"--no-{flag[2:]}"]
    if param.kind == "names":
        return [flag, ",".join(value)]
    if param.kind == "pairs":
        return [word for k, v in value.items() for word in (flag, f"{k}={v}")]
    if param.kind == "strings":
        return [word for item in value for word in (flag, item)]
    if param.kind in ("object", "objects"):
        return [flag, json.dumps(value)]
    return [flag, str(value)]


GENERATED = [c for c in COMMANDS if not c.hand_written]
# Each command with its values as options, and each with a body with the body as --data.
CASES = [(c, "options") for c in GENERATED] + [(c, "data") for c in GENERATED if c.body]


@pytest.mark.parametrize(
    ("command", "via"), CASES, ids=[f"{c.operation_id}-{via}" for c, via in CASES]
)
def test_each_command_sends_what_its_method_sends(
    command: Command, via: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    method = METHODS[command.operation_id]
    args, kwargs, expected = call_arguments(method)
    values = dict(zip([a.name for a in method.arguments()], args, strict=False)) | kwargs
    recorder = Recorder(_answer(_operation(method)))
    connect_to(monkeypatch, recorder)
    words = list(command.path)
    for param in command.params:
        if param.name in values and not (via == "data" and param.location == "body"):
            words += words_for(param, values[param.name])
    if via == "data":
        words += ["--data", json.dumps(_example_body(command, values))]
    code, out, err = run(*words, "--json")
    assert (code, err) == (0, "")
    (request,) = recorder.requests
    assert_sent(request, method, expected)
    if not command.binary:
        assert json.loads(out) is not None  # one JSON document


def _example_body(command: Command, values: dict[str, Any]) -> Any:
    """The body the example sends, by the API's names, as --data takes it."""
    members = [p for p in command.params if p.location == "body"]
    if command.body == "array":
        return values[members[0].name]
    return {p.wire: values[p.name] for p in members if p.name in values}


def test_the_table_covers_every_operation_of_the_spec() -> None:
    assert {c.operation_id: c.method for c in COMMANDS} == which50_resources.METHODS
    assert {c.operation_id: c.iterator for c in COMMANDS if c.iterator} == (
        which50_resources.ITERATORS
    )
    for command in COMMANDS:
        assert command.path == tuple(kebab(part) for part in command.method.split("."))
