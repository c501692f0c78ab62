"""When to retry, and how long to wait: a small pure policy.

`RetryPolicy.should_retry` decides, `RetryPolicy.retry_delay` computes the wait, and the
transport (`_transport.py`) applies them. Nothing here sleeps but `sleep`, `asleep` and `pause`,
the waits every part of the client goes through; tests swap them, and `clock` with them.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

from ._constants import (
    DEFAULT_MAX_RETRIES,
    IDEMPOTENT_METHODS,
    INITIAL_RETRY_DELAY,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
    RETRYABLE_STATUSES,
    UNPROCESSED_STATUSES,
)

__all__ = ["RetryPolicy", "asleep", "clock", "parse_retry_after", "pause", "sleep"]


def sleep(seconds: float) -> None:
    """Every wait of the sync client (retries, import polling) goes through here; tests
    replace it (``monkeypatch.setattr(which50._retry, "sleep", ...)``)."""
    time.sleep(seconds)


async def asleep(seconds: float) -> None:
    """Every wait of the async client goes through here; tests replace it."""
    await asyncio.sleep(seconds)


def pause(seconds: float, stop: threading.Event) -> None:
    """A wait of the sync client that ends early once ``stop`` is set: a worker thread's wait
    between two sends of an import batch, which an interrupted import must not sit out (the
    async twin's wait is `asleep`, which a cancellation ends). Tests replace it."""
    stop.wait(seconds)


def clock() -> float:
    """Seconds on a monotonic clock, for the client's deadlines (an import job's
    ``job_timeout``). Tests replace it with one that moves only by the waits they record."""
    return time.monotonic()


# Transport errors raised before a single byte of the request left: always safe to retry.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header: delta-seconds or an HTTP date.

    Returns ``None`` when the header is absent or unreadable, and never a negative number.
    """
    if value is None:
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now if now is not None else datetime.now(UTC)
    return max(0.0, (when - current).total_seconds())


@dataclass(frozen=True)
class RetryPolicy:
    """Which failures are retried, how often, and after how long.

    ``jitter`` returns a factor in [0, 1); the wait is the backoff times ``1 - jitter/4``, so
    retries from many clients spread out. Tests pass ``jitter=lambda: 0.0``.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    initial_delay: float = INITIAL_RETRY_DELAY
    max_delay: float = MAX_RETRY_DELAY
    max_retry_after: float = MAX_RETRY_AFTER
    jitter: Callable[[], float] = field(default=random.random, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, not {self.max_retries}")

    def should_retry_status(self, method: str, status_code: int, retries_done: int) -> bool:
        """Retry an error status? 408, 429 and 503 say the server did not act, so any method
        may retry; 502 and 504 may hide a request that was processed, so only idempotent ones.
        """
        if retries_done >= self.max_retries or status_code not in RETRYABLE_STATUSES:
            return False
        return status_code in UNPROCESSED_STATUSES or method.upper() in IDEMPOTENT_METHODS

    def should_retry_error(
        self, method: str, error: httpx.TransportError, retries_done: int
    ) -> bool:
        """Retry a transport error? Always when the connection never opened; otherwise the
        request may have reached the server, so only when the method is idempotent."""
        if retries_done >= self.max_retries:
            return False
        if isinstance(error, _NOT_SENT):
            return True
        return method.upper() in IDEMPOTENT_METHODS

    def retry_delay(self, retries_done: int, retry_after: float | None = None) -> float | None:
        """Seconds to wait before retry number ``retries_done + 1``.

        A server's `Retry-After` wins when given; beyond ``max_retry_after`` the answer is
        ``None``: do not retry, since waiting that long is the caller's decision. Otherwise
        exponential backoff from ``initial_delay``, capped at ``max_delay``, with jitter.
        """
        if retry_after is not None:
            return retry_after if retry_after <= self.max_retry_after else None
        return self.backoff(retries_done)

    def backoff(self, retries_done: int) -> float:
        """Exponential backoff from ``initial_delay``, capped at ``max_delay``, with jitter."""
        delay = min(self.initial_delay * (2.0**retries_done), self.max_delay)
        return delay * (1.0 - self.jitter() / 4.0)
