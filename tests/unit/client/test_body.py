"""Response bodies: decoded by the client itself, and bounded by `max_response_size`."""

from __future__ import annotations

import gzip
import json
import zlib

import httpx
import pytest
import which50

from .conftest import CONTACT, Harness

PAYLOAD = json.dumps(CONTACT).encode()


def _encoded(content: bytes, encoding: str, status: int = 200) -> httpx.Response:
    """A response whose body is left encoded (``content=`` would decode it at once)."""
    headers = {"Content-Type": "application/json", "Content-Encoding": encoding}
    return httpx.Response(status, stream=httpx.ByteStream(content), headers=headers)


def _bomb(mebibytes: int) -> bytes:
    """The start of a gzip body of that many MiB of zeros, about 1 KiB a MiB. After a full
    flush each MiB compresses to the same bytes, so one is repeated; the trailer is left out
    (the client must stop long before it)."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(1 << 20)
    first = squeeze.compress(block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    again = squeeze.compress(block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    return first + again * (mebibytes - 1)


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (gzip.compress(PAYLOAD), "gzip"),
        (zlib.compress(PAYLOAD), "deflate"),
        (zlib.compress(PAYLOAD)[2:-4], "deflate"),  # raw deflate, no zlib header
        (gzip.compress(zlib.compress(PAYLOAD)), "deflate, gzip"),
        (PAYLOAD, "identity"),
    ],
    ids=["gzip", "deflate", "raw-deflate", "deflate-then-gzip", "identity"],
)
def test_encoded_bodies_are_decoded(harness: Harness, content: bytes, encoding: str) -> None:
    found = harness.call(lambda r: _encoded(content, encoding), lambda c: c.contacts.get("Q2w5"))
    assert found.enc_contact_id == "Q2w5"


def test_the_client_asks_only_for_what_it_decodes(harness: Harness) -> None:
    harness.call(lambda r: _encoded(PAYLOAD, "identity"), lambda c: c.contacts.get("Q2w5"))
    assert harness.requests[0].headers["Accept-Encoding"] == "gzip, deflate"


def test_a_decompression_bomb_stops_at_the_cap(harness: Harness) -> None:
    bomb = _bomb(4096)  # 4 GiB once decoded, 4 MiB on the wire
    with pytest.raises(which50.UnexpectedResponseError, match="longer than max_response_size"):
        harness.call(
            lambda r: _encoded(bomb, "gzip"),
            lambda c: c.contacts.get("Q2w5"),
            max_response_size=8 << 20,
        )


def test_the_body_cap_is_on_by_default() -> None:
    with which50.Which50(base_url="https://x.test/api") as client:
        assert client.config.max_response_size == which50.DEFAULT_MAX_RESPONSE_SIZE


@pytest.mark.parametrize("status", [200, 404, 503])
def test_a_plain_body_over_the_cap_is_a_typed_error(harness: Harness, status: int) -> None:
    big = b"[" + b" " * 5000 + b"]"
    with pytest.raises(which50.UnexpectedResponseError) as caught:
        harness.call(
            lambda r: httpx.Response(status, stream=httpx.ByteStream(big)),
            lambda c: c.contacts.get("Q2w5"),
            max_response_size=4096,
            max_retries=0,
        )
    assert caught.value.status_code == status and caught.value.body is None


def test_a_body_at_the_cap_is_fine(harness: Harness) -> None:
    found = harness.call(
        lambda r: _encoded(gzip.compress(PAYLOAD), "gzip"),
        lambda c: c.contacts.get("Q2w5"),
        max_response_size=len(PAYLOAD),
    )
    assert found.enc_contact_id == "Q2w5"


def test_no_cap_when_none(harness: Harness) -> None:
    found = harness.call(
        lambda r: _encoded(gzip.compress(PAYLOAD), "gzip"),
        lambda c: c.contacts.get("Q2w5"),
        max_response_size=None,
    )
    assert found.enc_contact_id == "Q2w5"


@pytest.mark.parametrize(
    ("content", "encoding", "message"),
    [
        (b"not gzip at all", "gzip", "does not decode"),
        (b"\xff\xfe garbage", "deflate", "does not decode"),
        (PAYLOAD, "br", "'br' is not supported"),
    ],
)
def test_a_body_that_does_not_decode_is_a_typed_error(
    harness: Harness, content: bytes, encoding: str, message: str
) -> None:
    with pytest.raises(which50.UnexpectedResponseError, match=message):
        harness.call(lambda r: _encoded(content, encoding), lambda c: c.contacts.get("Q2w5"))


def test_a_decoded_body_is_what_the_raw_response_shows(harness: Harness) -> None:
    raw = harness.call(
        lambda r: _encoded(gzip.compress(PAYLOAD), "gzip"),
        lambda c: c.with_raw_response.contacts.get("Q2w5"),
    )
    assert "Content-Encoding" not in raw.headers
    assert raw.headers["Content-Length"] == str(len(PAYLOAD))


@pytest.mark.parametrize("answer", ["2025-13-45T10:00:00+00:00", "yesterday", 20251125])
def test_a_server_time_that_is_no_date_time_is_a_typed_error(
    harness: Harness, answer: object
) -> None:
    with pytest.raises(which50.UnexpectedResponseError):
        harness.call(
            lambda r: httpx.Response(200, json=answer), lambda c: c.contact_lists.get_server_time()
        )


def test_the_server_time_keeps_its_offset(harness: Harness) -> None:
    answer = "2025-11-25T10:46:35.1282548+01:00"
    now = harness.call(
        lambda r: httpx.Response(200, json=answer), lambda c: c.contact_lists.get_server_time()
    )
    assert now.isoformat() == "2025-11-25T10:46:35.128254+01:00"
