"""What the client's own side of a bulk import costs, with no server in the picture.

Three figures, each over the same 1,000,000 rows (a UTF-8 CSV file written once, and the same
rows as dicts from a generator):

- ``cut``: reading, checking and cutting the rows into batches (`which50._bulk.batches`), the
  single-threaded part that also fingerprints the input for the checkpoint;
- ``import``: the whole `import_contacts` call through an `httpx.MockTransport` that accepts
  every batch at once (JSON bodies built and sent, the job run and polled);
- ``digest`` (this checkout only, ``--digest``): ``cut`` with the fingerprint's hashing and with
  it switched off, in one process, taking turns, best of the rounds: the hashing's own cost per
  row, which the other two figures show only through the machine's noise.

Each figure is the CPU time of the process (all its threads): on a shared machine it moves
less than wall time with the other load, and it is the client's own cost either way.

``--compare DIR`` runs the same measurements on the `which50` package found in DIR (for
instance ``git archive <ref> overlay/which50 | tar -x -C DIR --strip-components=1``) and on
this checkout's (or on ``--after DIR``'s), in child processes taking turns, and prints the
medians side by side: only ratios measured in one run mean anything on a shared machine.

    .venv/bin/python benchmarks/bench_import_input.py --compare /tmp/which50-before
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROWS = 1_000_000
LIST_ID = 1042
FIELDS = [
    {
        "Id": number,
        "Name": name,
        "DefaultValue": "",
        "MapType": map_type,
        "Position": number,
        "ContactSchemaFieldValues": [],
    }
    for number, name, map_type in (
        (1, "Email", "Email"),
        (2, "FirstName", "Text"),
        (3, "City", "Text"),
    )
]
JOB = {
    "Id": 7,
    "ContactListId": LIST_ID,
    "InvalidEmailCount": 0,
    "InvalidSmsCount": 0,
    "ProgressPercent": 0,
    "CurrentStatus": "Created",
    "StartDate": None,
    "FinishDate": None,
    "InsertedContacts": 0,
    "UpdatedContacts": 0,
    "DroppedContacts": 0,
    "NotUpdatedContacts": 0,
    "TotalContacts": 0,
}
DONE = {
    **JOB,
    "ProgressPercent": 100,
    "CurrentStatus": "Completed",
    "InsertedContacts": ROWS,
    "TotalContacts": ROWS,
    "StartDate": "2026-01-01T00:00:00+00:00",
    "FinishDate": "2026-01-01T00:00:10+00:00",
}


def _dicts(count: int) -> Iterator[dict[str, str]]:
    for n in range(count):
        yield {"Email": f"bench-{n:08d}@example.ie", "FirstName": f"B{n}", "City": "Cork"}


def _write_csv(path: Path, count: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ["Email", "FirstName", "City"])
        writer.writeheader()
        writer.writerows(_dicts(count))


def _source(kind: str, csv_path: Path, count: int) -> Any:
    return csv_path if kind == "csv" else _dicts(count)


def child(what: str, kind: str, csv_path: Path, count: int) -> float:
    """Seconds for one measurement, in this process."""
    import httpx
    import which50
    from which50 import _bulk
    from which50_models import ContactSchemaField

    if what == "cut":
        fields = [ContactSchemaField.model_validate(f) for f in FIELDS]
        checker = _bulk.RowChecker(fields, ["Email"], ["Email", "FirstName", "City"])
        rows = _bulk.read_rows(_source(kind, csv_path, count))
        started = time.process_time()
        sent = sum(len(b.rows) for b in _bulk.batches(rows, checker, 10_000, [], [0]))
        elapsed = time.process_time() - started
        assert sent == count, sent
        return elapsed

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/fields"):
            return httpx.Response(200, json=FIELDS)
        return httpx.Response(200, json=DONE if request.method == "GET" else JOB)

    transport = httpx.MockTransport(handler)
    base = "http://bench.test/Which50API"
    with which50.Which50(base_url=base, token="t", transport=transport) as c:
        started = time.process_time()
        report = c.contact_lists.import_contacts(
            LIST_ID, _source(kind, csv_path, count), match=["Email"]
        )
        elapsed = time.process_time() - started
    assert report.contacts_sent == count and report.succeeded, report
    return elapsed


def digest_cost(csv_path: Path, count: int, rounds: int) -> dict[str, float]:
    """Nanoseconds a row of ``cut`` costs with the fingerprint's hashing, and without it."""
    from which50 import _bulk
    from which50_models import ContactSchemaField

    class Unhashed(_bulk.Fingerprint):
        def cut(self, rows: list[_bulk.Row]) -> tuple[str, str]:
            self.rejected.clear()
            return "", ""

    fields = [ContactSchemaField.model_validate(f) for f in FIELDS]
    best: dict[str, float] = {}
    for _ in range(rounds):
        for kind in ("csv", "dicts"):
            for label, tally in (("hashed", _bulk.Fingerprint), ("unhashed", Unhashed)):
                checker = _bulk.RowChecker(fields, ["Email"], ["Email", "FirstName", "City"])
                rows = _bulk.read_rows(_source(kind, csv_path, count))
                started = time.process_time()
                for _batch in _bulk.batches(rows, checker, 10_000, [], [0], tally()):
                    pass
                elapsed = (time.process_time() - started) / count * 1e9
                key = f"{kind} {label}"
                best[key] = min(best.get(key, elapsed), elapsed)
    return best


def compare(before: Path, after: Path | None, rounds: int, count: int) -> dict[str, Any]:
    here = Path(__file__).resolve()
    results: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        csv_path = Path(scratch) / "rows.csv"
        _write_csv(csv_path, count)
        for _ in range(rounds):
            for what in ("cut", "import"):
                for kind in ("csv", "dicts"):
                    for label, path in (("before", str(before)), ("after", str(after or ""))):
                        env = {**os.environ, "PYTHONPATH": path}
                        out = subprocess.run(
                            [
                                sys.executable,
                                str(here),
                                "--child",
                                what,
                                kind,
                                str(csv_path),
                                str(count),
                            ],
                            env=env,
                            check=True,
                            capture_output=True,
                            text=True,
                        ).stdout
                        key = f"{what} {kind}"
                        results.setdefault(key, {}).setdefault(label, []).append(float(out))
    table: dict[str, Any] = {}
    for key, runs in results.items():
        b, a = statistics.median(runs["before"]), statistics.median(runs["after"])
        table[key] = {"before_s": b, "after_s": a, "after_over_before": a / b}
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", type=Path, help="a directory holding the other which50")
    parser.add_argument(
        "--after", type=Path, help="a directory holding this which50 (default: the checkout's)"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--digest", action="store_true", help="the digest's cost per row")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        what, kind, path, count = args.child
        print(child(what, kind, Path(path), int(count)))
        return
    if args.digest:
        with tempfile.TemporaryDirectory() as scratch:
            csv_path = Path(scratch) / "rows.csv"
            _write_csv(csv_path, args.rows)
            cost = digest_cost(csv_path, args.rows, args.rounds)
        for key, ns in cost.items():
            print(f"cut {key:<16} {ns:6.0f} ns/row")
        for kind in ("csv", "dicts"):
            extra = cost[f"{kind} hashed"] - cost[f"{kind} unhashed"]
            print(f"digest, {kind}: {extra:.0f} ns/row, {extra * args.rows / 1e9:.2f} CPU s")
        return
    if args.compare is None:
        parser.error("--compare DIR (or --digest) is required")
    table = compare(args.compare, args.after, args.rounds, args.rows)
    head = f"rows: {args.rows:,}"
    print(f"{head:<16} {'before CPU s':>13} {'after CPU s':>12} {'after/before':>13}")
    for key, row in table.items():
        print(
            f"{key:<16} {row['before_s']:>13.2f} {row['after_s']:>12.2f} "
            f"{row['after_over_before']:>13.3f}"
        )
    print(json.dumps(table))


if __name__ == "__main__":
    main()
