"""Bulk import, the parts that do no I/O on the network: reading rows, checking them against
the list's fields, cutting batches, the checkpoint ledger, progress and the report.

The drivers in `_importer.py` (sync and async) send the batches and drive the job.

Why ``match`` is required: the API's import job upserts on the ``match`` fields when it runs.
A batch whose send was cut short may or may not have reached the server; sending it again can
then only update the same contacts, never duplicate them. That is what makes an interrupted
import resumable with no duplicates and no gaps.

Why the checkpoint fingerprints the rows: a resume skips the batches it records, so it must be
sure that they hold the rows it is given now. Row numbers cannot tell (a row edited, or two rows
swapped, keep every number), so `batches` digests every row it reads, in order, rejected rows
too: each batch carries the digest of its rows and the running digest of the input up to its
last row, and the checkpoint compares both (see `Checkpoint.is_done`). The rows are hashed as
pickled by value (`Fingerprint`): exact for the values a row may hold (``1``, ``1.0``, ``True``
and ``"1"`` differ), the same in every run, and several times cheaper than their `repr` or JSON.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import pickle
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from which50_resources._runtime import json_problem

from ._constants import MAX_IMPORT_BATCH
from ._errors import CheckpointError

if TYPE_CHECKING:
    from which50_models import ContactSchemaField, ImportJob

__all__ = [
    "Batch",
    "Checkpoint",
    "Fingerprint",
    "ImportProgress",
    "ImportReport",
    "RejectedRow",
    "RowChecker",
    "Sent",
    "batches",
    "read_rows",
    "row_text",
]

Row = Mapping[str, Any]
_SCALARS = (str, int, float, bool, type(None))
_TEXT_ONLY = frozenset({str})
_DICT_ONLY = {dict}
TERMINAL_STATUSES = frozenset({"Completed", "Failed"})
"""`ImportJob.CurrentStatus` values that end a job (assumed: upstream documents none)."""
PENDING_STATUSES = frozenset({"Created", "Queued", "Running"})
"""`ImportJob.CurrentStatus` values of a job that has not ended yet (assumed, as above: the spec
lists them in ``x-which50-known-values``). Any other value stops the polling with an error."""
CHECKPOINT_VERSION = 2
"""Version 2 fingerprints the rows of each batch and of the whole input; version 1 kept row
numbers only, and cannot tell whether the input changed, so it is refused."""


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
        return self.job.current_status

    @property
    def succeeded(self) -> bool:
        return self.status == "Completed"

    @property
    def inserted(self) -> int:
        return self.job.inserted_contacts

    @property
    def updated(self) -> int:
        return self.job.updated_contacts

    @property
    def dropped(self) -> int:
        return self.job.dropped_contacts


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
        self._choice_names = frozenset(self._choices)

    def problem(self, row: object) -> str | None:
        """Why the row cannot be sent, or ``None`` when it can.

        The usual row (a dict of known fields, every value a str, none of them a pick list,
        as a CSV file gives) is checked by C code only: set operations, one join and, for
        non-ASCII text, one encode. Any other row takes the full check, value by value
        (`full_problem`); both give the same answer."""
        if (
            type(row) is dict
            and self._names.issuperset(row)
            and self._choice_names.isdisjoint(row)
            and set(map(type, row.values())) <= _TEXT_ONLY
        ):
            for name in self._match:
                if not row.get(name):  # missing or empty (a str value is never None)
                    return f"match field {name!r} is missing or empty"
            text = "".join(row.values())
            if text.isascii():
                return None
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate: the full check names its field
                return self.full_problem(row)
            return None
        return self.full_problem(row)

    def all_fit(self, rows: Sequence[object]) -> bool:
        """Whether every row can be sent, decided for the whole list at once by C code: the
        rows `problem` checks without Python per row, each one of them. ``False`` says only
        that some row needs the look of `problem`, row by row."""
        if not rows or set(map(type, rows)) != _DICT_ONLY:
            return False
        dicts = cast("list[dict[str, Any]]", rows)
        if not all(map(self._names.issuperset, dicts)):
            return False
        if self._choice_names and not all(map(self._choice_names.isdisjoint, dicts)):
            return False
        values: list[Any] = list(chain.from_iterable(map(dict.values, dicts)))
        if not set(map(type, values)) <= _TEXT_ONLY:
            return False
        for name in self._match:  # present and not empty, in every row
            if not all(map(dict.get, dicts, repeat(name))):
                return False
        text = "".join(values)
        if text.isascii():
            return True
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True

    def full_problem(self, row: object) -> str | None:
        """`problem`, value by value, for any row."""
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
            if isinstance(value, float | str):
                unfit = json_problem(value)
                if unfit is not None:
                    return f"field {name!r}: {unfit}"
            choices = self._choices.get(name)
            if choices is not None and value not in (None, "") and str(value) not in choices:
                return f"{value!r} is not an allowed value of {name!r}"
        return None


@dataclass
class Batch:
    """Consecutive accepted rows, numbered from 0, covering input rows ``first``..``last``.

    ``start`` is the first input row after the previous batch (rows rejected in between are
    this batch's too); ``digest`` is the digest of rows ``start``..``last``, ``running`` the
    digest of rows 1..``last``.
    """

    index: int
    first: int
    last: int
    rows: list[Row]
    start: int = 1
    digest: str = ""
    running: str = ""


_ADDRESS = re.compile(r" at 0x[0-9A-Fa-f]+")
_FLUSH_ROWS = 4096  # rows held before they are hashed, when no batch is cut for a while


def row_text(row: object) -> str:
    """A rejected row as the fingerprint reads it, since it may hold anything: its `repr`,
    less the memory addresses that default reprs carry, so the same input reads the same in
    another run. (A value whose repr varies from run to run, like a set of strings, makes a
    resume refuse the input: a false alarm, never a row lost.)"""
    return _ADDRESS.sub("", repr(row))


class _Sink:
    """A file for `pickle.Pickler` that hashes what is written to it."""

    __slots__ = ("write",)

    def __init__(self, write: Callable[[bytes], object]) -> None:
        self.write = write


def _digest(items: list[Any]) -> bytes:
    """The SHA-256 of the items, pickled by value: protocol 5 in fast mode, which keeps no memo,
    so equal values give equal bytes whichever objects hold them. Something that does not
    pickle (a value of a class defined in a function, say) has the reprs hashed instead: the
    same input takes the same way every time."""
    hasher = hashlib.sha256()
    try:
        pickler = pickle.Pickler(_Sink(hasher.update), protocol=5)
        pickler.fast = True
        pickler.dump(items)
    except Exception:  # whatever pickling raises; reprs never fail on what was read
        hasher = hashlib.sha256(b"repr:")
        hasher.update("\n".join(map(row_text, items)).encode("utf-8", "backslashreplace"))
    return hasher.digest()


class Fingerprint:
    """The digests of the rows read so far: of the whole input, and of the rows since the last
    batch was cut. `batches` hands it each batch's rows when it cuts the batch, with the rows
    rejected since the last cut (``rejected``: their numbers and `row_text`), which are hashed
    on their own every few thousand when no batch is cut for a while. The same input and
    settings always give the same digests."""

    def __init__(self) -> None:
        self.rejected: list[tuple[int, str]] = []
        self._whole = hashlib.sha256()
        self._span = hashlib.sha256()

    def _take(self, rows: list[Row]) -> None:
        digest = _digest([self.rejected, rows])
        self.rejected.clear()
        self._whole.update(digest)
        self._span.update(digest)

    def flush(self) -> None:
        if self.rejected:
            self._take([])

    def cut(self, rows: list[Row]) -> tuple[str, str]:
        """Take a batch's rows: the digests of its span and of the whole input so far."""
        self._take(rows)
        span, self._span = self._span.hexdigest(), hashlib.sha256()
        return span, self._whole.hexdigest()

    def whole(self) -> str:
        self.flush()
        return self._whole.hexdigest()


def batches(
    rows: Iterator[Row],
    checker: RowChecker,
    batch_size: int,
    rejected: list[RejectedRow],
    counter: list[int],
    fingerprint: Fingerprint | None = None,
) -> Iterator[Batch]:
    """Cut the accepted rows into batches; rejected rows go to ``rejected``. ``counter[0]``
    tracks the rows read, for progress; ``fingerprint`` digests them all (see `Batch`).
    Deterministic: the same input gives the same batches and the same digests."""
    if not 1 <= batch_size <= MAX_IMPORT_BATCH:
        raise ValueError(f"batch_size must be 1..{MAX_IMPORT_BATCH}, not {batch_size}")
    tally = Fingerprint() if fingerprint is None else fingerprint
    passed_over, problem = tally.rejected, checker.problem
    index, first, start, number = 0, 0, 1, 0
    current: list[Row] = []
    # The rows come in chunks that fill the batch under way at most: a chunk whose every row
    # fits (`RowChecker.all_fit`, no Python per row) joins it whole; any other chunk is
    # checked row by row. Either way a batch is cut at the row that fills it.
    while chunk := list(islice(rows, batch_size - len(current))):
        if checker.all_fit(chunk):
            if not current:
                first = number + 1
            current += chunk
            number += len(chunk)
            counter[0] = number
        else:
            for row in chunk:
                number += 1
                counter[0] = number
                why = problem(row)
                if why is not None:
                    rejected.append(RejectedRow(number, why))
                    passed_over.append((number, row_text(row)))
                    if len(passed_over) >= _FLUSH_ROWS:
                        tally.flush()
                    continue
                if not current:
                    first = number
                current.append(row)
        if len(current) == batch_size:
            yield Batch(index, first, number, current, start, *tally.cut(current))
            index, current, start = index + 1, [], number + 1
    if current:
        yield Batch(index, first, counter[0], current, start, *tally.cut(current))


class Sent(NamedTuple):
    """What a checkpoint keeps of an acknowledged batch (see `Batch`)."""

    first: int
    last: int
    digest: str
    running: str


@dataclass
class Checkpoint:
    """The ledger of one import, saved atomically after every acknowledged batch.

    It records the job, the settings that shape the batches, for each batch sent the input rows
    it covered and their digests, and, once the job was asked to run, the row count and digest
    of the whole input. Resuming re-reads the input, skips the batches recorded here, and
    refuses to go on (`CheckpointError`) unless every row up to the last batch sent is the same;
    once the job ran, unless the whole input is.
    """

    path: Path | None
    contact_list_id: int
    settings: dict[str, Any]
    job_id: int | None = None
    done: dict[int, Sent] = field(default_factory=dict)
    run_requested: bool = False
    input_rows: int | None = None
    input_digest: str | None = None
    resumed: bool = False
    # As `is_done` goes: the last input row found to match, and the last batch asked about.
    _checked_to: int = field(default=0, init=False, repr=False)
    _produced: int = field(default=-1, init=False, repr=False)

    @classmethod
    def open(
        cls, path: str | os.PathLike[str] | None, contact_list_id: int, settings: dict[str, Any]
    ) -> Checkpoint:
        """A fresh ledger when ``path`` is ``None`` or names no file; else the saved one, checked
        (`CheckpointError` when it cannot be used for this import)."""
        if path is None:
            return cls(None, contact_list_id, settings)
        target = Path(path)
        saved = _load(target)
        if saved is None:
            return cls(target, contact_list_id, settings)
        if saved["contact_list_id"] != contact_list_id or saved["settings"] != settings:
            raise CheckpointError(
                f"{target} belongs to another import (list or settings differ); use another "
                f"path, or delete {target} to start over",
                path=target,
            )
        seen = saved["input"]
        return cls(
            target,
            contact_list_id,
            settings,
            job_id=saved["job_id"],
            done={int(k): Sent(*v) for k, v in saved["done"].items()},
            run_requested=saved["run_requested"],
            input_rows=None if seen is None else seen["rows"],
            input_digest=None if seen is None else seen["digest"],
            resumed=True,
        )

    @staticmethod
    def settings_of(**values: Any) -> dict[str, Any]:
        """The settings as saved (JSON round-tripped, so a comparison is exact)."""
        return dict(json.loads(json.dumps(values)))

    def is_done(self, batch: Batch) -> bool:
        """Whether ``batch`` was acknowledged before. Asked of every batch, in order; raises
        `CheckpointError` as soon as the input is found to differ from what was recorded."""
        index = self._produced = batch.index
        sent = self.done.get(batch.index)
        if sent is None:
            if self.run_requested:
                raise self._changed(
                    index,
                    f"batch {index} (rows {batch.first}..{batch.last}) was never sent, and the "
                    f"import already ran",
                )
            return False
        if (sent.first, sent.last) != (batch.first, batch.last):
            raise self._changed(
                index,
                f"batch {index} covered rows {sent.first}..{sent.last} when it was sent, but "
                f"rows {batch.first}..{batch.last} now",
            )
        if sent.digest != batch.digest:
            raise self._changed(
                index,
                f"batch {index} (rows {batch.start}..{batch.last}) holds other rows than when "
                f"it was sent",
            )
        if sent.running != batch.running:
            before = self._checked_to + 1, batch.start - 1
            rows = f"rows {before[0]}..{before[1]}" if before[0] <= before[1] else "rows"
            raise self._changed(
                index, f"{rows} before batch {index} differ from when batch {index} was sent"
            )
        self._checked_to = batch.last
        return True

    def finish(self, rows: int, digest: str) -> None:
        """At the end of the input: refuse one that ends before a batch that was sent, and,
        once the job ran, any but the input it ran over."""
        beyond = [index for index in self.done if index > self._produced]
        if beyond:
            index = min(beyond)
            sent = self.done[index]
            raise self._changed(
                index,
                f"batch {index} (rows {sent.first}..{sent.last}) was sent, but the input now "
                f"ends at row {rows}",
            )
        if self.run_requested and (rows, digest) != (self.input_rows, self.input_digest):
            detail = (
                f"now {rows} rows"
                if rows != self.input_rows
                else f"rows after row {self._checked_to} differ"
            )
            raise self._changed(
                None, f"the import already ran over {self.input_rows} rows, and {detail}"
            )

    def _changed(self, batch: int | None, detail: str) -> CheckpointError:
        assert self.path is not None  # without a file, nothing is recorded to differ from
        return CheckpointError(
            f"{self.path}: the input changed since the checkpoint: {detail}. A checkpoint "
            f"resumes only the input it was made with; to start over, delete {self.path} or "
            f"pass another checkpoint path",
            path=self.path,
            batch=batch,
        )

    def record(self, *batches: Batch) -> None:
        """Acknowledged batches, saved at once."""
        for batch in batches:
            self.done[batch.index] = Sent(batch.first, batch.last, batch.digest, batch.running)
        self.save()

    def ran(self, rows: int, digest: str) -> None:
        """The job was asked to run over these rows: saved, so a resume can tell its input."""
        self.run_requested, self.input_rows, self.input_digest = True, rows, digest
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
            "input": None
            if self.input_rows is None
            else {"rows": self.input_rows, "digest": self.input_digest},
        }
        partial = self.path.with_name(self.path.name + ".tmp")
        with partial.open("w", encoding="utf-8") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, self.path)


def _unusable(target: Path, why: str) -> CheckpointError:
    return CheckpointError(
        f"{target} is not a usable import checkpoint: {why}. To start over, delete {target} or "
        f"pass another checkpoint path",
        path=target,
    )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_sent(value: object) -> bool:
    if not (isinstance(value, list) and len(value) == 4):
        return False
    first, last, digest, running = value
    return (
        _is_int(first)
        and _is_int(last)
        and 1 <= first <= last
        and isinstance(digest, str)
        and isinstance(running, str)
    )


def _is_done(value: object) -> bool:
    return isinstance(value, dict) and all(
        key.isascii() and key.isdigit() and str(int(key)) == key and _is_sent(sent)
        for key, sent in value.items()
    )


def _is_input(value: object) -> bool:
    if value is None:
        return True
    return (
        isinstance(value, dict)
        and _is_int(value.get("rows"))
        and value["rows"] >= 0
        and isinstance(value.get("digest"), str)
    )


_SHAPE: dict[str, tuple[Callable[[object], bool], str]] = {
    "contact_list_id": (_is_int, "an integer"),
    "settings": (lambda v: isinstance(v, dict), "an object"),
    "job_id": (lambda v: v is None or _is_int(v), "an integer or null"),
    "done": (_is_done, "an object of batch number to [first, last, digest, running]"),
    "run_requested": (lambda v: isinstance(v, bool), "true or false"),
    "input": (_is_input, 'null or an object of "rows" and "digest"'),
}


def _load(target: Path) -> dict[str, Any] | None:
    """The saved checkpoint, its shape checked; ``None`` when there is no such file."""
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _unusable(target, f"it cannot be read ({error.strerror or error})") from error
    if not raw.strip():
        raise _unusable(target, "it is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError too
        raise _unusable(target, "it is not JSON (cut short, or overwritten?)") from error
    if not isinstance(data, dict):
        raise _unusable(target, f"it holds a JSON {type(data).__name__}, not an object")
    version: object = data.get("version")
    if version != CHECKPOINT_VERSION or not _is_int(version):
        older = isinstance(version, int) and _is_int(version) and 1 <= version < CHECKPOINT_VERSION
        why = (
            f"from an older which50 (checkpoint version {version}), which kept row numbers "
            f"only and cannot tell whether the input changed"
            if older
            else f"not a which50 import checkpoint of version {CHECKPOINT_VERSION} (version "
            f"{version!r})"
        )
        raise CheckpointError(
            f"{target} is {why}. To start over, delete {target} or pass another checkpoint path",
            path=target,
        )
    for key, (valid, what) in _SHAPE.items():
        if key not in data:
            raise _unusable(target, f"{key!r} is missing")
        if not valid(data[key]):
            raise _unusable(target, f"{key!r} is not {what}")
    if data["done"] and data["job_id"] is None:
        raise _unusable(target, "it records batches sent to no job")
    if data["run_requested"] and (data["job_id"] is None or data["input"] is None):
        raise _unusable(target, "it records a run of no job, or over no input")
    return data
