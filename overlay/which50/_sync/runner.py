# Generated from overlay/which50/_async/runner.py by scripts/unasync.py: do not edit.
"""The runner: sends an operation's request through the configured client and parses the
answer (see `which50._runner`)."""

from __future__ import annotations

from typing import Any, TypeVar

import httpx
from which50_resources._runtime import Operation

from .._parse import parsed
from .._retry import RetryPolicy

__all__ = ["SyncRunner"]

T = TypeVar("T")


class SyncRunner:
    """Runs operations against one configured `httpx.Client`."""

    def __init__(self, http: httpx.Client, retry: RetryPolicy) -> None:
        self.http = http
        self.retry = retry

    def run(self, operation: Operation[T], request: dict[str, Any], /) -> T:
        return parsed(operation, self.http.request(**request))
