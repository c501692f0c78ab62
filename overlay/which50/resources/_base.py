"""What every resource holds: the runner that calls the generated endpoints."""

from __future__ import annotations

from .._runner import AsyncRunner, SyncRunner


class SyncResource:
    def __init__(self, runner: SyncRunner) -> None:
        self._runner = runner


class AsyncResource:
    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner
