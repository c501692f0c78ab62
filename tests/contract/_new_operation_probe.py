"""Run by tests/contract/test_new_operation.py inside a copy of the repository, with that copy's
overlay/ and generated/ first on PYTHONPATH: calls each method it is given on both clients, once
against `httpx.MockTransport` (what is sent, what the example answer parses to) and once against
a sandbox the copy runs (what it answers, and whether from the spec's example).

    python tests/contract/_new_operation_probe.py < calls.json > results.json

stdin: ``[{"operation_id", "dotted", "args", "kwargs", "answer"}, ...]``; stdout: one result per
call, and where the packages were imported from.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable
from typing import Any

import httpx
import pydantic
import which50
import which50.types
import which50_resources
import which50_sandbox
from which50_sandbox.testing import SandboxServer, run_sandbox

BASE = "http://which50.test/Which50API"
MARKER = "X-Which50-Sandbox"


def plain(value: Any) -> Any:
    """A returned value as JSON: models by their wire names."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def bound(target: Any, dotted: str) -> Callable[..., Any] | None:
    for part in dotted.split("."):
        target = getattr(target, part, None)
    return target if callable(target) else None


def mocked(kind: str, call: dict[str, Any]) -> dict[str, Any]:
    """What the method sends, and what the example answer parses to."""
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return httpx.Response(200, json=call["answer"])

    transport = httpx.MockTransport(answer)
    if kind == "sync":
        with which50.Which50(base_url=BASE, token="t", transport=transport) as client:
            method = bound(client, call["dotted"])
            if method is None:
                return {"exists": False}
            parsed = method(*call["args"], **call["kwargs"])
    else:

        async def main() -> tuple[bool, Any]:
            async with which50.AsyncWhich50(base_url=BASE, token="t", transport=transport) as c:
                method = bound(c, call["dotted"])
                if method is None:
                    return False, None
                return True, await method(*call["args"], **call["kwargs"])

        exists, parsed = asyncio.run(main())
        if not exists:
            return {"exists": False}
    (request,) = seen
    return {
        "exists": True,
        "method": request.method,
        "path": request.url.path,
        "query": [list(pair) for pair in request.url.params.multi_items()],
        "body": request.content.decode(),
        "parsed": plain(parsed),
    }


def from_sandbox(kind: str, call: dict[str, Any], sandbox: SandboxServer) -> dict[str, Any]:
    """The sandbox's answer to the same call, through the client's raw responses."""
    settings: dict[str, Any] = {"base_url": sandbox.base_url, "token": sandbox.token}
    if kind == "sync":
        with which50.Which50(**settings) as client:
            raw = bound(client.with_raw_response, call["dotted"])
            assert raw is not None
            response = raw(*call["args"], **call["kwargs"])
    else:

        async def main() -> Any:
            async with which50.AsyncWhich50(**settings) as client:
                raw = bound(client.with_raw_response, call["dotted"])
                assert raw is not None
                return await raw(*call["args"], **call["kwargs"])

        response = asyncio.run(main())
    return {
        "status": response.status_code,
        "marker": response.headers.get(MARKER),
        "parsed": plain(response.parsed),
    }


def main() -> int:
    calls: list[dict[str, Any]] = json.load(sys.stdin)
    results: list[dict[str, Any]] = []
    with run_sandbox(contacts=0) as sandbox:
        for call in calls:
            result: dict[str, Any] = {
                "operation_id": call["operation_id"],
                "table": which50_resources.METHODS.get(call["operation_id"]),
            }
            for kind in ("sync", "async"):
                result[kind] = mocked(kind, call)
                if result[kind]["exists"]:
                    result[kind]["sandbox"] = from_sandbox(kind, call, sandbox)
            results.append(result)
    where = {
        module.__name__: module.__file__
        for module in (which50, which50_resources, which50_sandbox, which50.types)
    }
    json.dump(
        {"imported_from": where, "types": sorted(which50.types.__all__), "calls": results},
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
