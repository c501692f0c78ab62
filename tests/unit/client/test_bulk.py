"""Bulk import: row checks, batching, the checkpoint, and the driver against a small fake API
(`_import_fake.FakeAPI`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import which50
from hypothesis import given, settings
from hypothesis import strategies as st
from which50._bulk import Checkpoint, RowChecker, batches
from which50_models import ContactSchemaField

from ._import_fake import FIELDS, FakeAPI
from ._import_fake import rows as _rows
from .conftest import JOB, Harness, json_response


def _checker(field_names: list[str] | None = None) -> RowChecker:
    fields = [ContactSchemaField.model_validate(f) for f in FIELDS]
    return RowChecker(fields, ["Email"], field_names or ["Email", "FirstName", "Store"])


FIRST = "field 'FirstName': "


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"Email": "a@b.c", "FirstName": "A"}, None),
        ({"Email": "a@b.c", "Store": "Galway"}, None),
        ({"Email": "a@b.c", "Store": ""}, None),
        ({"FirstName": "A"}, "match field 'Email' is missing or empty"),
        ({"Email": "", "FirstName": "A"}, "match field 'Email' is missing or empty"),
        ({"Email": "a@b.c", "Shoe": 9}, "unknown field 'Shoe'"),
        ({"Email": "a@b.c", "Notes": "x"}, "field 'Notes' is not among the import's field_names"),
        (
            {"Email": "a@b.c", "FirstName": ["A"]},
            "field 'FirstName' holds a list, not a single value",
        ),
        ({"Email": "a@b.c", "Store": "Cork"}, None),  # listed, though not in use
        ({"Email": "a@b.c", "Store": "Sligo"}, "'Sligo' is not an allowed value of 'Store'"),
        (["a@b.c"], "a row must be a mapping of field name to value, not list"),
        # values JSON cannot carry, or the API cannot read, are this row's problem alone
        (
            {"Email": "a@b.c", "FirstName": float("nan")},
            "field 'FirstName': nan is not a JSON number",
        ),
        (
            {"Email": "a@b.c", "FirstName": float("-inf")},
            "field 'FirstName': -inf is not a JSON number",
        ),
        (
            {"Email": "a@b.c", "FirstName": "x\ud800"},
            "field 'FirstName': text with a lone surrogate is not valid Unicode",
        ),
        ({"Email": "a@b.c", "FirstName": "Aoife Ní Bhriain"}, None),
        ({"Email": "a@b.c", "FirstName": 1.5}, None),
    ],
)
def test_row_checks(row: Any, reason: str | None) -> None:
    assert _checker().problem(row) == reason


def test_settings_naming_unknown_fields_are_refused() -> None:
    fields = [ContactSchemaField.model_validate(f) for f in FIELDS]
    with pytest.raises(ValueError, match="'Phone' is not a field of the list"):
        RowChecker(fields, ["Phone"], ["Phone"])
    with pytest.raises(ValueError, match="must be among field_names"):
        RowChecker(fields, ["Email"], ["FirstName"])


def test_batches_cover_accepted_rows_in_order() -> None:
    rows = [{"Email": f"{n}@x.ie"} if n % 4 else {"Email": ""} for n in range(1, 24)]
    rejected: list[which50.RejectedRow] = []
    read = [0]
    cut = list(batches(iter(rows), _checker(), 5, rejected, read))
    assert [len(b.rows) for b in cut] == [5, 5, 5, 3]
    assert [(b.index, b.first, b.last) for b in cut] == [
        (0, 1, 6),
        (1, 7, 13),
        (2, 14, 19),
        (3, 21, 23),
    ]
    assert [r.row for r in rejected] == [4, 8, 12, 16, 20]
    assert read == [23]
    with pytest.raises(ValueError, match="batch_size"):
        next(batches(iter(rows), _checker(), 10_001, [], [0]))


def test_an_import_from_start_to_finish(harness: Harness) -> None:
    api, seen = FakeAPI(), list[which50.ImportProgress]()
    report = harness.call(
        api.handler,
        lambda c: c.contact_lists.import_contacts(
            1042, _rows(25, bad_every=12), match=["Email"], batch_size=10, progress=seen.append
        ),
    )
    assert report.succeeded and report.status == "Completed"
    assert (report.rows_read, report.contacts_sent, report.batches_sent) == (25, 23, 3)
    assert [(r.row, r.reason) for r in report.rejected] == [
        (12, "match field 'Email' is missing or empty"),
        (24, "match field 'Email' is missing or empty"),
    ]
    assert (report.inserted, report.updated, report.dropped) == (23, 0, 0)
    assert len(api.contacts) == 23
    assert api.jobs[1]["names"] == ["Email", "FirstName"]
    phases = [p.phase for p in seen]
    assert phases[:3] == ["batches"] * 3 and phases[-1] == "done" and "running" in phases
    assert seen[-1].job_percent == 100 and seen[-1].rows_rejected == 2
    run = next(r for r in harness.requests if r.url.path.endswith("/run"))
    assert run.url.params["match"] == "Email"


def test_a_csv_file_is_streamed(harness: Harness, tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("Email,FirstName\n" + "".join(f"c{n}@x.ie,N{n}\n" for n in range(7)), "utf-8")
    api = FakeAPI()
    report = harness.call(
        api.handler,
        lambda c: c.contact_lists.import_contacts(1042, path, match=["Email"], batch_size=3),
    )
    assert report.contacts_sent == 7 and report.batches_sent == 3 and len(api.contacts) == 7


def test_an_interrupted_import_resumes_without_duplicates_or_gaps(
    harness: Harness, tmp_path: Path
) -> None:
    api, checkpoint = FakeAPI(), tmp_path / "import.ckpt"
    rows = _rows(50)

    def interrupt(progress: which50.ImportProgress) -> None:
        if progress.batches_sent == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        harness.call(
            api.handler,
            lambda c: c.contact_lists.import_contacts(
                1042,
                rows,
                match=["Email"],
                batch_size=10,
                concurrency=1,
                checkpoint=checkpoint,
                progress=interrupt,
            ),
        )
    assert api.batches_received == 2 and api.jobs[1]["status"] == "Created"
    report = harness.call(
        api.handler,
        lambda c: c.contact_lists.import_contacts(
            1042, rows, match=["Email"], batch_size=10, concurrency=1, checkpoint=checkpoint
        ),
    )
    assert report.resumed and report.batches_sent == 3
    assert api.batches_received == 5 and len(api.jobs) == 1
    assert len(api.jobs[1]["staged"]) == 50 and len(api.contacts) == 50
    again = harness.call(
        api.handler,
        lambda c: c.contact_lists.import_contacts(
            1042, rows, match=["Email"], batch_size=10, checkpoint=checkpoint
        ),
    )
    assert again.batches_sent == 0 and api.batches_received == 5 and again.succeeded


def test_a_batch_whose_answer_was_lost_is_sent_again_harmlessly(harness: Harness) -> None:
    api = FakeAPI()
    api.lose_answer_to = {"batch"}
    report = harness.call(
        api.handler,
        lambda c: c.contact_lists.import_contacts(
            1042, _rows(30), match=["Email"], batch_size=10, concurrency=1
        ),
    )
    assert api.batches_received == 4  # one batch arrived twice
    assert len(api.contacts) == 30 and report.inserted == 30 and report.updated == 10
    assert len(harness.sleeps) == 2  # a backoff before the resend, then one poll


def test_a_run_whose_answer_was_lost_is_not_started_twice(harness: Harness) -> None:
    api = FakeAPI()
    api.lose_answer_to = {"run"}
    report = harness.call(
        api.handler, lambda c: c.contact_lists.import_contacts(1042, _rows(5), match=["Email"])
    )
    assert report.succeeded and report.inserted == 5
    assert sum(r.url.path.endswith("/run") for r in harness.requests) == 1


def test_a_checkpoint_for_other_settings_is_refused(harness: Harness, tmp_path: Path) -> None:
    checkpoint = tmp_path / "c.json"
    api = FakeAPI()
    harness.call(
        api.handler,
        lambda c: c.contact_lists.import_contacts(
            1042, _rows(3), match=["Email"], checkpoint=checkpoint
        ),
    )
    with pytest.raises(ValueError, match="belongs to another import"):
        harness.call(
            api.handler,
            lambda c: c.contact_lists.import_contacts(
                1042, _rows(3), match=["Email"], batch_size=2, checkpoint=checkpoint
            ),
        )


def test_a_changed_input_is_refused_on_resume(tmp_path: Path) -> None:
    ledger = Checkpoint.open(tmp_path / "c.json", 1042, {"k": 1})
    rows = [{"Email": f"{n}@x.ie"} for n in range(6)]
    first = next(batches(iter(rows), _checker(), 3, [], [0]))
    ledger.job_id = 9
    ledger.record(first)
    reopened = Checkpoint.open(tmp_path / "c.json", 1042, {"k": 1})
    assert reopened.resumed and reopened.job_id == 9 and reopened.is_done(first)
    changed = next(batches(iter([{"Email": ""}, *rows]), _checker(), 3, [], [0]))
    with pytest.raises(ValueError, match="the input changed"):
        reopened.is_done(changed)
    (tmp_path / "c.json").write_text('{"version": 99}')
    with pytest.raises(ValueError, match="not a which50 import checkpoint"):
        Checkpoint.open(tmp_path / "c.json", 1042, {"k": 1})


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"match": []}, "match must name"),
        ({"match": "Email"}, "match must name"),
        ({"match": ["Email"], "concurrency": 0}, "concurrency"),
    ],
)
def test_bad_import_settings(harness: Harness, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        harness.call(
            FakeAPI().handler, lambda c: c.contact_lists.import_contacts(1042, [], **kwargs)
        )
    assert harness.requests == []


def test_batches_that_succeeded_beside_a_failure_are_still_recorded() -> None:
    from which50._importer import ImportSettings, _acknowledge

    settings = ImportSettings(
        1042,
        _rows(30),
        match=["Email"],
        field_names=None,
        custom_events=None,
        batch_size=10,
        concurrency=3,
        progress=None,
        checkpoint=None,
    )
    ledger = settings.prepare([ContactSchemaField.model_validate(f) for f in FIELDS])
    first, second, third = settings.pending_batches()
    boom = which50.APIStatusError(
        "x", method="POST", url="u", status_code=500, headers=httpx.Headers(), body=None
    )
    with pytest.raises(which50.APIStatusError):
        _acknowledge(settings, [(first, None), (second, boom), (third, None)])
    assert sorted(ledger.done) == [0, 2]
    assert settings.sent_contacts == 20


def test_polls_come_sooner_when_the_job_s_pace_says_it_ends_sooner(harness: Harness) -> None:
    """A job that advances 20% a second (by the client's clock: the waits it asked for) ends
    5 s after it ran: the poll after 4.06 s comes at its expected end, not 2.53 s later."""
    job = {**JOB, "Id": 7, "ContactListId": 1042}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/fields"):
            return json_response(200, FIELDS)
        if request.method == "POST":
            return json_response(200, job)
        percent = min(100, round(20 * sum(harness.sleeps)))
        status = "Completed" if percent == 100 else "Running"
        return json_response(200, {**job, "CurrentStatus": status, "ProgressPercent": percent})

    report = harness.call(
        handler, lambda c: c.contact_lists.import_contacts(1042, _rows(3), match=["Email"])
    )
    assert report.succeeded
    # The backoff's waits, then about 0.94 s (81% done after 4.06 s: 19% to go) where the
    # backoff would have waited 2.53 s; the percentages are whole numbers, hence the margin.
    assert harness.sleeps[:4] == pytest.approx([0.5, 0.75, 1.125, 1.6875])
    assert len(harness.sleeps) == 5 and 0.9 < harness.sleeps[4] < 1.0


_VALUES = st.one_of(
    st.text(max_size=6),
    st.sampled_from(["", "Galway", "Cork", "Athlone", "\ud800", "é"]),
    st.integers(),
    st.floats(),
    st.none(),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
)
_ROWS = st.dictionaries(
    st.sampled_from(["Email", "FirstName", "Store", "Notes", "Unknown"]), _VALUES, max_size=4
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ROWS, max_size=6))
def test_the_fast_checks_agree_with_the_full_check(rows: list[dict[str, Any]]) -> None:
    """`problem`'s C-only path and `all_fit` (a whole chunk at once) say what the full check,
    value by value, says: never a row let through that it rejects."""
    checker = _checker()
    for row in rows:
        assert checker.problem(row) == checker.full_problem(row)
    if checker.all_fit(rows):
        assert all(checker.full_problem(row) is None for row in rows)
    plain = [{"Email": f"a{n}@example.ie", "FirstName": "Ann"} for n in range(len(rows) + 1)]
    assert checker.all_fit(plain)
