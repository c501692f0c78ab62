"""A call's total deadline, enforced on every socket operation beneath it.

httpx's timeouts are per phase and per read: a server that sends its answer one byte at a time,
each byte within the read timeout, holds a call for as long as it likes. The retry transport
therefore sets the moment the call must end (`deadline_at`), and the network backend of the
client's own connection pool bounds every connect, TLS handshake, read and write by the time
left. When it has run out, the operation fails at once with httpcore's own timeout, which the
transport reports as `APITimeoutError`.

httpx has no public hook for the backend of the pool it builds, so `install` wraps the
backend of an `httpx.HTTPTransport` / `httpx.AsyncHTTPTransport` in place (a test pins the
private attributes it needs). Other transports (``transport=``, ``http_client=``) are bounded
between chunks instead: the body is read in chunks and the clock is checked after each.

One source for the twins: `AsyncDeadlineBackend` is written in `_async/deadline.py` and
`DeadlineBackend` is generated from it (scripts/unasync.py), since they differ in nothing but
``async``/``await``; the clock they read (`deadline_at`, `time_left`) is shared, in `_time_left`.
"""

from __future__ import annotations

import httpcore

from ._async.deadline import AsyncDeadlineBackend
from ._sync.deadline import DeadlineBackend
from ._time_left import deadline_at, time_left

__all__ = ["AsyncDeadlineBackend", "DeadlineBackend", "deadline_at", "install", "time_left"]


def install(transport: object) -> bool:
    """Wrap the backend of the transport's connection pool (proxies' pools are connection
    pools too); False for any other transport, which is then bounded between chunks only."""
    pool = getattr(transport, "_pool", None)
    if isinstance(pool, httpcore.ConnectionPool):
        pool._network_backend = DeadlineBackend(pool._network_backend)
        return True
    if isinstance(pool, httpcore.AsyncConnectionPool):
        pool._network_backend = AsyncDeadlineBackend(pool._network_backend)
        return True
    return False
