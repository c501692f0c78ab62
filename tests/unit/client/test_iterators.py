"""The iterators (``iter_contacts`` and its kin) parse a bare JSON array as it streams in; every
failure part way is a typed `which50` error, after the items already yielded."""

from __future__ import annotations

import gzip
import json
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
import which50
from which50.types import Contact
from which50_resources import ITERATORS

from .conftest import Harness


def contact(n: int) -> dict[str, Any]:
    return {
        "ValidationWarnings": [],
        "EncContactId": f"Q2w5TnZ4R2hK{n:06d}",
        "ListId": 1042,
        "Values": {"Email": f"c{n}@example.ie", "Score": 1.5, "Age": n},
    }


CONTACTS = [contact(n) for n in range(40)]
BODY = json.dumps(CONTACTS).encode()


class _Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body sent in small chunks, then ``failure`` raised (a connection cut), if given."""

    def __init__(self, body: bytes, size: int = 97, failure: Exception | None = None) -> None:
        self._parts = [body[i : i + size] for i in range(0, len(body), size)]
        self._failure = failure

    def __iter__(self) -> Iterator[bytes]:
        yield from self._parts
        if self._failure is not None:
            raise self._failure

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for part in self._parts:
            yield part
        if self._failure is not None:
            raise self._failure


def _answer(body: bytes, **options: Any) -> Callable[[httpx.Request], httpx.Response]:
    stream = _Chunks(body, **options)
    return lambda request: httpx.Response(
        200, stream=stream, headers={"Content-Type": "application/json"}
    )


def collect(kind: str, found: list[Any]) -> Callable[[Any], Any]:
    """``fn(client)`` that iterates ``iter_contacts(1042)`` into ``found`` (kept even when the
    iteration fails part way)."""
    if kind == "sync":

        def sync(c: Any) -> list[Any]:
            for item in c.contact_lists.iter_contacts(1042):
                found.append(item)
            return found

        return sync

    async def iterate(c: Any) -> list[Any]:
        async for item in c.contact_lists.iter_contacts(1042):
            found.append(item)
        return found

    return iterate


def test_the_items_are_the_list_methods_items(harness: Harness) -> None:
    listed = harness.call(lambda r: httpx.Response(200, content=BODY), _list)
    streamed = harness.call(_answer(BODY), collect(harness.kind, []))
    assert streamed == listed
    assert len(streamed) == len(CONTACTS)
    assert isinstance(streamed[0], Contact)
    assert streamed[3].values["Score"] == 1.5 and type(streamed[3].values["Score"]) is float
    (request,) = {str(r.url) for r in harness.requests}  # the same URL, twice
    assert request.endswith("/contactLists/1042/contacts")


def _list(c: Any) -> Any:
    return c.contact_lists.list_contacts(1042)


def test_a_gzip_body_streams_decoded(harness: Harness) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        return httpx.Response(200, stream=_Chunks(gzip.compress(BODY)), headers=headers)

    assert len(harness.call(answer, collect(harness.kind, []))) == len(CONTACTS)


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (httpx.RemoteProtocolError("peer closed connection"), which50.APIConnectionError),
        (httpx.ReadError("connection reset"), which50.APIConnectionError),
        (httpx.ReadTimeout("timed out"), which50.APITimeoutError),
    ],
)
def test_a_connection_cut_part_way_is_a_typed_error_after_the_items_before_it(
    harness: Harness, failure: Exception, error: type[Exception]
) -> None:
    cut = BODY[: len(BODY) // 2]
    found: list[Any] = []
    with pytest.raises(error, match=r"cut short after .* items, and cannot be resumed") as info:
        harness.call(_answer(cut, failure=failure), collect(harness.kind, found))
    assert 0 < len(found) < len(CONTACTS)
    assert found == [Contact.model_validate(c) for c in CONTACTS[: len(found)]]
    assert info.value.method == "GET"  # type: ignore[attr-defined]
    assert isinstance(info.value, which50.Which50Error)
    if error is which50.APIConnectionError:
        assert not isinstance(info.value, which50.APITimeoutError)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"EncContactId": "x"}', "the body is not a JSON array"),
        (b"  \n ", "the body is empty"),
        (b"", "the body is empty"),
        (BODY[:-30], "the body ends before its array does"),
        (BODY + b"]", "not valid JSON"),
        (b"[1, 2", "[0]: Input should be a valid dictionary"),
        (
            json.dumps([contact(0), {"ListId": 1042, "Values": {}}]).encode(),
            "[1].EncContactId is missing",
        ),
    ],
)
def test_a_body_that_is_not_the_spec_s_array_is_unexpected(
    harness: Harness, body: bytes, reason: str
) -> None:
    with pytest.raises(which50.UnexpectedResponseError) as info:
        harness.call(_answer(body), collect(harness.kind, []))
    assert reason in str(info.value)
    assert info.value.status_code == 200


def test_the_item_at_fault_is_the_error_s_body(harness: Harness) -> None:
    bad = {"ValidationWarnings": [], "ListId": 1042, "Values": {"Email": "x@example.ie"}}
    body = json.dumps([contact(0), bad]).encode()
    found: list[Any] = []
    with pytest.raises(which50.UnexpectedResponseError, match=r"\[1\]\.EncContactId") as info:
        harness.call(_answer(body), collect(harness.kind, found))
    assert info.value.body == bad
    assert len(found) == 1


def test_one_item_longer_than_max_response_size_stops_the_stream(harness: Harness) -> None:
    huge = json.dumps([contact(0), {**contact(1), "Values": {"Notes": "x" * 5000}}]).encode()
    found: list[Any] = []
    with pytest.raises(which50.UnexpectedResponseError, match="longer than max_response_size"):
        harness.call(_answer(huge), collect(harness.kind, found), max_response_size=2000)
    # The whole answer may be longer than the bound: only one item may not.
    assert len(harness.call(_answer(BODY), collect(harness.kind, []), max_response_size=2000)) == 40


def test_an_error_status_raises_before_any_item(harness: Harness) -> None:
    def missing(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"Message": "No contact list found with that id."})

    with pytest.raises(which50.NotFoundError, match="No contact list found"):
        harness.call(missing, collect(harness.kind, []))


def test_bad_arguments_raise_at_the_call_before_any_request(harness: Harness) -> None:
    with pytest.raises(TypeError, match="contact_list_id must be an int"):
        harness.call(_answer(BODY), lambda c: c.contact_lists.iter_contacts("1042"))
    with pytest.raises(ValueError, match="fit in 32 bits"):
        harness.call(_answer(BODY), lambda c: c.contact_lists.iter_contacts(2**40))
    assert harness.requests == []


def test_nothing_is_sent_until_the_iteration_starts(harness: Harness) -> None:
    stream = harness.call(_answer(BODY), lambda c: c.contact_lists.iter_contacts(1042))
    assert harness.requests == []
    assert stream.response is None
    assert "listContactListContacts" in repr(stream)


def test_leaving_early_closes_the_connection(harness: Harness) -> None:
    closed: list[bool] = []

    class Watched(_Chunks):
        def close(self) -> None:
            closed.append(True)

        async def aclose(self) -> None:
            closed.append(True)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Watched(BODY))

    def sync(c: Any) -> Any:
        with c.contact_lists.iter_contacts(1042) as stream:
            first = next(stream)
        return first, stream

    async def concurrent(c: Any) -> Any:
        async with c.contact_lists.iter_contacts(1042) as stream:
            first = await stream.__anext__()
        return first, stream

    first, stream = harness.call(answer, sync if harness.kind == "sync" else concurrent)
    assert first.enc_contact_id == CONTACTS[0]["EncContactId"]
    assert closed
    assert stream.response.status_code == 200
    # A closed iterator is done: it never asks again.
    if harness.kind == "sync":
        assert list(stream) == []
    assert len(harness.requests) == 1


def test_raw_responses_hand_back_the_iterator_itself(harness: Harness) -> None:
    def sync(c: Any) -> Any:
        stream = c.with_raw_response.contact_lists.iter_contacts(1042)
        return list(stream), stream.response

    async def concurrent(c: Any) -> Any:
        stream = c.with_raw_response.contact_lists.iter_contacts(1042)
        return [x async for x in stream], stream.response

    items, response = harness.call(_answer(BODY), sync if harness.kind == "sync" else concurrent)
    assert len(items) == len(CONTACTS)
    assert response.status_code == 200


def test_linked_data_records_stream_as_dicts(harness: Harness) -> None:
    records = [{"OrderId": n, "Total": n * 1.25} for n in range(25)]

    def sync(c: Any) -> Any:
        return list(c.contact_lists.linked_data.iter_records("1042", 31, select=["OrderId"]))

    async def concurrent(c: Any) -> Any:
        found = c.contact_lists.linked_data.iter_records("1042", 31, select=["OrderId"])
        return [x async for x in found]

    body = json.dumps(records).encode()
    got = harness.call(_answer(body), sync if harness.kind == "sync" else concurrent)
    assert got == records
    assert harness.requests[0].url.params["$select"] == "OrderId"


def test_every_iterator_is_a_method_of_both_clients() -> None:
    for kind in (which50.Which50, which50.AsyncWhich50):
        client = kind(base_url="http://which50.test/Which50API", token="t")
        for dotted in ITERATORS.values():
            target: Any = client
            for part in dotted.split("."):
                target = getattr(target, part)
            assert callable(target), dotted
