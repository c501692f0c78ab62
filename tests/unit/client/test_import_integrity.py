"""Bulk import, nothing lost and nothing leaked (issue 11), on both twins against the fake API:

- a checkpoint fingerprints the rows it sent and refuses other input, before and after the job
  ran, naming the file and the first batch that differs;
- a corrupt checkpoint is a `CheckpointError` naming the file, before any request;
- a batch send outlasts 429 and 503 storms within a budget of its own;
- polling a job ends: at ``job_timeout``, or at a status the client does not know;
- interrupted, both drivers record the batches the server acknowledged, in flight ones too.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import which50
from which50 import _retry
from which50._bulk import Checkpoint, RowChecker, batches
from which50_models import ContactSchemaField

from ._import_fake import FIELDS, FakeAPI, rows
from .conftest import BASE, TOKEN, Harness, json_response

Rows = list[dict[str, Any]]


def _import(
    harness: Harness, api: FakeAPI, source: Any, checkpoint: Path | None, **options: Any
) -> Any:
    settings: dict[str, Any] = {"match": ["Email"], "batch_size": 10, "concurrency": 1}
    return harness.call(
        api.handler,
        lambda c: c.contact_lists.import_contacts(
            1042, source, checkpoint=checkpoint, **(settings | options)
        ),
    )


def _interrupted(harness: Harness, api: FakeAPI, source: Any, checkpoint: Path, after: int) -> None:
    """An import stopped, as by Ctrl-C, once ``after`` batches were acknowledged."""

    def stop(progress: which50.ImportProgress) -> None:
        if progress.batches_sent == after:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _import(harness, api, source, checkpoint, progress=stop)


def _refused(call: Callable[[], Any], path: Path, batch: int | None) -> which50.CheckpointError:
    with pytest.raises(ValueError) as caught:
        call()
    error = caught.value
    assert isinstance(error, which50.CheckpointError), repr(error)
    message = str(error)
    assert error.path == path and error.batch == batch
    assert message.startswith(f"{path}: the input changed since the checkpoint")
    if batch is not None:
        assert f"batch {batch} " in message
    assert f"delete {path} or pass another checkpoint path" in message
    assert "\n" not in message
    return error


def _edited(source: Rows) -> Rows:
    changed = [dict(row) for row in source]
    changed[4]["FirstName"] = "Edited"
    return changed


def _swapped(source: Rows) -> Rows:
    changed = list(source)
    changed[2], changed[32] = changed[32], changed[2]
    return changed


def _deleted(source: Rows) -> Rows:
    return source[:4] + source[5:]


@pytest.mark.parametrize("change", [_swapped, _edited, _deleted, lambda s: s[::-1]])
def test_a_resume_over_changed_rows_is_refused(
    harness: Harness, tmp_path: Path, change: Callable[[Rows], Rows]
) -> None:
    api, checkpoint, source = FakeAPI(), tmp_path / "import.ckpt", rows(50)
    _interrupted(harness, api, source, checkpoint, after=2)
    _refused(lambda: _import(harness, api, change(source), checkpoint), checkpoint, 0)
    assert api.batches_received == 2  # nothing of the changed input was sent
    assert api.jobs[1]["status"] == "Created" and api.contacts == {}
    report = _import(harness, api, source, checkpoint)  # the input it was made with resumes
    assert report.succeeded and report.resumed and len(api.contacts) == 50


def test_a_resume_over_a_changed_csv_file_is_refused(harness: Harness, tmp_path: Path) -> None:
    api, checkpoint, source = FakeAPI(), tmp_path / "import.ckpt", tmp_path / "rows.csv"
    lines = [f"c{n}@example.ie,N{n}" for n in range(1, 31)]
    source.write_text("Email,FirstName\n" + "\n".join(lines) + "\n", "utf-8")
    _interrupted(harness, api, source, checkpoint, after=2)
    lines[12] = "c13@example.ie,Changed"
    source.write_text("Email,FirstName\n" + "\n".join(lines) + "\n", "utf-8")
    error = _refused(lambda: _import(harness, api, source, checkpoint), checkpoint, 1)
    assert "batch 1 (rows 11..20) holds other rows than when it was sent" in str(error)
    assert str(source) not in _open_files()  # closed when the import failed, not when collected


def _open_files() -> set[str]:
    fds = Path("/proc/self/fd")
    return {os.readlink(fds / fd) for fd in os.listdir(fds) if (fds / fd).is_symlink()}


def test_a_resume_over_a_shorter_input_is_refused(harness: Harness, tmp_path: Path) -> None:
    api, checkpoint, source = FakeAPI(), tmp_path / "import.ckpt", rows(50)
    _interrupted(harness, api, source, checkpoint, after=2)
    error = _refused(lambda: _import(harness, api, source[:10], checkpoint), checkpoint, 1)
    assert "batch 1 (rows 11..20) was sent, but the input now ends at row 10" in str(error)
    assert api.batches_received == 2


def test_rows_not_sent_yet_may_change(harness: Harness, tmp_path: Path) -> None:
    """Only rows up to the last batch sent are bound: the rest were never sent."""
    api, checkpoint, source = FakeAPI(), tmp_path / "import.ckpt", rows(50)
    _interrupted(harness, api, source, checkpoint, after=2)
    changed = source[:20] + rows(40, tag="new")[20:]
    report = _import(harness, api, changed, checkpoint)
    assert report.succeeded and report.batches_sent == 2
    assert sorted(api.contacts) == sorted(row["Email"] for row in changed)


def test_a_batch_missing_between_recorded_ones_is_sent_only_once_they_match(
    harness: Harness, tmp_path: Path
) -> None:
    """Batch 1 was in flight and lost when batches 0 and 2 were acknowledged. A resume over
    input changed in batch 1's rows sends nothing; over the same input, it sends batch 1."""
    api, checkpoint, source = FakeAPI(), tmp_path / "import.ckpt", rows(40)
    checker = RowChecker(
        [ContactSchemaField.model_validate(f) for f in FIELDS], ["Email"], ["Email", "FirstName"]
    )
    first, _, third, _ = batches(iter(source), checker, 10, [], [0])
    ledger = Checkpoint(checkpoint, 1042, _settings_of(source), job_id=_job(api))
    ledger.record(first, third)
    changed = [dict(row) for row in source]
    changed[14]["FirstName"] = "Edited"
    error = _refused(lambda: _import(harness, api, changed, checkpoint), checkpoint, 2)
    assert "rows 11..20 before batch 2 differ from when batch 2 was sent" in str(error)
    assert api.batches_received == 0
    report = _import(harness, api, source, checkpoint)
    assert report.batches_sent == 2 and api.batches_received == 2
    assert [row["Email"] for row in api.jobs[1]["staged"]] == [
        row["Email"] for row in source[10:20] + source[30:]
    ]


def _job(api: FakeAPI) -> int:
    api.jobs[1] = {"staged": [], "status": "Created", "names": ["Email", "FirstName"], "polls": 0}
    return 1


def test_a_change_before_a_batch_sent_out_of_order_is_refused(tmp_path: Path) -> None:
    """Batches 0 and 2 were acknowledged, batch 1 not: rows of batch 1 are bound too."""
    checker = RowChecker(
        [ContactSchemaField.model_validate(f) for f in FIELDS], ["Email"], ["Email", "FirstName"]
    )
    source = rows(30)
    first, _, third = batches(iter(source), checker, 10, [], [0])
    ledger = Checkpoint.open(tmp_path / "c.json", 1042, {"k": 1})
    ledger.job_id = 7
    ledger.record(first, third)
    reopened = Checkpoint.open(tmp_path / "c.json", 1042, {"k": 1})
    changed = [dict(row) for row in source]
    changed[14]["FirstName"] = "Edited"
    cut = list(batches(iter(changed), checker, 10, [], [0]))
    assert reopened.is_done(cut[0]) and not reopened.is_done(cut[1])
    with pytest.raises(which50.CheckpointError) as caught:
        reopened.is_done(cut[2])
    assert caught.value.batch == 2
    assert "rows 11..20 before batch 2 differ from when batch 2 was sent" in str(caught.value)


def _digests(source: list[Any]) -> list[tuple[str, str]]:
    checker = RowChecker(
        [ContactSchemaField.model_validate(f) for f in FIELDS], ["Email"], ["Email", "FirstName"]
    )
    return [(b.digest, b.running) for b in batches(iter(source), checker, 2, [], [0])]


def test_the_fingerprint_reads_values_not_objects() -> None:
    one, other = "".join(["Co", "rk"]), "".join(["Co", "rk"])
    assert one is not other
    shared = [{"Email": "a@x.ie", "FirstName": one}, {"Email": "b@x.ie", "FirstName": one}]
    apart = [{"Email": "a@x.ie", "FirstName": one}, {"Email": "b@x.ie", "FirstName": other}]
    assert _digests(shared) == _digests(apart)
    values: list[object] = ["1", 1, 1.0, True, None, "1 "]
    assert len({_digests([{"Email": "a@x.ie", "FirstName": v}])[0] for v in values}) == 6

    class Local(str):  # does not pickle: its batch is hashed by repr, the same way each time
        pass

    assert _digests([{"Email": "a@x.ie", "FirstName": Local("A")}]) == _digests(
        [{"Email": "a@x.ie", "FirstName": Local("A")}]
    )
    rejected = [object(), {"Email": "", "Shoe": [1]}, {None: ["extra cell"]}]
    many = [*rejected * 3000, {"Email": "a@x.ie"}]  # flushed on their own on the way
    assert _digests(many) == _digests([*[object(), *rejected[1:]] * 3000, {"Email": "a@x.ie"}])
    assert _digests(many) != _digests([*rejected * 3000, {"Email": "b@x.ie"}])


def test_a_completed_checkpoint_refuses_new_input(harness: Harness, tmp_path: Path) -> None:
    api, checkpoint, source = FakeAPI(), tmp_path / "import.ckpt", rows(20)
    first = _import(harness, api, source, checkpoint)
    assert first.succeeded and first.contacts_sent == 20
    _refused(lambda: _import(harness, api, rows(20, tag="other"), checkpoint), checkpoint, 0)
    longer = source + rows(25, tag="more")[20:]
    error = _refused(lambda: _import(harness, api, longer, checkpoint), checkpoint, 2)
    assert "batch 2 (rows 21..25) was never sent, and the import already ran" in str(error)
    one_more_rejected = [*source, {"Email": ""}]
    error = _refused(lambda: _import(harness, api, one_more_rejected, checkpoint), checkpoint, None)
    assert "the import already ran over 20 rows, and now 21 rows" in str(error)
    assert api.batches_received == 2 and sorted(api.contacts) == sorted(r["Email"] for r in source)
    again = _import(harness, api, source, checkpoint)  # the same input: its report, read again
    assert again.succeeded and again.resumed and again.batches_sent == 0
    assert again.rows_read == 20 and again.job.id == first.job.id


def test_a_completed_checkpoint_refuses_a_changed_trailing_rejected_row(
    harness: Harness, tmp_path: Path
) -> None:
    api, checkpoint = FakeAPI(), tmp_path / "import.ckpt"
    _import(harness, api, [*rows(10), {"Email": "", "FirstName": "A"}], checkpoint)
    changed = [*rows(10), {"Email": "", "FirstName": "B"}]
    error = _refused(lambda: _import(harness, api, changed, checkpoint), checkpoint, None)
    assert "the import already ran over 11 rows, and rows after row 10 differ" in str(error)


# --- corrupt checkpoints -----------------------------------------------------------------------


def _valid_checkpoint(tmp_path: Path) -> dict[str, Any]:
    ledger = Checkpoint(tmp_path / "valid.json", 1042, {"k": 1}, job_id=7)
    checker = RowChecker(
        [ContactSchemaField.model_validate(f) for f in FIELDS], ["Email"], ["Email"]
    )
    ledger.record(next(batches(iter([{"Email": "a@b.ie"}]), checker, 10, [], [0])))
    saved: dict[str, Any] = json.loads((tmp_path / "valid.json").read_text("utf-8"))
    return saved


def _without(key: str) -> Callable[[dict[str, Any]], object]:
    return lambda saved: {k: v for k, v in saved.items() if k != key}


def _with(key: str, value: object) -> Callable[[dict[str, Any]], object]:
    return lambda saved: saved | {key: value}


CORRUPT: dict[str, Callable[[dict[str, Any]], object] | bytes] = {
    "empty": b"",
    "blank": b" \n",
    "random bytes": bytes(range(256)) * 3,
    "truncated": b'{"version": 2, "contact_list_id": 1042, "settings": {"match": ["Em',
    "a JSON list": lambda saved: [saved],
    "a JSON string": lambda saved: "checkpoint",
    "JSON null": lambda saved: None,
    "no version": _without("version"),
    "no contact_list_id": _without("contact_list_id"),
    "no settings": _without("settings"),
    "no job_id": _without("job_id"),
    "no done": _without("done"),
    "no run_requested": _without("run_requested"),
    "no input": _without("input"),
    "a version as text": _with("version", "2"),
    "settings as a list": _with("settings", []),
    "a job id as text": _with("job_id", "7"),
    "done as a list": _with("done", [[1, 1, "a", "b"]]),
    "a done key that is no number": _with("done", {"zero": [1, 1, "a", "b"]}),
    "a done entry cut short": _with("done", {"0": [1, 1]}),
    "a done entry of wrong types": _with("done", {"0": ["1", 1, "a", "b"]}),
    "a done entry ending before it starts": _with("done", {"0": [5, 1, "a", "b"]}),
    "run_requested as text": _with("run_requested", "yes"),
    "input of a wrong shape": _with("input", {"rows": -1, "digest": "x"}),
    "a run over no input": _with("run_requested", True),
    "batches sent to no job": _with("job_id", None),
}


@pytest.mark.parametrize("case", CORRUPT, ids=list(CORRUPT))
def test_a_corrupt_checkpoint_is_a_clear_error_before_any_request(
    harness: Harness, tmp_path: Path, case: str
) -> None:
    path = tmp_path / "import.ckpt"
    corrupt = CORRUPT[case]
    if isinstance(corrupt, bytes):
        path.write_bytes(corrupt)
    else:
        saved = _valid_checkpoint(tmp_path) | {"settings": _settings_of(rows(3))}
        path.write_text(json.dumps(corrupt(saved)), "utf-8")
    with pytest.raises(ValueError) as caught:
        _import(harness, FakeAPI(), rows(3), path)
    error = caught.value
    assert type(error) is which50.CheckpointError, repr(error)
    assert error.path == path and str(path) in str(error) and "\n" not in str(error)
    assert f"delete {path} or pass another checkpoint path" in str(error)
    assert harness.requests == []


def _settings_of(source: Rows) -> dict[str, Any]:
    return {
        "match": ["Email"],
        "field_names": list(source[0]),
        "custom_events": None,
        "batch_size": 10,
    }


def test_a_checkpoint_that_cannot_be_read_is_a_clear_error(
    harness: Harness, tmp_path: Path
) -> None:
    with pytest.raises(which50.CheckpointError, match="cannot be read") as caught:
        _import(harness, FakeAPI(), rows(3), tmp_path)  # a directory
    assert caught.value.path == tmp_path and harness.requests == []


def test_a_checkpoint_of_the_first_format_is_refused_with_the_way_out(
    harness: Harness, tmp_path: Path
) -> None:
    path = tmp_path / "import.ckpt"
    saved = {"version": 1, "contact_list_id": 1042, "settings": _settings_of(rows(3))}
    path.write_text(json.dumps(saved | {"job_id": 1, "done": {}, "run_requested": False}))
    with pytest.raises(which50.CheckpointError) as caught:
        _import(harness, FakeAPI(), rows(3), path)
    assert str(caught.value) == (
        f"{path} is from an older which50 (checkpoint version 1), which kept row numbers only "
        f"and cannot tell whether the input changed. To start over, delete {path} or pass "
        f"another checkpoint path"
    )


# --- batch sends through throttling ------------------------------------------------------------


def _throttled(status: int, retry_after: str | None = None) -> httpx.Response:
    headers = {} if retry_after is None else {"Retry-After": retry_after}
    return json_response(status, {"Message": "slow down"}, **headers)


def test_a_429_storm_longer_than_max_retries_is_waited_out(harness: Harness) -> None:
    api = FakeAPI()
    api.batch_answers = [_throttled(429, "2")] * 7  # max_retries=2: three calls' worth, and one
    report = _import(harness, api, rows(20), None)
    assert report.succeeded and report.batches_sent == 2 and len(api.contacts) == 20
    assert harness.sleeps.count(2.0) == 7  # each wait is the server's


def test_a_retry_after_beyond_the_transport_cap_is_honoured(harness: Harness) -> None:
    api = FakeAPI()
    api.batch_answers = [_throttled(429, "120"), _throttled(503, "300")]
    report = _import(harness, api, rows(10), None)
    assert report.succeeded and len(api.contacts) == 10
    assert harness.sleeps[:2] == [120.0, 300.0]


@pytest.mark.parametrize("status", [502, 503, 504])
def test_a_5xx_storm_is_waited_out_with_backoff(harness: Harness, status: int) -> None:
    api = FakeAPI()
    api.batch_answers = [_throttled(status)] * 8
    report = _import(harness, api, rows(10), None)
    assert report.succeeded and len(api.contacts) == 10
    assert len(harness.sleeps) >= 3 and all(0 < wait <= 60 for wait in harness.sleeps)


def test_a_storm_past_the_budget_raises_and_keeps_what_was_sent(
    harness: Harness, tmp_path: Path
) -> None:
    api, checkpoint = FakeAPI(), tmp_path / "import.ckpt"

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and api.batches_received == 1 and "run" not in request.url.path:
            return _throttled(429, "1")
        return api.handler(request)

    with pytest.raises(which50.RateLimitError):
        harness.call(
            handler,
            lambda c: c.contact_lists.import_contacts(
                1042,
                rows(20),
                match=["Email"],
                batch_size=10,
                concurrency=1,
                checkpoint=checkpoint,
            ),
        )
    posts = [r for r in harness.requests if r.method == "POST" and r.url.path.endswith("/1")]
    assert len(posts) == 1 + 10 * 3  # batch 0; batch 1: ten calls of three tries each
    assert json.loads(checkpoint.read_text())["done"].keys() == {"0"}


def test_a_retry_after_past_the_budget_raises_at_once(harness: Harness) -> None:
    api = FakeAPI()
    api.batch_answers = [_throttled(429, "100000")]
    with pytest.raises(which50.RateLimitError):
        _import(harness, api, rows(10), None)
    assert harness.sleeps == []


def test_a_batch_cut_short_every_time_raises_after_its_attempts(harness: Harness) -> None:
    api = FakeAPI()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path.endswith("/import/1"):
            raise httpx.ReadError("connection reset", request=request)
        return api.handler(request)

    with pytest.raises(which50.APIConnectionError):
        harness.call(
            handler,
            lambda c: c.contact_lists.import_contacts(1042, rows(5), match=["Email"]),
            max_retries=0,
        )
    assert sum(r.url.path.endswith("/import/1") for r in harness.requests) == 6
    assert len(harness.sleeps) == 5


def test_a_500_is_not_sent_again(harness: Harness) -> None:
    api = FakeAPI()
    api.batch_answers = [_throttled(500)]
    with pytest.raises(which50.InternalServerError):
        _import(harness, api, rows(10), None)
    assert api.batch_answers == [] and api.batches_received == 0


# --- polling ends --------------------------------------------------------------------------------


def test_a_job_that_never_ends_stops_at_job_timeout(harness: Harness, tmp_path: Path) -> None:
    api = FakeAPI()
    api.statuses = ["Queued", "Running"]
    with pytest.raises(which50.Which50Error) as caught:
        _import(harness, api, rows(5), tmp_path / "c.ckpt", job_timeout=30)
    error = caught.value
    assert isinstance(error, which50.ImportJobError), repr(error)
    assert (error.job_id, error.status, error.job.id) == (1, "Running", 1)
    assert (error.method, error.url) == ("GET", f"{BASE}/contactLists/1042/import/1")
    assert str(error) == (
        "import job 1 of list 1042 is still Running after 30 s (job_timeout), so the call "
        "stopped waiting; the job goes on on the server; call import_contacts again with the "
        "same checkpoint to wait for it"
    )
    assert sum(harness.sleeps) == pytest.approx(30) and TOKEN not in repr(vars(error))
    api.statuses = ["Completed"]
    report = _import(harness, api, rows(5), tmp_path / "c.ckpt")
    assert report.succeeded and report.resumed and report.batches_sent == 0


def test_polling_is_bounded_by_default(harness: Harness) -> None:
    api = FakeAPI()
    api.statuses = ["Running"]
    with pytest.raises(which50.Which50Error) as caught:
        _import(harness, api, rows(5), None)
    assert isinstance(caught.value, which50.ImportJobError)
    assert "after 3600 s (job_timeout)" in str(caught.value)
    assert "contact_lists.imports.get(1042, 1)" in str(caught.value)
    assert sum(harness.sleeps) == pytest.approx(3600)


def test_a_job_status_the_client_does_not_know_ends_the_call(harness: Harness) -> None:
    api = FakeAPI()
    api.statuses = ["Running", "Exploded"]
    with pytest.raises(which50.Which50Error) as caught:
        _import(harness, api, rows(5), None)
    error = caught.value
    assert isinstance(error, which50.ImportJobError), repr(error)
    assert (error.job_id, error.status) == (1, "Exploded")
    assert "reports the status 'Exploded', which this client does not know" in str(error)


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (0, ValueError),
        (-1, ValueError),
        (math.inf, ValueError),
        (math.nan, ValueError),
        (None, TypeError),
        ("60", TypeError),
        (True, TypeError),
    ],
)
def test_bad_job_timeouts_are_refused_before_any_request(
    harness: Harness, value: object, error: type[Exception]
) -> None:
    with pytest.raises(error, match="job_timeout"):
        _import(harness, FakeAPI(), rows(5), None, job_timeout=value)
    assert harness.requests == []


@pytest.mark.parametrize("size", [0, 10_001])
def test_a_bad_batch_size_is_refused_before_any_request(harness: Harness, size: int) -> None:
    with pytest.raises(ValueError, match=r"batch_size must be 1\.\.10000"):
        _import(harness, FakeAPI(), rows(5), None, batch_size=size)
    assert harness.requests == []


# --- interruption: both drivers record the batches in flight -----------------------------------


def _blocking(
    harness: Harness, api: FakeAPI, released: Any, batch: int = 1
) -> Callable[[httpx.Request], Any]:
    """``api.handler``, except that the ``batch``-th batch (rows from ``10 * batch - 9``) is
    answered only once ``released`` is set."""
    email = f"c{10 * batch - 9}@example.ie"

    def held(request: httpx.Request) -> bool:
        if request.method != "POST" or not request.url.path.endswith("/import/1"):
            return False
        return bool(json.loads(request.content)[0]["Values"]["Email"] == email)

    if harness.kind == "sync":

        def handler(request: httpx.Request) -> Any:
            if held(request):
                assert released.wait(10)
            return api.handler(request)

        return handler

    async def ahandler(request: httpx.Request) -> Any:
        if held(request):
            await asyncio.wait_for(released.wait(), 10)
        return api.handler(request)

    return ahandler


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, RuntimeError])
def test_an_interruption_records_the_batches_in_flight(
    harness: Harness, tmp_path: Path, interruption: type[BaseException]
) -> None:
    """Batch 1 is acknowledged while batch 0 is on the wire, and the caller stops: batch 0 is
    waited for and recorded, so a resume sends neither again."""
    api, checkpoint, source = FakeAPI(), tmp_path / "import.ckpt", rows(50)
    released = threading.Event() if harness.kind == "sync" else asyncio.Event()

    def stop(progress: which50.ImportProgress) -> None:
        released.set()
        raise interruption

    with pytest.raises(interruption):
        harness.call(
            _blocking(harness, api, released),
            lambda c: c.contact_lists.import_contacts(
                1042,
                source,
                match=["Email"],
                batch_size=10,
                concurrency=2,
                checkpoint=checkpoint,
                progress=stop,
            ),
        )
    assert api.batches_received == 2
    assert sorted(json.loads(checkpoint.read_text())["done"]) == ["0", "1"]
    report = _import(harness, api, source, checkpoint)
    assert report.resumed and report.batches_sent == 3
    assert api.batches_received == 5 and len(api.contacts) == 50


def test_a_cancelled_async_import_records_the_batches_in_flight(
    sleeps: list[float], tmp_path: Path
) -> None:
    api, checkpoint, source = FakeAPI(), tmp_path / "import.ckpt", rows(50)
    harness = Harness("async", sleeps)

    async def main() -> None:
        released = asyncio.Event()
        timer: asyncio.Timeout | None = None

        async def handler(request: httpx.Request) -> httpx.Response:
            if request.method == "POST" and request.url.path.endswith("/import/1"):
                first = json.loads(request.content)[0]["Values"]["Email"]
                if first == "c1@example.ie":
                    await released.wait()
                else:  # batch 1 arrives while batch 0 is on the wire: time is up
                    assert timer is not None
                    timer.reschedule(asyncio.get_running_loop().time())
                    released.set()
            return api.handler(request)

        transport = httpx.MockTransport(handler)
        async with which50.AsyncWhich50(base_url=BASE, token=TOKEN, transport=transport) as c:
            async with asyncio.timeout(None) as timer:
                await c.contact_lists.import_contacts(
                    1042,
                    source,
                    match=["Email"],
                    batch_size=10,
                    concurrency=2,
                    checkpoint=checkpoint,
                )

    with pytest.raises(TimeoutError):
        asyncio.run(main())
    assert api.batches_received == 2
    assert sorted(json.loads(checkpoint.read_text())["done"]) == ["0", "1"]
    report = _import(harness, api, source, checkpoint)
    assert report.resumed and report.batches_sent == 3 and api.batches_received == 5


def test_a_batch_waiting_out_a_throttle_is_dropped_at_once_when_interrupted(
    harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batch 0 waits out a long Retry-After; batch 1 is acknowledged and the caller stops: the
    wait ends at once, batch 0 is not sent again, and a resume sends it."""
    api, checkpoint, source = FakeAPI(), tmp_path / "import.ckpt", rows(20)
    waiting = threading.Event() if harness.kind == "sync" else asyncio.Event()
    dropped: list[bool] = []

    def pause(seconds: float, stop: threading.Event) -> None:
        waiting.set()
        dropped.append(stop.wait(10))

    async def asleep(seconds: float) -> None:
        waiting.set()
        try:
            await asyncio.sleep(10)  # cancelled at once, or the test fails
        except asyncio.CancelledError:
            dropped.append(True)
            raise
        dropped.append(False)

    monkeypatch.setattr(_retry, "pause", pause)
    monkeypatch.setattr(_retry, "asleep", asleep)
    api.batch_answers = [_throttled(429, "500")]

    def stop(progress: which50.ImportProgress) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        harness.call(
            _blocking(harness, api, waiting, batch=2),
            lambda c: c.contact_lists.import_contacts(
                1042,
                source,
                match=["Email"],
                batch_size=10,
                concurrency=2,
                checkpoint=checkpoint,
                progress=stop,
            ),
            max_retries=0,
        )
    assert dropped == [True]
    assert sorted(json.loads(checkpoint.read_text())["done"]) == ["1"]
    report = _import(harness, api, source, checkpoint)
    assert report.batches_sent == 1 and len(api.contacts) == 20
