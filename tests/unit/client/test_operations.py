"""Every operation of the spec is a `which50` method, sync and async, that sends the request the
spec describes and parses the spec's own example answer.

The table is derived, not written: the operations come from the spec, their methods from the
names file (through the generator's model, `scripts.gen_python`), and each call's arguments from
the spec's examples. A new operation in the spec is tested here with no edit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
import which50_resources
import yaml

from scripts import gen_python
from scripts.gen_python.model import Method
from tests.conftest import ROOT, load_spec
from tests.contract._spec import resolve

from .conftest import BASE, Harness

SPEC = load_spec()
NAMES = yaml.safe_load((ROOT / "openapi" / "python.yaml").read_text(encoding="utf-8"))
SURFACE = gen_python.surface(SPEC, NAMES)
METHODS = {m.operation_id: m for m in SURFACE.methods}


def _operation(method: Method) -> dict[str, Any]:
    op: dict[str, Any] = SPEC["paths"][method.path][method.http_method.lower()]
    return op


def _example_of(node: dict[str, Any]) -> Any:
    """The first example of a parameter or media type (an `examples` entry or `example`)."""
    node = resolve(SPEC, node)
    if "examples" in node:
        return resolve(SPEC, next(iter(node["examples"].values())))["value"]
    if "example" in node:
        return node["example"]
    schema = resolve(SPEC, node.get("schema", {}))
    if "enum" in schema:
        return schema["enum"][0]
    if "example" in schema:
        return schema["example"]
    raise AssertionError(f"no example for {node}")


def _parameters(method: Method) -> dict[str, dict[str, Any]]:
    """The operation's parameters by their wire name."""
    op = _operation(method)
    shared = SPEC["paths"][method.path].get("parameters", [])
    found = [resolve(SPEC, p) for p in [*shared, *op.get("parameters", [])]]
    return {p["name"]: p for p in found}


def call_arguments(method: Method) -> tuple[list[Any], dict[str, Any], dict[str, Any]]:
    """(positional, keyword) arguments from the spec's examples, and what the request must
    carry: its path, query and body, as the spec's examples say."""
    params = _parameters(method)
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    path = method.path
    for p in method.path_params:
        value = _example_of(params[p.wire])
        args.append(value)
        path = path.replace("{" + p.wire + "}", str(value))
    query: dict[str, str] = {}
    for q in method.query_params:
        value = _example_of(params[q.wire])
        if q.arg.positional:
            args.append(value)
        else:
            kwargs[q.arg.name] = value
        if isinstance(value, dict):
            query |= {k: str(v) for k, v in value.items()}
            if q.sets:
                query[q.sets] = ",".join(value)
        elif isinstance(value, list):
            query[q.wire] = ",".join(value)
        elif isinstance(value, bool):
            query[q.wire] = "true" if value else "false"
        else:
            query[q.wire] = str(value)
    body: Any = None
    if method.body is not None:
        op = _operation(method)
        ((_, media),) = op["requestBody"]["content"].items()
        body = _example_of(media)
        if method.body.kind == "array":
            args.append(body)
        else:
            by_wire = {m.wire: m for m in method.body.members}
            for wire, value in body.items():
                member = by_wire[wire]
                if member.arg.positional:
                    continue
                kwargs[member.arg.name] = value
            order = {name: index for index, name in enumerate(method.positional)}
            positional = sorted(
                (m for m in method.body.members if m.arg.positional),
                key=lambda m: order[m.arg.name],
            )
            args += [body[m.wire] for m in positional]
            # A member left out that a path parameter fills (a contact's ListId).
            path_values = dict(zip([p.wire for p in method.path_params], args, strict=False))
            body = dict(body)
            for member in method.body.members:
                if member.fill and member.wire not in body:
                    body[member.wire] = path_values[member.fill]
    return args, kwargs, {"path": path, "query": query, "body": body}


def _answer(op: dict[str, Any]) -> httpx.Response:
    response = resolve(SPEC, op["responses"]["200"])
    ((media, content),) = response["content"].items()
    example = _example_of(content)
    if media == "application/json":
        return httpx.Response(200, json=example)
    return httpx.Response(200, content=str(example).encode(), headers={"Content-Type": media})


def _bound(client: Any, dotted: str) -> Callable[..., Any]:
    target = client
    for part in dotted.split("."):
        target = getattr(target, part)
    assert callable(target)
    found: Callable[..., Any] = target
    return found


GENERATED = [m for m in SURFACE.methods if not m.hand_written]


@pytest.mark.parametrize("method", GENERATED, ids=[m.operation_id for m in GENERATED])
def test_each_operation_sends_its_request_and_parses_its_example(
    harness: Harness, method: Method
) -> None:
    args, kwargs, expected = call_arguments(method)
    op = _operation(method)
    result = harness.call(
        lambda r: _answer(op), lambda c: _bound(c, method.dotted)(*args, **kwargs)
    )
    (request,) = harness.requests
    assert_sent(request, method, expected)
    assert result is not None


def assert_sent(request: httpx.Request, method: Method, expected: dict[str, Any]) -> None:
    """``request`` is what the spec's example of ``method`` sends (`call_arguments`)."""
    assert request.method == method.http_method
    assert request.url.path == httpx.URL(BASE).path + expected["path"]
    assert dict(parse_qsl(request.url.query.decode())) == expected["query"]
    sent = request.read()
    if method.body is None:
        assert sent == b""
    elif method.body.kind == "form":
        form = dict(parse_qsl(sent.decode()))
        example = dict(expected["body"])
        fields = example.pop(method.body.flattened or "", {})
        assert form == {k: str(v) for k, v in {**example, **fields}.items()}
    else:
        assert json.loads(sent) == expected["body"]


def test_the_names_file_and_the_spec_agree() -> None:
    """Every operation has exactly one method, and the generated table says the same."""
    spec_ids = {
        op["operationId"]
        for item in SPEC["paths"].values()
        for key, op in item.items()
        if key in ("get", "put", "post", "patch", "delete")
    }
    assert set(METHODS) == spec_ids == set(which50_resources.METHODS)
    assert {m.operation_id: m.dotted for m in SURFACE.methods} == which50_resources.METHODS
    assert set(NAMES.get("operations", {})) <= spec_ids  # no entry for a vanished operation


def test_every_method_exists_on_both_clients(harness: Harness) -> None:
    def check(client: Any) -> None:
        for method in SURFACE.methods:
            assert callable(_bound(client, method.dotted)), method.dotted

    harness.call(lambda r: httpx.Response(500), check)


def test_the_hand_written_methods_cover_their_operations(harness: Harness, tmp_path: Path) -> None:
    """uploadFile (and downloadFile's streaming twin) are written by hand: they stream."""
    local = tmp_path / "a.csv"
    local.write_text("Email\na@b.c\n")
    handwritten = [m for m in SURFACE.methods if m.hand_written]
    assert {m.operation_id for m in handwritten} == {"uploadFile"}
    answer = _answer(_operation(METHODS["uploadFile"]))
    harness.call(lambda r: answer, lambda c: c.files.upload(local, sub_folder="imports"))
    assert harness.requests[-1].url.params["subFolder"] == "imports"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    harness.call(
        lambda r: httpx.Response(200, content=b"x"),
        lambda c: c.files.download("imports/a.csv", inbox),
    )
    assert re.search(r"/files\?filePath=imports%2Fa.csv$", str(harness.requests[-1].url))
