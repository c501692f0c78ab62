"""The retry policy (pure) and the transport that applies it (no test really sleeps)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import httpx
import pytest
import which50
from which50._retry import RetryPolicy, parse_retry_after

from .conftest import CONTACT, Harness, json_response

NOW = datetime(2026, 11, 27, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        (None, None),
        ("0", 0.0),
        ("3", 3.0),
        ("1.5", 1.5),
        ("  7 ", 7.0),
        ("-4", 0.0),
        ("Fri, 27 Nov 2026 12:00:30 GMT", 30.0),
        ("Fri, 27 Nov 2026 11:59:00 GMT", 0.0),
        ("soon", None),
        ("", None),
    ],
)
def test_retry_after_table(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, now=NOW) == seconds


@pytest.mark.parametrize(
    ("method", "status", "retried"),
    [
        ("GET", 408, True),
        ("GET", 429, True),
        ("GET", 502, True),
        ("GET", 503, True),
        ("GET", 504, True),
        ("GET", 500, False),
        ("GET", 404, False),
        ("POST", 429, True),
        ("POST", 503, True),
        ("POST", 408, True),
        ("POST", 502, False),
        ("POST", 504, False),
        ("PATCH", 504, False),
        ("PUT", 502, True),
        ("DELETE", 504, True),
    ],
)
def test_which_statuses_retry(method: str, status: int, retried: bool) -> None:
    assert RetryPolicy().should_retry_status(method, status, 0) is retried


@pytest.mark.parametrize(
    ("error", "method", "retried"),
    [
        (httpx.ConnectError("refused"), "POST", True),
        (httpx.ConnectTimeout("slow"), "PATCH", True),
        (httpx.PoolTimeout("busy"), "POST", True),
        (httpx.ReadError("reset"), "GET", True),
        (httpx.ReadError("reset"), "POST", False),
        (httpx.RemoteProtocolError("cut"), "PATCH", False),
        (httpx.ReadTimeout("slow"), "PUT", True),
        (httpx.ReadTimeout("slow"), "POST", False),
    ],
)
def test_which_errors_retry(error: httpx.TransportError, method: str, retried: bool) -> None:
    assert RetryPolicy().should_retry_error(method, error, 0) is retried


def test_retries_stop_at_max() -> None:
    policy = RetryPolicy(max_retries=2)
    assert policy.should_retry_status("GET", 503, 1)
    assert not policy.should_retry_status("GET", 503, 2)
    assert not policy.should_retry_error("GET", httpx.ConnectError("x"), 2)


def test_backoff_doubles_up_to_the_cap_with_jitter() -> None:
    policy = RetryPolicy(initial_delay=0.5, max_delay=3.0, jitter=lambda: 0.0)
    assert [policy.backoff(n) for n in range(5)] == [0.5, 1.0, 2.0, 3.0, 3.0]
    assert RetryPolicy(jitter=lambda: 0.999).backoff(0) == pytest.approx(0.5 * (1 - 0.999 / 4))


def test_retry_after_wins_up_to_its_cap() -> None:
    policy = RetryPolicy(max_retry_after=60.0, jitter=lambda: 0.0)
    assert policy.retry_delay(0, retry_after=12.0) == 12.0
    assert policy.retry_delay(0, retry_after=61.0) is None
    assert policy.retry_delay(1) == 1.0


def test_negative_max_retries_is_refused() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)


def _sequence(*steps: httpx.Response | Exception) -> Callable[[httpx.Request], httpx.Response]:
    remaining = list(steps)

    def handler(request: httpx.Request) -> httpx.Response:
        step = remaining.pop(0)
        if isinstance(step, Exception):
            raise step
        return step

    return handler


def test_a_retryable_status_is_retried_with_retry_after(harness: Harness) -> None:
    handler = _sequence(
        httpx.Response(503, headers={"Retry-After": "2"}),
        httpx.Response(429, headers={"Retry-After": "Fri, 27 Nov 2099 12:00:00 GMT"}),
        json_response(200, CONTACT),
    )
    with pytest.raises(which50.RateLimitError):
        harness.call(handler, lambda c: c.contacts.get("Q2w5"))
    assert harness.sleeps == [2.0]  # the far-off date is beyond the cap: it raises at once
    assert len(harness.requests) == 2


def test_retries_then_success(harness: Harness) -> None:
    handler = _sequence(
        httpx.Response(502), httpx.ConnectError("refused"), json_response(200, CONTACT)
    )
    contact = harness.call(handler, lambda c: c.contacts.get("Q2w5"))
    assert contact.enc_contact_id == "Q2w5"
    assert len(harness.sleeps) == 2 and all(0 < s <= 1.0 for s in harness.sleeps)


def test_a_post_that_may_have_arrived_is_not_retried(harness: Harness) -> None:
    handler = _sequence(httpx.ReadError("connection reset"), json_response(200, CONTACT))
    with pytest.raises(which50.APIConnectionError, match="connection reset") as caught:
        harness.call(handler, lambda c: c.contact_lists.upsert(1, {"Email": "a@example.ie"}))
    assert not isinstance(caught.value, which50.APITimeoutError)
    assert caught.value.method == "POST"
    assert len(harness.requests) == 1 and harness.sleeps == []


def test_a_body_cut_short_is_retried_for_a_get(harness: Harness) -> None:
    class Truncated(httpx.SyncByteStream, httpx.AsyncByteStream):
        def __iter__(self):  # type: ignore[no-untyped-def]
            yield b'{"EncContactId": "Q2'
            raise httpx.RemoteProtocolError("peer closed connection")

        async def __aiter__(self):  # type: ignore[no-untyped-def]
            yield b'{"EncContactId": "Q2'
            raise httpx.RemoteProtocolError("peer closed connection")

    handler = _sequence(httpx.Response(200, stream=Truncated()), json_response(200, CONTACT))
    contact = harness.call(handler, lambda c: c.contacts.get("Q2w5"))
    assert contact.values["Email"] == "a@example.ie"
    assert len(harness.requests) == 2


def test_timeouts_raise_the_timeout_error(harness: Harness) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(which50.APITimeoutError):
        harness.call(handler, lambda c: c.contacts.get("Q2w5"))
    assert len(harness.requests) == 3  # max_retries=2 by default


def test_max_retries_zero_means_one_attempt(harness: Harness) -> None:
    with pytest.raises(which50.InternalServerError):
        harness.call(lambda r: httpx.Response(503), lambda c: c.contacts.get("Q2w5"), max_retries=0)
    assert len(harness.requests) == 1


def test_with_options_changes_retries_per_call(harness: Harness) -> None:
    with pytest.raises(which50.InternalServerError):
        harness.call(
            lambda r: httpx.Response(503),
            lambda c: c.with_options(max_retries=4).contacts.get("Q2w5"),
        )
    assert len(harness.requests) == 5
