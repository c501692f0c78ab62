"""Bulk import against the sandbox: resumed after an interruption, and through injected faults,
each ending with exactly the contacts it was given."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import which50
from which50_sandbox.testing import SandboxServer

from .conftest import LIST_ID, Live, list_count


def _rows(tag: str, count: int) -> Iterator[dict[str, Any]]:
    for n in range(count):
        yield {"Email": f"{tag}{n:06d}@example.ie", "FirstName": f"N{n}", "City": "Galway"}


class Interrupt(Exception):
    """Stands in for Ctrl-C or a crash between two batches."""


def test_an_interrupted_import_resumes_with_exactly_n_contacts(fresh: Live, tmp_path: Path) -> None:
    count, checkpoint = 12_000, tmp_path / "import.ckpt"
    before = list_count(fresh)

    def stop_after_two(progress: which50.ImportProgress) -> None:
        if progress.batches_sent == 2:
            raise Interrupt

    with pytest.raises(Interrupt):
        fresh.call(
            lambda c: c.contact_lists.import_contacts(
                LIST_ID,
                _rows("resume", count),
                match=["Email"],
                batch_size=2_000,
                concurrency=2,
                checkpoint=checkpoint,
                progress=stop_after_two,
            )
        )
    assert list_count(fresh) == before  # nothing is written before the job runs
    report = fresh.call(
        lambda c: c.contact_lists.import_contacts(
            LIST_ID,
            _rows("resume", count),
            match=["Email"],
            batch_size=2_000,
            concurrency=2,
            checkpoint=checkpoint,
        )
    )
    assert report.resumed and report.succeeded
    assert report.batches_sent <= 4
    assert report.inserted == count and report.updated == 0
    assert list_count(fresh) == before + count


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_an_import_through_faults_ends_with_exactly_n_contacts(
    kind: str, which50_sandbox_factory: Callable[..., SandboxServer]
) -> None:
    server = which50_sandbox_factory(rate_limit=0.1, error_rate=0.1, drop_rate=0.05, fault_seed=11)
    live = Live(kind, server)
    count = 8_000
    before = list_count(live)
    report = live.call(
        lambda c: c.contact_lists.import_contacts(
            LIST_ID, _rows("faults", count), match=["Email"], batch_size=1_000
        ),
        max_retries=6,
    )
    assert report.succeeded and report.rejected == []
    assert report.inserted == count and report.updated <= report.contacts_sent - count
    assert list_count(live, LIST_ID) == before + count


def test_rejected_rows_are_reported_and_never_sent(fresh: Live, tmp_path: Path) -> None:
    source = tmp_path / "rows.csv"
    lines = ["Email,FirstName,PreferredStore"]
    lines += [f"r{n}@example.ie,R{n},{'Galway' if n % 5 else 'Atlantis'}" for n in range(50)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = list_count(fresh)
    report = fresh.call(lambda c: c.contact_lists.import_contacts(LIST_ID, source, match=["Email"]))
    assert [r.row for r in report.rejected] == list(range(1, 51, 5))
    assert report.inserted == 40 and list_count(fresh) == before + 40


def test_a_resume_over_changed_input_is_refused_and_sends_nothing(
    fresh: Live, tmp_path: Path
) -> None:
    """Interrupted after two batches, then resumed over a CSV with one row edited in a batch
    that was sent: refused, naming the checkpoint and the batch; the list is unchanged. Resumed
    over the original file, it completes with exactly the rows of that file."""
    count, checkpoint, source = 6_000, tmp_path / "import.ckpt", tmp_path / "rows.csv"
    lines = [f"edit{n:06d}@example.ie,N{n},Galway" for n in range(count)]
    source.write_text("Email,FirstName,City\n" + "\n".join(lines) + "\n", "utf-8")
    before = list_count(fresh)
    settings: dict[str, Any] = {"match": ["Email"], "batch_size": 1_000, "concurrency": 1}

    def stop_after_two(progress: which50.ImportProgress) -> None:
        if progress.batches_sent == 2:
            raise Interrupt

    with pytest.raises(Interrupt):
        fresh.call(
            lambda c: c.contact_lists.import_contacts(
                LIST_ID, source, checkpoint=checkpoint, progress=stop_after_two, **settings
            )
        )
    original = source.read_text("utf-8")
    source.write_text(original.replace("N500,", "Edited,"), "utf-8")
    with pytest.raises(which50.CheckpointError) as caught:
        fresh.call(
            lambda c: c.contact_lists.import_contacts(
                LIST_ID, source, checkpoint=checkpoint, **settings
            )
        )
    assert caught.value.path == checkpoint and caught.value.batch == 0
    assert "batch 0 (rows 1..1000) holds other rows than when it was sent" in str(caught.value)
    assert list_count(fresh) == before
    source.write_text(original, "utf-8")
    report = fresh.call(
        lambda c: c.contact_lists.import_contacts(
            LIST_ID, source, checkpoint=checkpoint, **settings
        )
    )
    assert report.resumed and report.succeeded and report.batches_sent == 4
    assert report.inserted == count and list_count(fresh) == before + count
