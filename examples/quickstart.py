"""A tour of the which50 client, run by `make demo` against a local sandbox.

Run it against any Which50 by setting WHICH50_BASE_URL and WHICH50_TOKEN (or
WHICH50_USERNAME and WHICH50_PASSWORD). It writes to list 1042, so do not point it at an
account whose data matters. DEMO_CONTACTS sets the size of the bulk import (default 100,000).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import which50

LIST_ID = 1042  # the newsletter list of the sandbox's seed data
JOURNEY_ID = 377
EMAIL_ID = 9120


def show(title: str) -> None:
    print(f"\n== {title}")


def generated_contacts(count: int) -> Iterator[dict[str, Any]]:
    """Contacts made up on the fly: the import streams them, nothing is held in memory."""
    for n in range(count):
        yield {"Email": f"demo{n:07d}@example.ie", "FirstName": f"Demo{n}", "City": "Galway"}


class ProgressBar:
    """A one-line progress bar fed by `import_contacts(progress=...)`."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()

    def __call__(self, progress: which50.ImportProgress) -> None:
        if progress.phase == "batches":
            done, label = progress.contacts_sent, "sent"
        else:
            done = self.total * (progress.job_percent or 0) // 100
            label = f"job {progress.job_status or '?'}"
        width = 30
        filled = width * done // max(self.total, 1)
        rate = done / max(time.monotonic() - self.started, 1e-9)
        bar = "#" * filled + "." * (width - filled)
        print(f"\r  [{bar}] {done:>9,}/{self.total:,} {label:<14} {rate:>9,.0f}/s", end="")
        if progress.phase == "done":
            print()
        sys.stdout.flush()


def main() -> None:
    count = int(os.environ.get("DEMO_CONTACTS", "100000"))
    show("Configuration (from WHICH50_BASE_URL and WHICH50_TOKEN; the token is never shown)")
    with which50.Which50(timeout=30, max_retries=3) as client:
        print(f"  {client!r}")

        show("Lists and fields")
        for contact_list in client.contact_lists.list():
            print(f"  list {contact_list.id}: {contact_list.name} ({contact_list.count} contacts)")
        fields = client.contact_lists.fields.list(LIST_ID)
        print("  fields of list", LIST_ID, "->", ", ".join(str(f.name) for f in fields))

        show("Upsert with match: the second call updates the same contact")
        values = {"Email": "aoife.demo@example.ie", "FirstName": "Aoife", "City": "Galway"}
        first = client.contact_lists.upsert(LIST_ID, values, match=["Email"])
        second = client.contact_lists.upsert(LIST_ID, {**values, "City": "Sligo"}, match=["Email"])
        assert first.enc_contact_id == second.enc_contact_id
        city = second.values["City"]
        print(f"  contact {second.enc_contact_id} now lives in {city}")

        show(f"Bulk import of {count:,} generated contacts")
        report = client.contact_lists.import_contacts(
            LIST_ID, generated_contacts(count), match=["Email"], progress=ProgressBar(count)
        )
        print(
            f"  job {report.job.id} {report.status}: {report.inserted:,} inserted, "
            f"{report.updated:,} updated, {len(report.rejected)} rejected, "
            f"{report.batches_sent} batches"
        )

        show("Send an email, then find it in the contact's history")
        client.sends.send_email(EMAIL_ID, {"ListId": LIST_ID, "Values": values}, match=["Email"])
        contact_id = second.enc_contact_id
        for email in client.contacts.list_emails(contact_id):
            print(f"  email {email.id} '{email.name}' sent {email.date}")
        summary = client.contacts.get_summary(contact_id)
        emails, texts = len(summary.emails or []), len(summary.text_messages or [])
        print(f"  summary: {emails} email(s), {texts} text message(s)")

        show(f"Journey {JOURNEY_ID}: email report")
        print(f"  {'email':<28}{'sent':>7}{'delivered':>11}{'opened':>8}{'clicked':>9}")
        for row in client.journeys.reports.list_emails(JOURNEY_ID):
            counts = (row.sent, row.delivered, row.opened, row.clicked)
            print(f"  {row.name!s:<28}{counts[0]:>7}{counts[1]:>11}{counts[2]:>8}{counts[3]:>9}")

        show("A file round trip: upload, download, delete")
        with tempfile.TemporaryDirectory() as scratch:
            local = Path(scratch) / "signups.csv"
            local.write_text("Email,FirstName\naoife.demo@example.ie,Aoife\n", encoding="utf-8")
            uploaded = client.files.upload(local, sub_folder="demo")
            inbox = Path(scratch) / "inbox"
            inbox.mkdir()
            copy = client.files.download(str(uploaded.file_path), inbox)
            assert copy.read_bytes() == local.read_bytes()
            client.files.delete(str(uploaded.file_path))
            down = copy.stat().st_size
            print(f"  {uploaded.file_path}: {uploaded.size} bytes up, {down} down, deleted")

        try:
            client.contacts.get("no-such-contact")
        except which50.NotFoundError as error:
            show("Errors are typed")
            print(f"  {type(error).__name__}: {error}")


if __name__ == "__main__":
    main()
