"""`python -m which50_sandbox`: run the sandbox on 127.0.0.1 and print one ready line."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import pathlib
import secrets
import sys
from collections.abc import Sequence

from ._config import FaultConfig, SandboxConfig, missing_extra


def _rate(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"a rate is a fraction between 0 and 1, not {text}")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        # `which50 sandbox` runs this module and says so (which50._cli).
        prog=os.environ.get("WHICH50_SANDBOX_PROG") or "python -m which50_sandbox",
        description="A stateful local Which50 API on 127.0.0.1, under /Which50API. Prints one "
        "line, WHICH50_BASE_URL=... WHICH50_TOKEN=..., once it is ready.",
    )
    p.add_argument("--port", type=int, default=0, help="TCP port; 0 picks a free one (default)")
    p.add_argument("--token", help="full-access bearer token (default: a random one)")
    p.add_argument("--username", default="sandbox", help="basic-auth user (default: sandbox)")
    p.add_argument("--password", help="basic-auth password (default: the token)")
    p.add_argument("--readonly-token", help="a bearer token that gets 403 on writes")
    p.add_argument("--seed", type=int, default=1, help="dataset and id seed (default: 1)")
    p.add_argument("--contacts", type=int, default=50, help="seeded contacts (default: 50)")
    p.add_argument(
        "--frozen-time",
        action="store_true",
        help="fix the clock at 2026-01-01T00:00:00+00:00 and step imports per poll, so "
        "responses repeat byte for byte",
    )
    p.add_argument(
        "--db",
        default=":memory:",
        help="SQLite file, or :memory: (default); an existing sandbox database is reopened "
        "with its data (same --seed), anything else is refused",
    )
    p.add_argument("--files-dir", type=pathlib.Path, help="folder for files (default: temp)")
    p.add_argument(
        "--allow-reset",
        action="store_true",
        help="serve POST /_sandbox/reset, which drops every change and re-seeds (in-memory db "
        "only; empties --files-dir)",
    )
    p.add_argument(
        "--webhook-allow",
        action="append",
        default=[],
        metavar="HOST",
        help="a host name, IP address or network (10.0.0.0/8) that webhook deliveries may call "
        "besides loopback (repeatable; default: loopback only)",
    )
    faults = p.add_argument_group("faults (rates are fractions of requests, 0..1)")
    faults.add_argument("--latency-ms", type=float, default=0.0, help="delay for every request")
    faults.add_argument("--rate-limit", type=_rate, default=0.0, help="rate of 429 responses")
    faults.add_argument(
        "--retry-after", type=int, default=0, help="Retry-After seconds of a 429 (default: 0)"
    )
    faults.add_argument("--error-rate", type=_rate, default=0.0, help="rate of 503 responses")
    faults.add_argument("--drop-rate", type=_rate, default=0.0, help="rate of dropped connections")
    faults.add_argument("--truncate-rate", type=_rate, default=0.0, help="rate of bodies cut short")
    faults.add_argument("--fault-seed", type=int, default=0, help="seed of the fault draws")
    p.add_argument("-v", "--verbose", action="count", default=0, help="log to stderr (-vv: more)")
    return p


def config_from(args: argparse.Namespace) -> SandboxConfig:
    token = args.token or secrets.token_urlsafe(24)
    return SandboxConfig(
        token=token,
        username=args.username,
        password=args.password or token,
        readonly_token=args.readonly_token,
        seed=args.seed,
        contacts=args.contacts,
        frozen_time=args.frozen_time,
        db=args.db,
        files_dir=args.files_dir,
        allow_reset=args.allow_reset,
        webhook_allow=tuple(args.webhook_allow),
        faults=FaultConfig(
            latency_ms=args.latency_ms,
            rate_limit=args.rate_limit,
            retry_after=args.retry_after,
            error_rate=args.error_rate,
            drop_rate=args.drop_rate,
            truncate_rate=args.truncate_rate,
            seed=args.fault_seed,
        ),
    )


def main(argv: Sequence[str] | None = None) -> int:
    cli = parser()
    args = cli.parse_args(argv)
    problem = missing_extra()
    if problem is not None:  # one line, not an ImportError's traceback
        cli.exit(2, f"{cli.prog}: error: {problem}\n")
    from ._server import ready_line, serve
    from ._store import StoreError

    level = ("critical", "info", "debug")[min(args.verbose, 2)]
    logging.basicConfig(stream=sys.stderr, level=level.upper())
    try:
        config = config_from(args)
    except ValueError as exc:
        cli.error(str(exc))

    def announce(port: int) -> None:
        print(ready_line(port, config), flush=True)

    try:
        asyncio.run(serve(config, args.port, announce, log_level=level))
    except StoreError as exc:  # raised before the port is bound: one line, like cli.error
        cli.exit(2, f"{cli.prog}: error: {exc}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
