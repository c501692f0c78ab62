"""Client benchmarks (`make bench`): every figure measured side by side, in one run, against
one sandbox. Prints a table and writes benchmarks/results.json.

- per call: 2,000 sequential `contacts.get` through raw httpx + json.loads, the raw
  `which50_client`, the `which50` overlay, and an OpenAPI Generator client generated now from
  the same spec; rounds are interleaved so that drift hits every client alike;
- client CPU per call, with `httpx.MockTransport` (no server in the picture);
- client CPU per call against the sandbox, for one contact and for a list of 200 contacts: the
  overlay (one `validate_json` into the `which50_models` types) against raw httpx +
  `json.loads`, in interleaved rounds;
- bulk import pace (benchmarks/bench_import_pace.py): 1,000,000 contacts through
  `import_contacts` against the sandbox's own ingest of the same batches pre-serialised, rounds
  taking turns, and the client's peak RSS, then the same at 100,000 (memory must not grow);
- streaming (benchmarks/bench_stream.py): a list of 1,000,000 contacts through `iter_contacts`
  (sync and async) against raw httpx + ijson, a list a tenth that size, and `list_contacts`;
- a naive loop of single upserts over 5,000 contacts, as a rate;
- `import which50` against `import httpx`.

Every figure goes to benchmarks/results.json, and the table of them, with the command that
reproduces each, to benchmarks/RESULTS.md. Only ratios are comparable across machines; absolute
times on a shared 2-core machine are noise.

    .venv/bin/python -m benchmarks.bench_client            # what `make bench` runs
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import which50
from which50_client import AuthenticatedClient
from which50_client.api.contacts import get_contact
from which50_sandbox.testing import SandboxServer, run_sandbox

from benchmarks import bench_import_pace, bench_stream

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "which50.yaml"
LIST_ID = 1042
CONTACT_BODY = json.dumps(
    {
        "ValidationWarnings": [],
        "EncContactId": "Q2w5TnZ4R2hKa0xtNw",
        "ListId": 1042,
        "Values": {"Email": "aoife.byrne@example.ie", "FirstName": "Aoife", "City": "Galway"},
    }
).encode()


def per_call(
    clients: dict[str, Callable[[], object]], calls: int, rounds: int = 4
) -> dict[str, float]:
    """Seconds per call of each client; each round runs every client in turn."""
    totals = dict.fromkeys(clients, 0.0)
    per_round = calls // rounds
    for fn in clients.values():
        for _ in range(20):
            fn()  # warm up connections and caches
    for _ in range(rounds):
        for name, fn in clients.items():
            started = time.perf_counter()
            for _ in range(per_round):
                fn()
            totals[name] += time.perf_counter() - started
    return {name: total / (per_round * rounds) for name, total in totals.items()}


LIST_SIZE = 200
"""Contacts in the list that the list-call figure reads."""


def cpu_per_call(
    clients: dict[str, Callable[[], object]], calls: int, rounds: int = 5
) -> dict[str, float]:
    """Process CPU seconds per call (this process only, so a server's work is not counted);
    the best round of each client, the clients taking turns."""
    best = dict.fromkeys(clients, float("inf"))
    for fn in clients.values():
        for _ in range(200):
            fn()
    for _ in range(rounds):
        for name, fn in clients.items():
            started = time.process_time()
            for _ in range(calls):
                fn()
            best[name] = min(best[name], (time.process_time() - started) / calls)
    return best


def openapi_generator_client(server: SandboxServer, scratch: Path) -> Callable[[str], object]:
    """An OpenAPI Generator python client for the same spec, generated into ``scratch``."""
    subprocess.run(
        [
            str(Path(sys.executable).with_name("openapi-generator-cli")),
            "generate",
            "-g",
            "python",
            "-i",
            str(SPEC),
            "-o",
            str(scratch),
            "--package-name",
            "which50_ogen",
            "--global-property",
            "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
        ],
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(scratch))
    ogen: Any = importlib.import_module("which50_ogen")
    config = ogen.Configuration(host=server.base_url, access_token=server.token)
    api = ogen.ContactsApi(ogen.ApiClient(config))
    return lambda contact_id: api.get_contact(contact_id)


def cpu_against_sandbox(calls: int) -> dict[str, dict[str, float]]:
    """Client CPU per call against a sandbox whose list 1042 holds `LIST_SIZE` contacts: one
    contact, and the whole list, through raw httpx + json.loads and through the overlay."""
    # The seed spreads its contacts over two lists, two thirds of them in list 1042.
    with run_sandbox(seed=1, contacts=LIST_SIZE * 3 // 2, frozen_time=True) as server:
        headers = {"Authorization": f"Bearer {server.token}"}
        with (
            httpx.Client(base_url=server.base_url, headers=headers) as raw,
            which50.Which50(base_url=server.base_url, token=server.token) as overlay,
        ):
            everyone = overlay.contact_lists.list_contacts(LIST_ID)
            if len(everyone) != LIST_SIZE:
                raise SystemExit(f"list {LIST_ID} holds {len(everyone)}, not {LIST_SIZE}")
            contact_id = everyone[0].enc_contact_id
            one = cpu_per_call(
                {
                    "raw httpx + json.loads": lambda: json.loads(
                        raw.get(f"contacts/{contact_id}").content
                    ),
                    "which50 (overlay)": lambda: overlay.contacts.get(contact_id),
                },
                max(calls // 4, 100),
            )
            many = cpu_per_call(
                {
                    "raw httpx + json.loads": lambda: json.loads(
                        raw.get(f"contactLists/{LIST_ID}/contacts").content
                    ),
                    "which50 (overlay)": lambda: overlay.contact_lists.list_contacts(LIST_ID),
                },
                max(calls // 40, 25),
            )
    return {"one contact": one, f"{LIST_SIZE} contacts": many}


def naive_rate(client: which50.Which50, count: int) -> float:
    started = time.perf_counter()
    for n in range(count):
        client.contact_lists.upsert(
            LIST_ID, {"Email": f"naive{n}@example.ie", "City": "Sligo"}, match=["Email"]
        )
    return count / (time.perf_counter() - started)


def import_time(module: str, runs: int = 15) -> float:
    """Median seconds to import ``module`` in a fresh interpreter, less an empty start."""

    def once(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - started

    samples = []
    for _ in range(runs):
        base = once("pass")
        samples.append(once(f"import {module}") - base)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=2, help="of the import and stream figures")
    parser.add_argument("--naive", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--markdown", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args()

    results: dict[str, Any] = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    with (
        run_sandbox(seed=1, contacts=50, frozen_time=True) as server,
        tempfile.TemporaryDirectory() as scratch,
    ):
        headers = {"Authorization": f"Bearer {server.token}"}
        overlay = which50.Which50(base_url=server.base_url, token=server.token)
        contact_id = str(overlay.contact_lists.list_contacts(LIST_ID)[0].enc_contact_id)
        raw = httpx.Client(base_url=server.base_url, headers=headers)
        generated = AuthenticatedClient(base_url=server.base_url, token=server.token)
        ogen = openapi_generator_client(server, Path(scratch) / "ogen")
        wall = per_call(
            {
                "raw httpx + json.loads": lambda: json.loads(
                    raw.get(f"contacts/{contact_id}").content
                ),
                "which50_client (generated)": lambda: get_contact.sync(
                    contact_id, client=generated
                ),
                "which50 (overlay)": lambda: overlay.contacts.get(contact_id),
                "OpenAPI Generator 7.26.0": lambda: ogen(contact_id),
            },
            args.calls,
        )
        results["per_call_s"] = wall

        def mock(request: httpx.Request) -> httpx.Response:
            return httpx.Response(
                200, content=CONTACT_BODY, headers={"Content-Type": "application/json"}
            )

        transport = httpx.MockTransport(mock)
        raw_mock = httpx.Client(base_url=server.base_url, headers=headers, transport=transport)
        gen_mock = AuthenticatedClient(base_url=server.base_url, token=server.token)
        gen_mock.set_httpx_client(
            httpx.Client(base_url=server.base_url, headers=headers, transport=transport)
        )
        overlay_mock = which50.Which50(
            base_url=server.base_url, token=server.token, transport=transport
        )
        results["cpu_per_call_s"] = cpu_per_call(
            {
                "raw httpx + json.loads": lambda: json.loads(raw_mock.get("contacts/Q2w5").content),
                "which50_client (generated)": lambda: get_contact.sync("Q2w5", client=gen_mock),
                "which50 (overlay)": lambda: overlay_mock.contacts.get("Q2w5"),
            },
            args.calls,
        )
        results["cpu_vs_sandbox_s"] = cpu_against_sandbox(args.calls)
        results["naive_upserts_per_s"] = naive_rate(overlay, args.naive)
        overlay.close()
    print(f"\nBulk import pace, {args.contacts:,} contacts, {args.rounds} rounds")
    results["import"] = bench_import_pace.measure(args.contacts, args.rounds)
    small = max(args.contacts // 10, 1)
    print(f"Bulk import pace, {small:,} contacts, 1 round")
    results["import_small"] = bench_import_pace.measure(small, 1)
    print(f"\nStreaming, {args.contacts:,} contacts, {args.rounds} rounds")
    results["stream"] = bench_stream.measure(args.contacts, args.rounds, with_list=True)
    results["import_s"] = {"which50": import_time("which50"), "httpx": import_time("httpx")}
    report(results)
    args.out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    args.markdown.write_text(markdown(results), encoding="utf-8")
    print(f"\nwrote {args.out.relative_to(ROOT)} and {args.markdown.relative_to(ROOT)}")


def report(results: dict[str, Any]) -> None:
    base = results["per_call_s"]["raw httpx + json.loads"]
    print(f"\nPer call, {'contacts.get against the sandbox':<40}{'µs':>9}{'× httpx':>10}")
    for name, seconds in results["per_call_s"].items():
        print(f"  {name:<48}{seconds * 1e6:>9.0f}{seconds / base:>10.2f}")
    cpu_base = results["cpu_per_call_s"]["raw httpx + json.loads"]
    print(f"\nClient CPU per call, MockTransport{'':<24}{'µs':>9}{'× httpx':>10}")
    for name, seconds in results["cpu_per_call_s"].items():
        print(f"  {name:<48}{seconds * 1e6:>9.1f}{seconds / cpu_base:>10.2f}")
    sandbox_ratios = {}
    for what, figures in results["cpu_vs_sandbox_s"].items():
        base_what = figures["raw httpx + json.loads"]
        print(f"\nClient CPU per call against the sandbox, {what:<22}{'µs':>9}{'× httpx':>10}")
        for name, seconds in figures.items():
            print(f"  {name:<48}{seconds * 1e6:>9.1f}{seconds / base_what:>10.2f}")
        sandbox_ratios[what] = figures["which50 (overlay)"] / base_what
    big, stream = results["import"], results["stream"]
    speedup = big["contacts_per_s"]["client"] / results["naive_upserts_per_s"]
    overhead = results["cpu_per_call_s"]["which50 (overlay)"] / cpu_base
    imports = results["import_s"]["which50"] / results["import_s"]["httpx"]
    one_ratio = sandbox_ratios["one contact"]
    list_ratio = sandbox_ratios[f"{LIST_SIZE} contacts"]
    pace = big["client_over_sandbox"]
    results["ratios"] = {
        "overlay_cpu_over_httpx": overhead,
        "overlay_cpu_over_httpx_one_contact": one_ratio,
        "overlay_cpu_over_httpx_200_contacts": list_ratio,
        "bulk_over_naive": speedup,
        "import_which50_over_httpx": imports,
        "import_client_over_sandbox": pace,
        "stream_iter_over_raw_wall": stream["iter_over_raw_wall"],
        "stream_iter_over_raw_cpu": stream["iter_over_raw_cpu"],
    }
    print(f"Naive single upserts: {results['naive_upserts_per_s']:,.0f} contacts/s")
    print(
        f"import which50 {results['import_s']['which50'] * 1e3:.0f} ms, "
        f"import httpx {results['import_s']['httpx'] * 1e3:.0f} ms"
    )
    print("\nTargets")
    for name, value, target, ok in targets(results):
        print(f"  {name:<44}{value:>12}  target {target:<10} {'met' if ok else 'MISSED'}")


def targets(results: dict[str, Any]) -> list[tuple[str, str, str, bool]]:
    """(figure, value, target, met) for each target of the benchmarks."""
    ratios = results["ratios"]
    big, small = results["import"], results["import_small"]
    readers = results["stream"]["readers"]
    big_rss, small_rss = big["client_peak_rss_mib"], small["client_peak_rss_mib"]
    iter_rss = readers["iter"]["peak_rss_mib"]
    return [
        (
            "overlay CPU per call / raw httpx",
            f"{ratios['overlay_cpu_over_httpx']:.2f}×",
            "≤ 1.25×",
            ratios["overlay_cpu_over_httpx"] <= 1.25,
        ),
        (
            "same, one contact, vs the sandbox",
            f"{ratios['overlay_cpu_over_httpx_one_contact']:.2f}×",
            "≤ 1.10×",
            ratios["overlay_cpu_over_httpx_one_contact"] <= 1.10,
        ),
        (
            f"same, {LIST_SIZE} contacts, vs the sandbox",
            f"{ratios['overlay_cpu_over_httpx_200_contacts']:.2f}×",
            "≤ 1.20×",
            ratios["overlay_cpu_over_httpx_200_contacts"] <= 1.20,
        ),
        (
            "1M import time, client / sandbox alone",
            f"{ratios['import_client_over_sandbox']:.2f}×",
            "≤ 1.2×",
            ratios["import_client_over_sandbox"] <= 1.2,
        ),
        ("client peak RSS, 1M import", f"{big_rss:.0f} MiB", "≤ 150 MiB", big_rss <= 150),
        (
            "same, 100k import (flat: within 10%)",
            f"{small_rss:.0f} MiB",
            f"≥ {big_rss / 1.1:.0f} MiB",
            small_rss * 1.1 >= big_rss,
        ),
        ("client peak RSS, 1M streamed", f"{iter_rss:.0f} MiB", "≤ 150 MiB", iter_rss <= 150),
        (
            "same, a tenth as many (flat: within 10%)",
            f"{readers['iter-small']['peak_rss_mib']:.0f} MiB",
            f"≥ {iter_rss / 1.1:.0f} MiB",
            readers["iter-small"]["peak_rss_mib"] * 1.1 >= iter_rss,
        ),
        (
            "bulk import / naive loop",
            f"{ratios['bulk_over_naive']:.0f}×",
            "≥ 50×",
            ratios["bulk_over_naive"] >= 50,
        ),
        (
            "import which50 / import httpx",
            f"{ratios['import_which50_over_httpx']:.2f}×",
            "≤ 2×",
            ratios["import_which50_over_httpx"] <= 2,
        ),
    ]


COMMANDS = {
    "per call": ".venv/bin/python -m benchmarks.bench_client   (make bench)",
    "import": ".venv/bin/python benchmarks/bench_import_pace.py --contacts 1000000 --rounds 2",
    "import small": ".venv/bin/python benchmarks/bench_import_pace.py --contacts 100000 --rounds 1",
    "stream": ".venv/bin/python benchmarks/bench_stream.py --contacts 1000000 --rounds 2",
}


def markdown(results: dict[str, Any]) -> str:
    """benchmarks/RESULTS.md: the figures of one `make bench` run, with their commands."""
    big, small, stream = results["import"], results["import_small"], results["stream"]
    lines = [
        "# Benchmark results\n\n",
        "<!-- Written by `make bench` (benchmarks/bench_client.py); do not edit by hand. -->\n\n",
        f"One run of `make bench` on a {results['cpus']}-core machine shared with other work, "
        f"Python {results['python']}. Only the ratios, measured side by side in one run, "
        "carry over to other machines; the spread of the rounds shows how noisy the run was.\n\n",
        "## Targets\n\n| figure | value | target | |\n|---|---|---|---|\n",
    ]
    for name, value, target, ok in targets(results):
        lines.append(f"| {name} | {value} | {target} | {'met' if ok else '**missed**'} |\n")
    lines.append(f"\n## Bulk import pace\n\n`{COMMANDS['import']}`\n\n")
    lines.append(
        "| contacts | way | median s | each round, s | contacts/s |\n|---|---|---|---|---|\n"
    )
    for run in (big, small):
        for mode in ("sandbox", "client"):
            each = ", ".join(f"{w:.1f}" for w in run["wall_s"][mode])
            lines.append(
                f"| {run['contacts']:,} | {mode} | {run['median_wall_s'][mode]:.1f} | {each} | "
                f"{run['contacts_per_s'][mode]:,.0f} |\n"
            )
    lines.append(
        f"\nClient time / sandbox alone: {big['client_over_sandbox']:.2f} at "
        f"{big['contacts']:,}, {small['client_over_sandbox']:.2f} at {small['contacts']:,} "
        f"(`{COMMANDS['import small']}`). Client peak RSS: {big['client_peak_rss_mib']:.0f} MiB "
        f"and {small['client_peak_rss_mib']:.0f} MiB.\n"
    )
    lines.append(f"\n## Streaming\n\n`{COMMANDS['stream']}`\n\n")
    lines.append(
        "| reader | contacts | median wall s | each round, s | CPU s | peak RSS MiB |\n"
        "|---|---|---|---|---|---|\n"
    )
    for reader, row in stream["readers"].items():
        each = ", ".join(f"{w:.1f}" for w in row["wall_s_each"])
        lines.append(
            f"| {reader} | {row['contacts']:,} | {row['wall_s']:.1f} | {each} | "
            f"{row['cpu_s']:.1f} | {row['peak_rss_mib']:.0f} |\n"
        )
    lines.append(
        f"\n`iter_contacts` / raw httpx + ijson: {stream['iter_over_raw_wall']:.2f}× wall time, "
        f"{stream['iter_over_raw_cpu']:.2f}× client CPU (`aiter`: "
        f"{stream['aiter_over_raw_cpu']:.2f}× CPU).\n"
    )
    lines.append(f"\n## Per call\n\n`{COMMANDS['per call']}`\n\n")
    lines.append("| figure | client | µs | × raw httpx |\n|---|---|---|---|\n")
    sections = [
        ("wall, contacts.get vs the sandbox", results["per_call_s"]),
        ("client CPU, MockTransport", results["cpu_per_call_s"]),
        *(
            (f"client CPU vs the sandbox, {what}", figures)
            for what, figures in results["cpu_vs_sandbox_s"].items()
        ),
    ]
    for title, figures in sections:
        base = figures["raw httpx + json.loads"]
        for name, seconds in figures.items():
            lines.append(f"| {title} | {name} | {seconds * 1e6:.1f} | {seconds / base:.2f} |\n")
    lines.append(
        f"\nNaive single upserts: {results['naive_upserts_per_s']:,.0f} contacts/s. "
        f"`import which50` {results['import_s']['which50'] * 1e3:.0f} ms, `import httpx` "
        f"{results['import_s']['httpx'] * 1e3:.0f} ms.\n"
    )
    return "".join(lines)


if __name__ == "__main__":
    main()
