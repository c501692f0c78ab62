"""Bulk import, the parts that do no I/O on the network: reading rows, checking them against
the list's fields, cutting batches, the checkpoint ledger, progress and the report.

The drivers in `_importer.py` (sync and async) send the batches and drive the job.

Why ``match`` is required: the API's import job upserts on the ``match`` fields when it runs.
A batch whose send was cut short may or may not have reached the server; sending it again can
then only update the same contacts, never duplicate them. That is what makes an interrupted
import resumable with no duplicates and no gaps.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._constants import MAX_IMPORT_BATCH

if TYPE_CHECKING:
    from which50_client.models import ContactSchemaField, ImportJob

__all__ = [
    "Batch",
    "Checkpoint",
    "ImportProgress",
    "ImportReport",
    "RejectedRow",
    "RowChecker",
    "batches",
    "read_rows",
]

Row = Mapping[str, Any]
_SCALARS = (str, int, float, bool, type(None))
TERMINAL_STATUSES = frozenset({"Completed", "Failed"})
"""`ImportJob.CurrentStatus` values that end a job (assumed: upstream documents none)."""
CHECKPOINT_VERSION = 1


@dataclass(frozen=True)
class RejectedRow:
    """A row that was not sent, and why. ``row`` counts from 1 (a CSV's header excluded)."""

    row: int
    reason: str


@dataclass(frozen=True)
class ImportProgress:
    """What `import_contacts` reports to its ``progress`` callback."""

    phase: str
    """"batches" while sending, "running" while the job runs, "done" at the end."""
    rows_read: int
    rows_rejected: int
    contacts_sent: int
    batches_sent: int
    job_percent: int | None = None
    job_status: str | None = None


@dataclass(frozen=True)
class ImportReport:
    """The outcome of `import_contacts`."""

    job: ImportJob
    rows_read: int
    contacts_sent: int
    batches_sent: int
    rejected: list[RejectedRow]
    resumed: bool

    @property
    def status(self) -> str | None:
        value = self.job.current_status
        return value if isinstance(value, str) else None

    @property
    def succeeded(self) -> bool:
        return self.status == "Completed"

    @staticmethod
    def _count(value: object) -> int:
        return value if isinstance(value, int) else 0

    @property
    def inserted(self) -> int:
        return self._count(self.job.inserted_contacts)

    @property
    def updated(self) -> int:
        return self._count(self.job.updated_contacts)

    @property
    def dropped(self) -> int:
        return self._count(self.job.dropped_contacts)


def read_rows(rows: Iterable[Row] | str | os.PathLike[str]) -> Iterator[Row]:
    """The rows, streamed: a CSV file (by path, UTF-8, header row first) or any iterable."""
    if isinstance(rows, str | os.PathLike):
        return _csv_rows(Path(rows))
    return iter(rows)


def _csv_rows(path: Path) -> Iterator[Row]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        yield from csv.DictReader(handle)


class RowChecker:
    """Checks a row against the list's fields and the import's settings."""

    def __init__(
        self,
        fields: Sequence[ContactSchemaField],
        match: Sequence[str],
        field_names: Sequence[str],
    ) -> None:
        known = {f.name for f in fields if isinstance(f.name, str)}
        for name in (*match, *field_names):
            if name not in known:
                raise ValueError(f"{name!r} is not a field of the list (fields: {sorted(known)})")
        missing = [name for name in match if name not in field_names]
        if missing:
            raise ValueError(f"match fields {missing} must be among field_names")
        self._known = known
        self._match = tuple(match)
        self._names = frozenset(field_names)
        # Every listed value is allowed, `InUse: false` ones too: what InUse means to the API is
        # not documented, and rejecting here a row the API would take would lose it.
        self._choices = {
            f.name: frozenset(v.value for v in f.contact_schema_field_values)
            for f in fields
            if isinstance(f.name, str)
            and f.map_type == "PickList"
            and isinstance(f.contact_schema_field_values, list)
            and f.contact_schema_field_values
        }

    def problem(self, row: object) -> str | None:
        """Why the row cannot be sent, or ``None`` when it can."""
        if not isinstance(row, Mapping):
            return f"a row must be a mapping of field name to value, not {type(row).__name__}"
        for name in self._match:
            value = row.get(name)
            if value is None or value == "":
                return f"match field {name!r} is missing or empty"
        for name, value in row.items():
            if name not in self._names:
                if name not in self._known:
                    return f"unknown field {name!r}"
                return f"field {name!r} is not among the import's field_names"
            if not isinstance(value, _SCALARS):
                return f"field {name!r} holds a {type(value).__name__}, not a single value"
            choices = self._choices.get(name)
            if choices is not None and value not in (None, "") and str(value) not in choices:
                return f"{value!r} is not an allowed value of {name!r}"
        return None


@dataclass
class Batch:
    """Consecutive accepted rows, numbered from 0, covering input rows ``first``..``last``."""

    index: int
    first: int
    last: int
    rows: list[Row]


def batches(
    rows: Iterator[Row],
    checker: RowChecker,
    batch_size: int,
    rejected: list[RejectedRow],
    counter: list[int],
) -> Iterator[Batch]:
    """Cut the accepted rows into batches; rejected rows go to ``rejected``. ``counter[0]``
    tracks the rows read, for progress. Deterministic: the same input gives the same batches."""
    if not 1 <= batch_size <= MAX_IMPORT_BATCH:
        raise ValueError(f"batch_size must be 1..{MAX_IMPORT_BATCH}, not {batch_size}")
    index, first = 0, 0
    current: list[Row] = []
    for number, row in enumerate(rows, start=1):
        counter[0] = number
        why = checker.problem(row)
        if why is not None:
            rejected.append(RejectedRow(number, why))
            continue
        if not current:
            first = number
        current.append(row)
        if len(current) == batch_size:
            yield Batch(index, first, number, current)
            index, current = index + 1, []
    if current:
        yield Batch(index, first, counter[0], current)


@dataclass
class Checkpoint:
    """The ledger of one import, saved atomically after every acknowledged batch.

    It records the job, the settings that shape the batches, and for each batch sent the input
    rows it covered. Resuming re-reads the input, skips the batches recorded here, and refuses
    to go on if the input or the settings no longer produce the same batches.
    """

    path: Path | None
    contact_list_id: int
    settings: dict[str, Any]
    job_id: int | None = None
    done: dict[int, tuple[int, int]] = field(default_factory=dict)
    run_requested: bool = False
    resumed: bool = False

    @classmethod
    def open(
        cls, path: str | os.PathLike[str] | None, contact_list_id: int, settings: dict[str, Any]
    ) -> Checkpoint:
        if path is None:
            return cls(None, contact_list_id, settings)
        target = Path(path)
        if not target.exists():
            return cls(target, contact_list_id, settings)
        saved = json.loads(target.read_text(encoding="utf-8"))
        if saved.get("version") != CHECKPOINT_VERSION:
            raise ValueError(
                f"{target} is not a which50 import checkpoint (version {saved.get('version')!r})"
            )
        if saved["contact_list_id"] != contact_list_id or saved["settings"] != settings:
            raise ValueError(
                f"{target} belongs to another import (list or settings differ); use another path"
            )
        return cls(
            target,
            contact_list_id,
            settings,
            job_id=saved["job_id"],
            done={int(k): (v[0], v[1]) for k, v in saved["done"].items()},
            run_requested=saved["run_requested"],
            resumed=True,
        )

    @staticmethod
    def settings_of(**values: Any) -> dict[str, Any]:
        """The settings as saved (JSON round-tripped, so a comparison is exact)."""
        return dict(json.loads(json.dumps(values)))

    def is_done(self, batch: Batch) -> bool:
        span = self.done.get(batch.index)
        if span is None:
            return False
        if span != (batch.first, batch.last):
            raise ValueError(
                f"batch {batch.index} covered rows {span[0]}..{span[1]} when it was sent, but "
                f"rows {batch.first}..{batch.last} now: the input changed since the checkpoint"
            )
        return True

    def record(self, batch: Batch) -> None:
        self.done[batch.index] = (batch.first, batch.last)
        self.save()

    def save(self) -> None:
        if self.path is None:
            return
        data = {
            "version": CHECKPOINT_VERSION,
            "contact_list_id": self.contact_list_id,
            "settings": self.settings,
            "job_id": self.job_id,
            "done": {str(k): list(v) for k, v in sorted(self.done.items())},
            "run_requested": self.run_requested,
        }
        partial = self.path.with_name(self.path.name + ".tmp")
        with partial.open("w", encoding="utf-8") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, self.path)
