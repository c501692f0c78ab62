"""Bulk import: stream rows (or a CSV) into an import job, resumably."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import which50


def on_progress(progress: which50.ImportProgress) -> None:
    print(f"{progress.phase:<8} sent={progress.contacts_sent:>6} job={progress.job_percent}%")


with tempfile.TemporaryDirectory() as scratch, which50.Which50() as client:
    source = Path(scratch) / "signups.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Email", "FirstName", "PreferredStore"])
        for n in range(25_000):
            store = "Galway" if n % 1000 else "Atlantis"  # not an allowed value: rejected
            writer.writerow([f"signup{n}@example.ie", f"Signup{n}", store])

    report = client.contact_lists.import_contacts(
        1042,
        source,  # streamed, never loaded whole
        match=["Email"],  # contacts with the same Email are updated, never duplicated
        concurrency=4,
        progress=on_progress,
        checkpoint=Path(scratch) / "signups.checkpoint",  # run again after a crash: it resumes
    )
    print(report.status, report.inserted, report.updated)
    for rejected in report.rejected[:3]:
        print(f"row {rejected.row}: {rejected.reason}")
