"""Throughput of the sandbox: `make bench-sandbox`.

Prints three figures, measured against a sandbox subprocess on 127.0.0.1:

- simple GETs per second over one keep-alive connection (`getContactList`);
- contacts ingested per second through an import job: `--contacts` contacts (1,000,000 by
  default) sent in batches of 10,000 through `addImportJobContacts`, then `runImportJob` with
  `match=Email`, then polled until `Completed`;
- the peak resident set size of the server process (VmHWM).

The batches are built before the clock starts, so the figure is the sandbox's, not the
benchmark's JSON encoding.
"""

from __future__ import annotations

import argparse
import json
import time

import httpx
from which50_sandbox.testing import run_sandbox

try:
    from benchmarks._rss import peak_rss_mib
except ModuleNotFoundError:  # run as a script, with benchmarks/ first on sys.path
    from _rss import peak_rss_mib  # type: ignore[import-not-found,no-redef]

BATCH = 10_000


def batch_body(start: int, size: int) -> bytes:
    contacts = [
        {
            "ListId": 1042,
            "Values": {
                "Email": f"bench.{n}@example.org",
                "FirstName": "Bench",
                "LastName": f"Contact{n}",
                "City": "Galway",
            },
        }
        for n in range(start, start + size)
    ]
    return json.dumps(contacts).encode()


def bench_gets(client: httpx.Client, seconds: float) -> float:
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        client.get("/contactLists/1057").raise_for_status()
        count += 1
    return count / (time.perf_counter() - started)


def bench_import(client: httpx.Client, total: int) -> tuple[float, dict[str, object]]:
    bodies = [batch_body(start, min(BATCH, total - start)) for start in range(0, total, BATCH)]
    started = time.perf_counter()
    job = client.post(
        "/contactLists/1042/import", json={"FieldNames": ["Email", "FirstName", "LastName", "City"]}
    )
    job.raise_for_status()
    job_id = job.json()["Id"]
    url = f"/contactLists/1042/import/{job_id}"
    headers = {"Content-Type": "application/json"}
    for body in bodies:
        client.post(url, content=body, headers=headers).raise_for_status()
    client.post(url + "/run", params={"match": "Email"}).raise_for_status()
    while True:
        state = client.get(url).json()
        if state["CurrentStatus"] in ("Completed", "Failed"):
            break
        time.sleep(0.05)
    return time.perf_counter() - started, state


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--get-seconds", type=float, default=5.0)
    args = parser.parse_args()
    with run_sandbox(frozen_time=False, contacts=50) as server:
        assert server.process is not None
        with httpx.Client(
            base_url=server.base_url,
            headers={"Authorization": f"Bearer {server.token}"},
            timeout=120,
        ) as client:
            gets = bench_gets(client, args.get_seconds)
            print(f"simple GETs per second (keep-alive, 1 connection): {gets:,.0f}")
            elapsed, state = bench_import(client, args.contacts)
            print(
                f"import of {args.contacts:,} contacts in batches of {BATCH:,}: "
                f"{elapsed:.1f} s, {args.contacts / elapsed:,.0f} contacts/s "
                f"({state['CurrentStatus']}, inserted {state['InsertedContacts']:,}, "
                f"updated {state['UpdatedContacts']:,})"
            )
        print(f"peak RSS of the sandbox process: {peak_rss_mib(server.process.pid):,.0f} MiB")


if __name__ == "__main__":
    main()
