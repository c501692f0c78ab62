"""Streaming a long answer: ``contact_lists.iter_contacts`` against raw httpx + ijson, and the
list method beside them. Side by side, in one run, against one sandbox.

    .venv/bin/python benchmarks/bench_stream.py --contacts 1000000 --rounds 3

The sandbox (real clock) gets ``--contacts`` new contacts in list 1042 and a tenth of that in
list 1057, through an import job of pre-serialised batches. Then each reader runs in a child
process of its own (so its peak RSS is its own), reading the whole list:

- ``iter``: ``for contact in client.contact_lists.iter_contacts(1042)`` of `which50.Which50`
  (each item parsed by ijson and checked into a `Contact`);
- ``aiter``: the same with ``async for`` on `which50.AsyncWhich50`;
- ``raw``: ``httpx.Client.stream`` fed to ijson's ``items_coro`` (yajl2_c), the same push
  parser, with no model: the floor any streaming client pays;
- ``iter-small``: ``iter`` over list 1057 (a tenth of the contacts): memory must not grow with
  the answer;
- ``list``: ``client.contact_lists.list_contacts(1042)``, the whole array in memory (once; it
  is the slow and heavy one).

Rounds take turns (iter, aiter, raw, iter-small, iter, ...) so the load of a shared machine
hits each alike. Each child reports wall seconds, its CPU seconds (its own work, whatever the
sandbox's pace) and its peak RSS (VmHWM). The figures are medians of the rounds; the
ratios are ``iter`` over ``raw``, for wall time and for CPU time.
"""

from __future__ import annotations

import argparse
import asyncio
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
SMALL_LIST_ID = 1057
BATCH = 10_000
READERS = ("iter", "aiter", "raw", "iter-small")


def fill(server: SandboxServer, list_id: int, count: int, tag: str) -> int:
    """``count`` contacts into the list, through one import job of pre-serialised batches;
    the list's contacts then (the seeded ones too)."""
    headers = {"Authorization": f"Bearer {server.token}"}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=600) as client:
        job = client.post(f"/contactLists/{list_id}/import", json={"FieldNames": ["Email"]})
        job.raise_for_status()
        url = f"/contactLists/{list_id}/import/{job.json()['Id']}"
        for start in range(0, count, BATCH):
            batch = [
                {"Values": {"Email": f"{tag}-{n:08d}@example.ie", "FirstName": f"S{n}"}}
                for n in range(start, min(start + BATCH, count))
            ]
            client.post(url, json=batch).raise_for_status()
        client.post(url + "/run", params={"match": "Email"}).raise_for_status()
        while client.get(url).json()["CurrentStatus"] not in ("Completed", "Failed"):
            time.sleep(0.2)
        total: int = client.get(f"/contactLists/{list_id}").json()["Count"]
    return total


def _contacts(list_id: int) -> Iterator[dict[str, Any]]:
    """Raw httpx + ijson: the items of the list as plain dicts."""
    import ijson

    url = f"{os.environ['WHICH50_BASE_URL']}/contactLists/{list_id}/contacts"
    headers = {"Authorization": f"Bearer {os.environ['WHICH50_TOKEN']}"}
    with httpx.Client(timeout=600) as client, client.stream("GET", url, headers=headers) as answer:
        answer.raise_for_status()
        found: list[dict[str, Any]] = ijson.sendable_list()
        parser = ijson.items_coro(found, "item", use_float=True)
        for chunk in answer.iter_bytes():
            parser.send(chunk)
            yield from found
            found.clear()
        parser.close()
        yield from found


def reader_child(reader: str) -> None:
    """Child process: read the list one way; print the count, wall and CPU seconds, peak RSS."""
    import which50

    started, cpu = time.perf_counter(), time.process_time()
    if reader == "raw":
        count = sum(1 for _ in _contacts(LIST_ID))
    elif reader == "aiter":

        async def main() -> int:
            async with which50.AsyncWhich50(timeout=600) as client:
                return sum([1 async for _ in client.contact_lists.iter_contacts(LIST_ID)])

        count = asyncio.run(main())
    else:
        with which50.Which50(timeout=600, max_response_size=None) as client:
            if reader == "list":
                count = len(client.contact_lists.list_contacts(LIST_ID))
            else:
                list_id = SMALL_LIST_ID if reader == "iter-small" else LIST_ID
                count = sum(1 for _ in client.contact_lists.iter_contacts(list_id))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = peak_rss_mib()
    print(json.dumps({"count": count, "wall_s": wall, "cpu_s": cpu, "peak_rss_mib": peak}))


def run_reader(server: SandboxServer, reader: str) -> dict[str, Any]:
    env = {**os.environ, "WHICH50_BASE_URL": server.base_url, "WHICH50_TOKEN": server.token}
    out = subprocess.run(
        [sys.executable, __file__, "--reader-child", reader],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, Any] = json.loads(out)
    return result


def measure(count: int, rounds: int, with_list: bool) -> dict[str, Any]:
    small = max(count // 10, 1)
    runs: dict[str, list[dict[str, Any]]] = {}
    with run_sandbox(frozen_time=False) as server:
        started = time.perf_counter()
        expected = {"iter-small": fill(server, SMALL_LIST_ID, small, "small")}
        big = fill(server, LIST_ID, count, "stream")
        took = time.perf_counter() - started
        print(f"lists of {big:,} and {expected['iter-small']:,} contacts, filled in {took:.0f} s")
        for number in range(1, rounds + 1):
            for reader in READERS + (("list",) if with_list and number == 1 else ()):
                run = run_reader(server, reader)
                runs.setdefault(reader, []).append(run)
                print(
                    f"  round {number} {reader:<11} {run['count']:>9,} contacts "
                    f"{run['wall_s']:6.1f} s wall {run['cpu_s']:6.1f} s CPU "
                    f"peak RSS {run['peak_rss_mib']:7.0f} MiB"
                )
    for reader, found in runs.items():
        for run in found:
            if run["count"] != expected.get(reader, big):
                raise SystemExit(f"{reader} read {run['count']} contacts, not {big}")
    table = {
        reader: {
            "contacts": found[0]["count"],
            "runs": len(found),
            "wall_s": statistics.median(r["wall_s"] for r in found),
            "cpu_s": statistics.median(r["cpu_s"] for r in found),
            "peak_rss_mib": max(r["peak_rss_mib"] for r in found),
            "wall_s_each": [round(r["wall_s"], 2) for r in found],
        }
        for reader, found in runs.items()
    }
    return {
        "contacts": big,
        "rounds": rounds,
        "readers": table,
        "iter_over_raw_wall": table["iter"]["wall_s"] / table["raw"]["wall_s"],
        "iter_over_raw_cpu": table["iter"]["cpu_s"] / table["raw"]["cpu_s"],
        "aiter_over_raw_cpu": table["aiter"]["cpu_s"] / table["raw"]["cpu_s"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-list", action="store_true", help="leave out the list method")
    parser.add_argument("--out", type=Path, help="write the figures here as JSON")
    parser.add_argument("--reader-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reader_child:
        reader_child(args.reader_child)
        return
    result = measure(args.contacts, args.rounds, not args.no_list)
    readers = result["readers"]
    print(f"\n{'reader':<12}{'contacts':>11}{'wall s':>9}{'CPU s':>8}{'peak RSS MiB':>14}")
    for reader, row in readers.items():
        print(
            f"{reader:<12}{row['contacts']:>11,}{row['wall_s']:>9.1f}{row['cpu_s']:>8.1f}"
            f"{row['peak_rss_mib']:>14.0f}"
        )
    print(
        f"iter / raw httpx + ijson: {result['iter_over_raw_wall']:.2f}× wall, "
        f"{result['iter_over_raw_cpu']:.2f}× CPU (aiter {result['aiter_over_raw_cpu']:.2f}× CPU)"
    )
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
