"""How long the call in this context has left: `deadline_at`, which the retry transport sets
for each attempt, and what the network backends (`_deadline`) read from it."""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterable

__all__ = ["SocketOptions", "bounded", "deadline_at", "time_left"]

deadline_at: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "which50_deadline_at", default=None
)
"""The `time.monotonic()` by which the call in this context must end, or ``None``."""

SocketOptions = Iterable[
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
]


def time_left() -> float | None:
    """Seconds left before this context's deadline (at most 0), or ``None`` without one."""
    at = deadline_at.get()
    return None if at is None else at - time.monotonic()


def bounded(timeout: float | None, expired: type[Exception]) -> float | None:
    """``timeout`` cut to the time left; ``expired`` raised once none is left."""
    left = time_left()
    if left is None:
        return timeout
    if left <= 0:
        raise expired("the call's deadline passed")
    return left if timeout is None else min(timeout, left)
