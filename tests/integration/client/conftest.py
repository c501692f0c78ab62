"""The `which50` overlay against a live sandbox, every test run both sync and async."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from which50_sandbox.testing import SandboxServer, run_sandbox

from tests._twins import call_on

LIST_ID = 1042
JOURNEY_ID = 377


@dataclass
class Live:
    """Runs ``fn(client)`` on a `Which50` or an `AsyncWhich50` connected to ``server``."""

    kind: str
    server: SandboxServer

    def call(self, fn: Callable[[Any], Any], **options: Any) -> Any:
        settings = {"base_url": self.server.base_url, "token": self.server.token, **options}
        return call_on(self.kind, settings, fn)


@pytest.fixture(scope="module")
def shared_server() -> Iterator[SandboxServer]:
    with run_sandbox(seed=1, contacts=50) as server:
        yield server


@pytest.fixture(params=["sync", "async"])
def live(request: pytest.FixtureRequest, shared_server: SandboxServer) -> Live:
    """Both twins on one sandbox per module: tests that write use values of their own."""
    return Live(request.param, shared_server)


@pytest.fixture(params=["sync", "async"])
def fresh(request: pytest.FixtureRequest, which50_sandbox: SandboxServer) -> Live:
    """Both twins, each on a sandbox of its own."""
    return Live(request.param, which50_sandbox)


def list_count(live: Live, list_id: int = LIST_ID) -> int:
    found = live.call(lambda c: c.contact_lists.get(list_id))
    assert isinstance(found.count, int)
    return found.count
