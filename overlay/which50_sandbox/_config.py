"""The sandbox's configuration: one frozen dataclass, built by the CLI or by a test."""

from __future__ import annotations

import importlib.util
import ipaddress
import pathlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

#: The base path of every route, the same as the real API's.
BASE_PATH = "/Which50API"
#: With `allow_reset`, `POST` here drops every change and re-seeds (outside the API's paths).
RESET_PATH = "/_sandbox/reset"
#: The clock of `--frozen-time`: every response reads this instant, later than every seeded date
#: (the seed spans 2025-10-28 to mid-December 2025), so new activity sorts as the newest.
FROZEN_AT = "2026-01-01T00:00:00+00:00"
#: The most contacts one `addImportJobContacts` batch may hold (the API's documented limit).
MAX_BATCH = 10_000
#: The modules of the `which50[sandbox]` extra that running a sandbox needs.
EXTRA_MODULES = ("starlette", "uvicorn", "multipart")


def missing_extra() -> str | None:
    """Why a sandbox cannot run in this environment (its extra is not installed), or None.
    Looks the modules up without importing them."""
    missing = [name for name in EXTRA_MODULES if importlib.util.find_spec(name) is None]
    if not missing:
        return None
    return (
        f"the sandbox needs the extra 'sandbox' (missing: {', '.join(missing)}): "
        'pip install "which50[sandbox]"'
    )


_HOST_NAME = re.compile(
    r"(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
)
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class AllowedHosts:
    """Hosts beyond loopback that webhook deliveries may call: names (compared with the URL's
    host, case-insensitively, never resolved) and IP networks (a bare address is a network of
    one)."""

    names: frozenset[str]
    networks: tuple[IPNetwork, ...]


def allowed_hosts(entries: Iterable[str]) -> AllowedHosts:
    """`entries` (host names, IP addresses, networks like `10.0.0.0/8`) parsed; a ValueError
    names the first that is none of these."""
    names: set[str] = set()
    networks: list[IPNetwork] = []
    for entry in entries:
        text = entry.strip().rstrip(".").lower() if isinstance(entry, str) else ""
        try:
            networks.append(ipaddress.ip_network(text, strict=False))
            continue
        except ValueError:
            pass
        if not _HOST_NAME.fullmatch(text):
            raise ValueError(
                f"webhook_allow takes host names, IP addresses and networks, not {entry!r}"
            )
        names.add(text)
    return AllowedHosts(frozenset(names), tuple(networks))


@dataclass(frozen=True)
class FaultConfig:
    """Fault injection. Every rate is the fraction (0..1) of requests that get the fault.

    The faults are drawn, in this order, from one random generator seeded by `seed`, so a given
    sequence of requests meets the same faults on every run:

    - `latency_ms`: added to every request before it is handled (no rate; 0 switches it off).
    - `rate_limit`: answered 429 with `Retry-After: <retry_after>` (seconds) and an Error body.
    - `error_rate`: answered 503 with an Error body.
    - `drop_rate`: the connection is closed without any response.
    - `truncate_rate`: the real response is sent with its full `Content-Length`, but the body is
      cut in half and the connection closed.
    """

    latency_ms: float = 0.0
    rate_limit: float = 0.0
    retry_after: int = 0
    error_rate: float = 0.0
    drop_rate: float = 0.0
    truncate_rate: float = 0.0
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("rate_limit", "error_rate", "drop_rate", "truncate_rate"):
            rate = getattr(self, name)
            if not 0.0 <= rate <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {rate}")
        if self.latency_ms < 0 or self.retry_after < 0:
            raise ValueError("latency_ms and retry_after must not be negative")

    @property
    def active(self) -> bool:
        return any(
            (
                self.latency_ms,
                self.rate_limit,
                self.error_rate,
                self.drop_rate,
                self.truncate_rate,
            )
        )


@dataclass(frozen=True)
class SandboxConfig:
    """Everything a sandbox is started with.

    `token` and `username`/`password` are the full-access credentials; `readonly_token`, when
    set, is a bearer token that may read but gets 403 on POST, PUT, PATCH and DELETE.
    `seed` and `contacts` pick the deterministic dataset; `frozen_time` fixes the clock at
    `FROZEN_AT` so that, with a fixed seed, responses repeat byte for byte. `db` is an SQLite
    path or `:memory:`; a sandbox database is reopened with its data (see `_app.build_state`);
    `files_dir` is the folder the files operations serve (a fresh temporary
    folder, removed at shutdown, when None). `allow_reset` serves `POST /_sandbox/reset`, outside
    the API's base path, which throws every change away and re-seeds; the recordings use it to
    give each test the same starting state without restarting the process. `webhook_allow`
    names the hosts beyond loopback that webhook deliveries may call (see `allowed_hosts`);
    by default the sandbox calls loopback URLs only.
    """

    token: str
    username: str = "sandbox"
    password: str = "sandbox"
    readonly_token: str | None = None
    seed: int = 1
    contacts: int = 50
    frozen_time: bool = False
    db: str = ":memory:"
    files_dir: pathlib.Path | None = None
    faults: FaultConfig = field(default_factory=FaultConfig)
    allow_reset: bool = False
    webhook_allow: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "webhook_allow", tuple(self.webhook_allow))
        allowed_hosts(self.webhook_allow)  # a ValueError for an entry that is neither
        if not self.token:
            raise ValueError("token must not be empty")
        if self.allow_reset and self.db != ":memory:":
            raise ValueError("allow_reset needs the in-memory database (db=':memory:')")
        if self.contacts < 0:
            raise ValueError("contacts must not be negative")
