"""Client benchmarks (`make bench`): every figure measured side by side, in one run, against
one sandbox. Prints a table and writes benchmarks/results.json.

- per call: 2,000 sequential `contacts.get` through raw httpx + json.loads, the raw
  `which50_client`, the `which50` overlay, and an OpenAPI Generator client generated now from
  the same spec; rounds are interleaved so that drift hits every client alike;
- client CPU per call, with `httpx.MockTransport` (no server in the picture);
- client CPU per call against the sandbox, for one contact and for a list of 200 contacts: the
  overlay (one `validate_json` into the `which50_models` types) against raw httpx +
  `json.loads`, in interleaved rounds;
- bulk import of 1,000,000 generated contacts in a child process (wall time, rate, peak RSS),
  and of 100,000 to show that memory stays flat;
- a naive loop of single upserts over 5,000 contacts, as a rate;
- `import which50` against `import httpx`.

Only ratios are comparable across machines; absolute times on a shared 2-core machine are noise.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import which50
from which50_client import AuthenticatedClient
from which50_client.api.contacts import get_contact
from which50_sandbox.testing import SandboxServer, run_sandbox

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


def import_child(count: int) -> None:
    """Child process: import ``count`` generated contacts, print wall time and peak RSS."""

    def rows() -> Iterator[dict[str, str]]:
        for n in range(count):
            yield {
                "Email": f"bench{count}-{n:08d}@example.ie",
                "FirstName": f"B{n}",
                "City": "Cork",
            }

    with which50.Which50() as client:
        started = time.perf_counter()
        report = client.contact_lists.import_contacts(LIST_ID, rows(), match=["Email"])
        wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "wall_s": wall,
                "peak_rss_mib": peak,
                "inserted": report.inserted,
                "status": report.status,
            }
        )
    )


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


def run_import(server: SandboxServer, count: int) -> dict[str, Any]:
    env = {**os.environ, "WHICH50_BASE_URL": server.base_url, "WHICH50_TOKEN": server.token}
    out = subprocess.run(
        [sys.executable, __file__, "--import-child", str(count)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, Any] = json.loads(out)
    if result["inserted"] != count or result["status"] != "Completed":
        raise SystemExit(f"the import of {count} did not complete: {result}")
    result["contacts_per_s"] = count / result["wall_s"]
    return result


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
    parser.add_argument("--naive", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--import-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.import_child:
        import_child(args.import_child)
        return

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
        small = max(args.contacts // 10, 1)
        results["import_small"] = {"contacts": small, **run_import(server, small)}
        results["import"] = {"contacts": args.contacts, **run_import(server, args.contacts)}
        overlay.close()
    results["import_s"] = {"which50": import_time("which50"), "httpx": import_time("httpx")}
    report(results)
    args.out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out.relative_to(ROOT)}")


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
    big, small = results["import"], results["import_small"]
    speedup = big["contacts_per_s"] / results["naive_upserts_per_s"]
    overhead = results["cpu_per_call_s"]["which50 (overlay)"] / cpu_base
    imports = results["import_s"]["which50"] / results["import_s"]["httpx"]
    one_ratio = sandbox_ratios["one contact"]
    list_ratio = sandbox_ratios[f"{LIST_SIZE} contacts"]
    results["ratios"] = {
        "overlay_cpu_over_httpx": overhead,
        "overlay_cpu_over_httpx_one_contact": one_ratio,
        "overlay_cpu_over_httpx_200_contacts": list_ratio,
        "bulk_over_naive": speedup,
        "import_which50_over_httpx": imports,
    }
    print(
        f"\nBulk import of {big['contacts']:,}: {big['wall_s']:.1f} s, "
        f"{big['contacts_per_s']:,.0f} contacts/s, client peak RSS {big['peak_rss_mib']:.0f} MiB "
        f"({small['contacts']:,}: {small['peak_rss_mib']:.0f} MiB)"
    )
    print(f"Naive single upserts: {results['naive_upserts_per_s']:,.0f} contacts/s")
    print(
        f"import which50 {results['import_s']['which50'] * 1e3:.0f} ms, "
        f"import httpx {results['import_s']['httpx'] * 1e3:.0f} ms"
    )
    print("\nTargets")
    rows = [
        ("overlay CPU per call / raw httpx", f"{overhead:.2f}×", "≤ 1.25×", overhead <= 1.25),
        ("same, one contact, vs the sandbox", f"{one_ratio:.2f}×", "≤ 1.10×", one_ratio <= 1.10),
        (
            f"same, {LIST_SIZE} contacts, vs the sandbox",
            f"{list_ratio:.2f}×",
            "≤ 1.20×",
            list_ratio <= 1.20,
        ),
        (
            "client peak RSS, 1M import",
            f"{big['peak_rss_mib']:.0f} MiB",
            "≤ 150 MiB",
            big["peak_rss_mib"] <= 150,
        ),
        ("bulk import / naive loop", f"{speedup:.0f}×", "≥ 50×", speedup >= 50),
        ("import which50 / import httpx", f"{imports:.2f}×", "≤ 2×", imports <= 2),
    ]
    for name, value, target, ok in rows:
        print(f"  {name:<36}{value:>12}  target {target:<10} {'met' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
