"""Does a client-driven bulk import keep pace with the server? Side by side, in one run.

    .venv/bin/python benchmarks/bench_import_pace.py --contacts 1000000 --rounds 2

Two ways to import the same ``--contacts`` rows (``Email``, ``FirstName``, ``City``, matched
on ``Email``) into list 1042 of a fresh sandbox (real clock, 50 seeded contacts):

- ``sandbox``: the sandbox's own ingest. The batches of 10,000 are serialised before the clock
  starts, exactly as the client sends them (``[{"Values": row}, ...]``); then one connection
  creates the job, posts them one after the other, runs the job and polls it every 50 ms until
  it is `Completed`: what the server can do when nothing on the client side costs anything;
- ``client``: ``contact_lists.import_contacts(1042, rows, match=["Email"])`` of `which50`, in a
  child process (rows from a generator, batches checked, fingerprinted, encoded and sent four at
  a time, the job run and polled with the client's own backoff), timed from the call to its
  return; the child also reports its peak RSS.

The rounds take turns (sandbox, client, sandbox, client, ...), each on a sandbox of its own,
so that the load of a shared machine hits both alike; the figure is the ratio of the medians,
client time over sandbox time (the issue's target: at most 1.2). Each result line is printed
as it comes, with the spread of the rounds, so a noisy run shows.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
from which50_sandbox.testing import SandboxServer, run_sandbox

try:
    from benchmarks._rss import peak_rss_mib
except ModuleNotFoundError:  # run as a script, with benchmarks/ first on sys.path
    from _rss import peak_rss_mib  # type: ignore[import-not-found,no-redef]

LIST_ID = 1042
BATCH = 10_000
FIELDS = ["Email", "FirstName", "City"]


def rows(count: int) -> Iterator[dict[str, str]]:
    for n in range(count):
        yield {"Email": f"pace-{n:08d}@example.ie", "FirstName": f"P{n}", "City": "Cork"}


def sandbox_alone(server: SandboxServer, count: int) -> dict[str, Any]:
    """The sandbox's own ingest of pre-serialised batches: wall seconds, and the job."""
    source = rows(count)
    bodies = []
    for start in range(0, count, BATCH):
        batch = [{"Values": next(source)} for _ in range(min(BATCH, count - start))]
        bodies.append(json.dumps(batch).encode())
    headers = {"Authorization": f"Bearer {server.token}"}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=600) as client:
        started = time.perf_counter()
        job = client.post(f"/contactLists/{LIST_ID}/import", json={"FieldNames": FIELDS})
        job.raise_for_status()
        url = f"/contactLists/{LIST_ID}/import/{job.json()['Id']}"
        for body in bodies:
            sent = client.post(url, content=body, headers={"Content-Type": "application/json"})
            sent.raise_for_status()
        client.post(url + "/run", params={"match": "Email"}).raise_for_status()
        batches = time.perf_counter() - started
        while (state := client.get(url).json())["CurrentStatus"] not in ("Completed", "Failed"):
            time.sleep(0.05)
        wall = time.perf_counter() - started
    return {
        "wall_s": wall,
        "batches_s": batches,
        "status": state["CurrentStatus"],
        "inserted": state["InsertedContacts"],
    }


def client_child(count: int) -> None:
    """Child process: the `which50` import; prints wall time, peak RSS and the job."""
    import which50

    ran: list[float] = []

    def progress(update: which50.ImportProgress) -> None:
        if update.phase == "running" and not ran:
            ran.append(time.perf_counter())

    with which50.Which50(timeout=600) as client:
        started = time.perf_counter()
        report = client.contact_lists.import_contacts(
            LIST_ID, rows(count), match=["Email"], progress=progress
        )
        wall = time.perf_counter() - started
    peak = peak_rss_mib()
    batches = (ran[0] if ran else started) - started
    result = {"wall_s": wall, "batches_s": batches, "peak_rss_mib": peak, "status": report.status}
    print(json.dumps({**result, "inserted": report.inserted}))


def client_import(server: SandboxServer, count: int) -> dict[str, Any]:
    env = {**os.environ, "WHICH50_BASE_URL": server.base_url, "WHICH50_TOKEN": server.token}
    out = subprocess.run(
        [sys.executable, __file__, "--client-child", str(count)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, Any] = json.loads(out)
    return result


def measure(count: int, rounds: int) -> dict[str, Any]:
    runs: dict[str, list[dict[str, Any]]] = {"sandbox": [], "client": []}
    for number in range(1, rounds + 1):
        for mode in ("sandbox", "client"):
            with run_sandbox(frozen_time=False, contacts=50) as server:
                run = (
                    sandbox_alone(server, count)
                    if mode == "sandbox"
                    else client_import(server, count)
                )
            if run["status"] != "Completed" or run["inserted"] != count:
                raise SystemExit(f"the {mode} import of {count} did not complete: {run}")
            runs[mode].append(run)
            rate = count / run["wall_s"]
            extra = f", client peak RSS {run['peak_rss_mib']:.0f} MiB" if mode == "client" else ""
            print(
                f"  round {number} {mode:<8} {run['wall_s']:6.1f} s  {rate:9,.0f} contacts/s "
                f"(batches sent and run after {run['batches_s']:.1f} s){extra}"
            )
    walls = {mode: [r["wall_s"] for r in found] for mode, found in runs.items()}
    medians = {mode: statistics.median(found) for mode, found in walls.items()}
    return {
        "contacts": count,
        "rounds": rounds,
        "wall_s": walls,
        "median_wall_s": medians,
        "contacts_per_s": {mode: count / wall for mode, wall in medians.items()},
        "client_over_sandbox": medians["client"] / medians["sandbox"],
        "client_peak_rss_mib": max(r["peak_rss_mib"] for r in runs["client"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--out", type=Path, help="write the figures here as JSON")
    parser.add_argument("--client-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client_child:
        client_child(args.client_child)
        return
    print(f"import of {args.contacts:,} contacts, {args.rounds} rounds, taking turns")
    result = measure(args.contacts, args.rounds)
    rates = result["contacts_per_s"]
    print(
        f"sandbox alone {rates['sandbox']:,.0f} contacts/s, client {rates['client']:,.0f} "
        f"contacts/s: client time / sandbox time = {result['client_over_sandbox']:.2f} "
        f"(target ≤ 1.2); client peak RSS {result['client_peak_rss_mib']:.0f} MiB"
    )
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
