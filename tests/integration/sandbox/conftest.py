"""Fixtures for the integration tests: the raw generated client against a live sandbox.

`client` talks to one sandbox per module (starting one takes about a second), so tests that
write use values of their own and assert on differences; `fresh_client` gets a sandbox of its
own from the plugin's function-scoped `which50_sandbox` fixture.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from which50_client import AuthenticatedClient
from which50_client.api.contact_lists import get_contact_list
from which50_client.models import (
    Contact,
    ContactInput,
    ContactInputValuesType0,
    ContactsList,
    ContactValues,
)
from which50_sandbox.testing import SandboxServer, run_sandbox


def client_for(server: SandboxServer, token: str | None = None) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.base_url, token=token or server.token)


@pytest.fixture
def fresh_client(which50_sandbox: SandboxServer) -> Iterator[AuthenticatedClient]:
    with client_for(which50_sandbox) as c:
        yield c


@pytest.fixture(scope="module")
def shared_sandbox() -> Iterator[SandboxServer]:
    with run_sandbox() as server:
        yield server


@pytest.fixture
def client(shared_sandbox: SandboxServer) -> Iterator[AuthenticatedClient]:
    with client_for(shared_sandbox) as c:
        yield c


def list_count(client: AuthenticatedClient, list_id: int = 1042) -> int:
    found = get_contact_list.sync(list_id, client=client)
    assert isinstance(found, ContactsList) and isinstance(found.count, int)
    return found.count


def contact(values: dict[str, Any], list_id: int = 1042) -> ContactInput:
    return ContactInput(list_id=list_id, values=ContactInputValuesType0.from_dict(values))


def values_of(parsed: object) -> dict[str, Any]:
    """The `Values` of a parsed `Contact`."""
    assert isinstance(parsed, Contact), parsed
    assert isinstance(parsed.values, ContactValues)
    return parsed.values.to_dict()
