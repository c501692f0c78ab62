"""Two concurrent imports over the same emails: how many contacts, how many distinct emails.

    .venv/bin/python benchmarks/concurrent_imports.py --emails 100000

Starts a sandbox subprocess (real clock, 50 seeded contacts), then runs two
`contact_lists.import_contacts(..., match=["Email"])` calls of the `which50` client at the same
time, from two threads, over the same `--emails` new emails (`dup.<n>@example.org`). When both
jobs are done it reads list 1042 back and prints:

- the contacts of the list that hold one of those emails, and the distinct emails among them
  (equal when nothing was duplicated: each email should be one contact, whichever job
  inserted it);
- the wall time of the two imports together, and each job's counters.

`which50_sandbox` is imported from wherever Python finds it, so putting an older copy of
`overlay/` first on `PYTHONPATH` measures that copy (the path is printed).
"""

from __future__ import annotations

import argparse
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import which50_sandbox
from which50 import ImportReport, Which50
from which50_sandbox.testing import run_sandbox

LIST_ID = 1042
SEEDED = 50


def rows(count: int, job: str) -> Iterator[dict[str, Any]]:
    for n in range(count):
        yield {"Email": f"dup.{n}@example.org", "FirstName": job}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emails", type=int, default=100_000)
    args = parser.parse_args()
    print(f"which50_sandbox from {which50_sandbox.__file__}")
    with run_sandbox(frozen_time=False, contacts=SEEDED) as server:
        reports: dict[str, ImportReport] = {}
        errors: list[BaseException] = []

        def run(job: str) -> None:
            try:
                with Which50(base_url=server.base_url, token=server.token, timeout=600) as client:
                    reports[job] = client.contact_lists.import_contacts(
                        LIST_ID, rows(args.emails, job), match=["Email"]
                    )
            except BaseException as exc:  # reported below, after both threads stop
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(job,)) for job in ("A", "B")]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        if errors:
            raise errors[0]
        listing = httpx.get(
            f"{server.base_url}/contactLists/{LIST_ID}/contacts",
            headers={"Authorization": f"Bearer {server.token}"},
            timeout=600,
        )
        listing.raise_for_status()
        emails = [
            c["Values"].get("Email")
            for c in listing.json()
            if str(c["Values"].get("Email", "")).startswith("dup.")
        ]
        print(f"two concurrent imports of the same {args.emails:,} emails: {elapsed:.1f} s")
        for job, report in sorted(reports.items()):
            print(
                f"  job {job}: {report.status}, inserted {report.inserted:,}, "
                f"updated {report.updated:,}"
            )
        print(f"contacts with those emails in list {LIST_ID}: {len(emails):,}")
        print(f"distinct emails among them: {len(set(emails)):,}")


if __name__ == "__main__":
    main()
