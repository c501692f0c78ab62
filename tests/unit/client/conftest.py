"""Overlay tests against `httpx.MockTransport`: one harness, parametrised over sync and async."""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import which50
from which50 import _retry

BASE = "http://which50.test/Which50API"
TOKEN = "tok-3c1b9f0e-secret"

Handler = Callable[[httpx.Request], httpx.Response]


@dataclass
class Harness:
    """Runs ``fn(client)`` on a `Which50` or an `AsyncWhich50` whose requests go to ``handler``.

    Requests are kept in ``requests``; every wait the client asks for is kept in ``sleeps``
    (nothing really sleeps).
    """

    kind: str
    sleeps: list[float]
    requests: list[httpx.Request] = field(default_factory=list)

    def call(self, handler: Handler, fn: Callable[[Any], Any], **options: Any) -> Any:
        def recorded(request: httpx.Request) -> httpx.Response:
            request.read()
            self.requests.append(request)
            return handler(request)

        settings: dict[str, Any] = {"base_url": BASE, "token": TOKEN, **options}
        transport = httpx.MockTransport(recorded)
        if self.kind == "sync":
            with which50.Which50(transport=transport, **settings) as c:
                return fn(c)

        async def main() -> Any:
            async with which50.AsyncWhich50(transport=transport, **settings) as c:
                result = fn(c)
                return await result if inspect.isawaitable(result) else result

        return asyncio.run(main())


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every wait the client asks for, instead of waiting; the client's clock moves only by
    them, so a deadline is reached after the waits that reach it, at once."""
    waits: list[float] = []

    async def asleep(seconds: float) -> None:
        waits.append(seconds)

    def pause(seconds: float, stop: threading.Event) -> None:
        waits.append(seconds)

    monkeypatch.setattr(_retry, "sleep", waits.append)
    monkeypatch.setattr(_retry, "asleep", asleep)
    monkeypatch.setattr(_retry, "pause", pause)
    monkeypatch.setattr(_retry, "clock", lambda: sum(waits))
    return waits


@pytest.fixture(params=["sync", "async"])
def harness(request: pytest.FixtureRequest, sleeps: list[float]) -> Iterator[Harness]:
    yield Harness(request.param, sleeps)


def json_response(status: int, body: object, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


CONTACT = {"EncContactId": "Q2w5", "ListId": 1042, "Values": {"Email": "a@example.ie"}}
FIELD = {
    "Id": 7,
    "Name": "Email",
    "DefaultValue": "",
    "MapType": "Email",
    "Position": 1,
    "ContactSchemaFieldValues": [],
}
JOB = {
    "Id": 5,
    "ContactListId": 1042,
    "InvalidEmailCount": 0,
    "InvalidSmsCount": 0,
    "ProgressPercent": 0,
    "CurrentStatus": "Created",
    "StartDate": None,
    "FinishDate": None,
    "InsertedContacts": 0,
    "UpdatedContacts": 0,
    "DroppedContacts": 0,
    "NotUpdatedContacts": 0,
    "TotalContacts": 0,
}
"""Complete answers: every member the spec calls always present."""
