"""Every iterator of both clients against a live sandbox: the same items as its list method,
and a connection cut part way is a typed error.

The sandbox here holds enough contacts that list 1042's answer streams from the sandbox too
(more than one page, `which50_sandbox._contacts.PAGE_ROWS`), while the journey's reports are
answered whole: the iterators read both kinds of body.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import which50
from which50_resources import ITERATORS, METHODS
from which50_sandbox._contacts import PAGE_ROWS
from which50_sandbox.testing import SandboxServer, run_sandbox

from tests._twins import call_on
from tests.conftest import load_spec

LIST_ID = 1042
JOURNEY_ID = 377
LINKED_DATA_ID = 31
# The seed puts two thirds of its contacts in list 1042: enough for more than one page.
CONTACTS = PAGE_ROWS * 3 // 2 + 300

# The arguments of each streamed operation, on the seeded data: ids of the spec's examples.
ARGUMENTS: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
    "listContactListContacts": ((LIST_ID,), {}),
    "listLinkedDataRecords": ((str(LIST_ID), LINKED_DATA_ID), {"select": ["OrderNumber", "Total"]}),
    "listJourneyContacts": ((JOURNEY_ID,), {}),
    "listJourneyActivityContacts": ((JOURNEY_ID, 15502), {}),
    "listJourneyEmailContacts": ((JOURNEY_ID, 9120), {}),
    "listJourneyEmailContactsByState": ((JOURNEY_ID, 9120, "Opened"), {}),
    "listJourneyTextMessageContacts": ((JOURNEY_ID, 4410), {}),
    "listJourneyTextMessageContactsByState": ((JOURNEY_ID, 4410, "Delivered"), {}),
    "listJourneyLandingPageContacts": ((JOURNEY_ID, 2301), {}),
    "listJourneyLandingPageContactsByState": ((JOURNEY_ID, 2301, "KnownVisits"), {}),
}


@pytest.fixture(scope="module")
def big_server() -> Iterator[SandboxServer]:
    with run_sandbox(seed=1, contacts=CONTACTS) as server:
        yield server


def _method(client: Any, dotted: str) -> Callable[..., Any]:
    target = client
    for part in dotted.split("."):
        target = getattr(target, part)
    return target  # type: ignore[no-any-return]


def _streamed(
    kind: str, client: Any, dotted: str, args: tuple[Any, ...], kw: dict[str, Any]
) -> Any:
    stream = _method(client, dotted)(*args, **kw)
    if kind == "sync":
        return list(stream)

    async def collect() -> list[Any]:
        return [item async for item in stream]

    return collect()


def test_the_iterators_are_the_operations_the_rule_names() -> None:
    """Derived from the spec, as openapi/python.yaml says: every GET whose answer is a bare
    array of Contact, or of free-form records."""
    spec = load_spec()
    schemas = spec["components"]["schemas"]
    expected = set()
    for item in spec["paths"].values():
        op = item.get("get")
        if op is None:
            continue
        schema = op["responses"]["200"]["content"].get("application/json", {}).get("schema", {})
        if schema.get("type") != "array":
            continue
        name = schema["items"]["$ref"].rsplit("/", 1)[-1]
        target = schemas[name]
        if name == "Contact" or (target.get("type") == "object" and "properties" not in target):
            expected.add(op["operationId"])
    assert set(ITERATORS) == expected
    assert set(ARGUMENTS) == expected  # a new iterator needs its arguments here


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("operation_id", sorted(ITERATORS))
def test_each_iterator_yields_its_list_method_s_items(
    big_server: SandboxServer, kind: str, operation_id: str
) -> None:
    args, kw = ARGUMENTS[operation_id]
    settings = {"base_url": big_server.base_url, "token": big_server.token}
    listed = call_on(kind, settings, lambda c: _method(c, METHODS[operation_id])(*args, **kw))
    streamed = call_on(
        kind, settings, lambda c: _streamed(kind, c, ITERATORS[operation_id], args, kw)
    )
    assert streamed == listed
    assert listed, f"{operation_id} answers nothing on the seeded data: pick other arguments"
    if operation_id == "listContactListContacts":
        assert len(streamed) > PAGE_ROWS  # the sandbox streamed it, page by page


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_connection_cut_part_way_is_a_typed_error(
    which50_sandbox_factory: Callable[..., SandboxServer], kind: str
) -> None:
    server = which50_sandbox_factory(contacts=600, truncate_rate=1.0)
    settings = {"base_url": server.base_url, "token": server.token, "max_retries": 0}
    found: list[Any] = []

    def iterate(c: Any) -> Any:
        stream = c.contact_lists.iter_contacts(LIST_ID)
        if kind == "sync":
            found.extend(stream)
            return None

        async def collect() -> None:
            async for item in stream:
                found.append(item)

        return collect()

    with pytest.raises(which50.APIConnectionError, match="cut short after"):
        call_on(kind, settings, iterate)
    assert 0 < len(found) < 400  # half of list 1042's 400 contacts came before the cut
