"""Property test: whatever a server answers (any status, headers or body), a call returns its
value or raises a documented `which50` error, on both clients; nothing else escapes."""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import httpx
import pytest
import which50
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from which50 import _retry

from .conftest import BASE, CONTACT, TOKEN

EXAMPLES = 500
"""Cases per client; `derandomize` makes them the same on every run."""

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
_KNOWN = [
    CONTACT,
    [CONTACT],
    {"Id": 7, "CurrentStatus": "Completed"},
    {"Message": "nope", "MessageDetail": None},
    "2026-01-01T00:00:00Z",
]


@st.composite
def _bodies(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["json", "known", "bytes", "nested", "gzip", "empty", "huge"]))
    if kind == "json":
        return json.dumps(draw(_JSON), allow_nan=True).encode()
    if kind == "known":
        return json.dumps(draw(st.sampled_from(_KNOWN))).encode()
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "nested":
        depth = draw(st.integers(500, 50_000))
        return b'{"a":' * depth + b"1" + b"}" * depth
    if kind == "gzip":
        return gzip.compress(json.dumps(draw(_JSON)).encode())
    if kind == "huge":
        return b"[" + b"0," * 5000 + b"0]"
    return b""


_HEADER_TEXT = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=30)
_HEADERS = st.dictionaries(
    st.sampled_from(
        ["Content-Type", "Content-Encoding", "Retry-After", "Content-Disposition", "X-Other"]
    ),
    _HEADER_TEXT
    | st.sampled_from(["gzip", "deflate", "br", "application/json", "1e999", "nan", "-1"]),
    max_size=4,
)


@st.composite
def _answers(draw: st.DrawFn) -> httpx.Response:
    status = draw(st.integers(100, 999) | st.sampled_from([200, 400, 404, 429, 500, 503]))
    body = draw(_bodies())
    headers = draw(_HEADERS)
    return httpx.Response(status, headers=headers, stream=httpx.ByteStream(body))


def _calls(folder: Path) -> list[Callable[[Any], Any]]:
    return [
        lambda c: c.contacts.get("Q2w5"),
        lambda c: c.contacts.list_emails("Q2w5"),
        lambda c: c.contact_lists.list(),
        lambda c: c.contact_lists.upsert(1042, {"Email": "a@example.ie"}, match=["Email"]),
        lambda c: c.contact_lists.imports.get(1042, 7),
        lambda c: c.contact_lists.get_server_time(),
        lambda c: c.files.read("a.csv"),
        lambda c: c.files.download("a.csv", folder, overwrite=True),
        lambda c: c.files.delete("a.csv"),
    ]


@pytest.fixture
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("downloads")


def _run(kind: str, answer: httpx.Response, call: Callable[[Any], Any]) -> object:
    transport = httpx.MockTransport(lambda request: answer)
    options: dict[str, Any] = {
        "base_url": BASE,
        "token": TOKEN,
        "transport": transport,
        "max_response_size": 4096,
    }
    if kind == "sync":
        with which50.Which50(**options) as client:
            return call(client)

    async def main() -> object:
        async with which50.AsyncWhich50(**options) as client:
            return await call(client)

    return asyncio.run(main())


async def _no_wait(seconds: float) -> None:
    return None


@pytest.mark.parametrize("kind", ["sync", "async"])
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(answer=_answers(), which=st.integers(0, 8))
def test_only_documented_errors_escape(
    kind: str, answer: httpx.Response, which: int, folder: Path
) -> None:
    call = _calls(folder)[which]
    with mock.patch.object(_retry, "sleep"), mock.patch.object(_retry, "asleep", _no_wait):
        try:
            _run(kind, answer, call)
        except which50.Which50Error as error:
            assert error.method in ("GET", "POST", "DELETE")
            assert TOKEN not in str(error) and TOKEN not in repr(vars(error))
            if isinstance(error, which50.APIStatusError):
                assert 100 <= error.status_code <= 999
