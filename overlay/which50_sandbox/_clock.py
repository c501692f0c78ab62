"""The sandbox's clock: the real UTC time, or a frozen instant for repeatable responses."""

from __future__ import annotations

from datetime import UTC, datetime

from ._config import FROZEN_AT


class Clock:
    """`now()` is the current UTC time, or always `FROZEN_AT` when frozen."""

    def __init__(self, *, frozen: bool) -> None:
        self.frozen = frozen
        self._frozen_at = datetime.fromisoformat(FROZEN_AT)

    def now(self) -> datetime:
        return self._frozen_at if self.frozen else datetime.now(UTC)

    def iso(self) -> str:
        return self.now().isoformat()
