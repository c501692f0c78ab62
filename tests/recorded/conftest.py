"""Cassette-backed tests: replayed offline by default; recorded by `make record` / `record-live`.

Replay (the default, and what CI runs): `--record-mode=none --block-network` from the pytest
options in pyproject.toml. Clients talk to `CANONICAL_BASE`; every request must be in the test's
cassette (matched on method, path, query and body), or the test fails.

Recording: `WHICH50_RECORD=sandbox` (through Prism in front of a fresh sandbox) or
`WHICH50_RECORD=live` (the real API, from `WHICH50_BASE_URL` and credentials), together with
`--record-mode=once` on an empty cassette folder. `scripts/record.py` does both.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import which50
import which50_client

from scripts.record import LIVE_ENV
from tests._twins import call_on

from . import _harness as h

if TYPE_CHECKING:  # the servers module is imported only when recording
    from ._servers import Recording

RECORD = os.environ.get("WHICH50_RECORD", "")
REPLACEMENT_CHARACTER = "\ufffd".encode()
HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Target:
    """Where the tests send requests, with which credentials, and the ids they may rely on.

    In replay and against the sandbox these are the seeded ids (the spec's example ids); against
    the real API they come from `WHICH50_LIVE_*` variables (see `live_target`).
    """

    base_url: str
    token: str | None
    username: str | None
    password: str | None
    readonly_token: str | None
    list_id: int = 1042
    other_list_id: int = 1057
    journey_id: int = 377
    email_id: int = 9120
    text_message_id: int = 4410
    landing_page_id: int = 2301
    linked_data_id: int = 31
    secrets: tuple[str, ...] = field(default=h.SECRETS, repr=False)

    def credentials(self) -> dict[str, Any]:
        if self.token:
            return {"token": self.token}
        return {"username": self.username, "password": self.password}


#: `Target` id field -> its variable, from the one list scripts/record.py checks before it
#: records (`WHICH50_LIVE_LIST_ID` -> `list_id`).
LIVE_PREFIX = "WHICH50_LIVE_"
LIVE_IDS = {
    var.removeprefix(LIVE_PREFIX).lower(): var for var in LIVE_ENV if var.startswith(LIVE_PREFIX)
}


def live_target() -> Target:
    """The real API, from the environment (scripts/record.py checks it is all there first)."""
    env = os.environ
    secrets = tuple(
        v
        for k in ("WHICH50_TOKEN", "WHICH50_PASSWORD", "WHICH50_READONLY_TOKEN")
        if (v := env.get(k))
    )
    return Target(
        base_url=env["WHICH50_BASE_URL"],
        token=env.get("WHICH50_TOKEN"),
        username=env.get("WHICH50_USERNAME"),
        password=env.get("WHICH50_PASSWORD"),
        readonly_token=env.get("WHICH50_READONLY_TOKEN"),
        secrets=(*h.SECRETS, *secrets),
        **{name: int(env[var]) for name, var in LIVE_IDS.items()},
    )


def replay_target(base_url: str = h.CANONICAL_BASE) -> Target:
    return Target(
        base_url=base_url,
        token=h.TOKEN,
        username=h.USERNAME,
        password=h.PASSWORD,
        readonly_token=h.READONLY_TOKEN,
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.vcr)


# --- where requests go ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def recording() -> Iterator[Recording | None]:
    """The sandbox and its Prism proxies while recording against the sandbox; else None."""
    if RECORD != "sandbox":
        yield None
        return
    from ._servers import recording_servers

    with recording_servers() as servers:
        yield servers


def _module_name(request: pytest.FixtureRequest) -> str:
    return Path(str(request.node.path)).stem


@pytest.fixture
def target(request: pytest.FixtureRequest, recording: Recording | None, record_mode: str) -> Target:
    """Where this test's requests go. Starts each recorded test from the seeded state."""
    if RECORD == "live":
        found = live_target()
        h.BASES.active = [found.base_url]
        return found
    if recording is None:
        if record_mode != "none":
            raise pytest.UsageError("recording needs WHICH50_RECORD=sandbox or live (make record)")
        h.BASES.active = []
        return replay_target()
    recording.reset()
    lenient = _module_name(request) == h.SPEC_INVALID_MODULE
    proxy = recording.lenient if lenient else recording.strict
    h.BASES.active = [proxy]
    return replay_target(base_url=proxy)


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    """`<root>/<module>`; `WHICH50_CASSETTE_ROOT` replays from another root (the guard tests)."""
    default = h.LIVE_CASSETTES if RECORD == "live" else h.SANDBOX_CASSETTES
    root = Path(os.environ.get("WHICH50_CASSETTE_ROOT") or default)
    return str(root / Path(str(request.node.path)).stem)


# --- how exchanges are stored -----------------------------------------------------------------


class SpecViolation(AssertionError):
    """Prism found an exchange that breaks the spec."""


class Violations(list[str]):
    """Spec violations Prism reported while recording; the test fails on any."""

    invalid_requests = 0  # requests of SPEC_INVALID_MODULE that Prism found invalid


@pytest.fixture
def violations() -> Violations:
    return Violations()


def check_prism(response: dict[str, Any], lenient: bool, found: Violations) -> None:
    headers = {k.lower(): v for k, v in response["headers"].items()}
    content_type = " ".join(headers.get("content-type", []))
    body = h.body_text(response["body"])
    if "application/problem+json" in content_type and b"stoplight.io/prism" in body:
        found.append(f"Prism answered {response['status']['code']}: {body.decode()}")
    if REPLACEMENT_CHARACTER in body:  # Prism passes bodies as text: other bytes get U+FFFD
        found.append("a response body is not UTF-8: Prism's proxy would have changed its bytes")
    reported = [json.loads(v) for v in headers.get("sl-violations", [])]
    flat = [item for group in reported for item in group]
    if not lenient and flat:
        found.append(f"Prism reported violations: {flat}")
    if lenient:
        if any(item["location"][0] != "request" for item in flat):
            found.append(f"the response broke the spec: {flat}")
        elif flat:
            found.invalid_requests += 1
            if response["status"]["code"] != 400:
                found.append(f"an invalid request got {response['status']['code']}, not 400")


@pytest.fixture
def vcr_config(
    request: pytest.FixtureRequest, target: Target, violations: Violations
) -> dict[str, Any]:
    lenient = _module_name(request) == h.SPEC_INVALID_MODULE

    def before_record_response(response: dict[str, Any]) -> dict[str, Any]:
        if RECORD == "sandbox":
            seen = len(violations)
            check_prism(response, lenient, violations)
            if len(violations) > seen:  # fail inside the test, so the cassette is not written
                raise SpecViolation(violations[-1])
        return h.scrub_response(response)

    return {
        "match_on": ["method", "path", "query", "body"],
        "before_record_request": h.scrub_request,
        "before_record_response": before_record_response,
        "decode_compressed_response": True,
        "record_on_exception": False,
    }


@pytest.fixture(autouse=True)
def _checks(
    request: pytest.FixtureRequest,
    violations: Violations,
    target: Target,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> Iterator[None]:
    """Fail on spec violations; keep secrets out of the logs; no waits but against the real API.

    The frozen sandbox steps an import job per poll, not per second, and a replay's polls are
    the cassette's, so only a live recording needs the client's real waits.
    """
    if RECORD != "live":
        monkeypatch.setattr(which50._retry, "sleep", lambda seconds: None)

        async def no_wait(seconds: float) -> None:
            return None

        monkeypatch.setattr(which50._retry, "asleep", no_wait)
        monkeypatch.setattr(which50._retry, "pause", lambda seconds, stop: None)
    caplog.set_level(logging.DEBUG, logger="which50")
    yield
    assert not violations, "\n".join(violations)
    if RECORD == "sandbox" and _module_name(request) == h.SPEC_INVALID_MODULE:
        assert violations.invalid_requests, "no request of this test broke the spec"
    logged = "\n".join(
        record.getMessage() for phase in ("setup", "call") for record in caplog.get_records(phase)
    )
    leaked = [s for s in target.secrets if s and s in logged]
    assert not leaked, "a credential reached the which50 log"
    assert "authorization" not in logged.lower()


@dataclass(frozen=True)
class Fresh:
    """Values of this test's own, unique against the real API and literal everywhere else.

    The sandbox is reset before each recorded test, so literal addresses, numbers and folders
    give the same requests, and cassettes, on every run. The real API keeps every contact and
    file: there each test (each twin too) gets a suffix of its own, drawn from the test's id and
    `WHICH50_RUN_TAG` (set per run by scripts/record.py), so neither the other twin nor an
    earlier run has written the same values.
    """

    suffix: str = ""  # "" or 8 hex digits

    def email(self, address: str) -> str:
        local, domain = address.split("@", 1)
        return f"{local}+{self.suffix}@{domain}" if self.suffix else address

    def phone(self, number: str) -> str:
        """The number with its last 8 digits replaced by the suffix's, read as digits."""
        if not self.suffix:
            return number
        return number[:-8] + f"{int(self.suffix, 16) % 10**8:08d}"

    def number(self, value: int) -> int:
        return value + (int(self.suffix, 16) % 10**9 if self.suffix else 0)

    def text(self, value: str) -> str:
        """A name, a town or a folder of this test's own."""
        return f"{value}-{self.suffix}" if self.suffix else value


@pytest.fixture
def fresh(request: pytest.FixtureRequest) -> Fresh:
    if RECORD != "live":
        return Fresh()
    run = os.environ.get("WHICH50_RUN_TAG", "")
    digest = hashlib.sha256(f"{run}:{request.node.nodeid}".encode()).hexdigest()
    return Fresh(digest[:8])


def as_replayed(credential: str) -> str:
    """A credential the API answers, as a test reads it: itself while recording, `<redacted>`
    in replay, since cassettes store no credential (`_harness.scrub_response`)."""
    return credential if RECORD else h.REDACTED


@pytest.fixture
def pause() -> Callable[[float], None]:
    """Wait between a test's own polls: for real against the real API, not at all otherwise."""
    return lambda seconds: which50._retry.sleep(seconds)


# --- clients ----------------------------------------------------------------------------------


@pytest.fixture
def client(target: Target) -> Iterator[which50.Which50]:
    with which50.Which50(base_url=target.base_url, **target.credentials()) as made:
        yield made


@pytest.fixture
def raw_client(target: Target) -> Iterator[which50_client.AuthenticatedClient]:
    """The generated client on its own, without the overlay."""
    assert target.token, "the raw-client tests use a bearer token"
    with which50_client.AuthenticatedClient(base_url=target.base_url, token=target.token) as made:
        yield made


@dataclass
class Twin:
    """Runs `fn(client)` on a `Which50` or, inside an event loop, an `AsyncWhich50`."""

    kind: str
    target: Target

    def call(self, fn: Callable[[Any], Any], **options: Any) -> Any:
        settings = {"base_url": self.target.base_url, **self.target.credentials(), **options}
        return call_on(self.kind, settings, fn)


@pytest.fixture(params=["sync", "async"])
def twin(request: pytest.FixtureRequest, target: Target) -> Twin:
    """Both clients; each kind gets a cassette of its own (`test_x[sync]`, `test_x[async]`)."""
    return Twin(request.param, target)
