"""No secret appears anywhere: hostile tokens and passwords, thrown at a real sandbox through
both clients and the command line, are looked for in every log record of `which50`, `httpx`,
`httpcore` and `h11` at DEBUG, in every error (its text, repr, attributes and formatted
traceback, causes included), in the reprs of clients, configs and auths, and in the CLI's
output. The same secrets serve as the account's webhook salt key and API key: set, read back,
signing a delivery, and checked by `which50.webhooks.construct_event`, whose refusals are
scanned too."""

from __future__ import annotations

import base64
import io
import logging
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import which50
from which50._cli import main
from which50.webhooks import construct_event, signature_header
from which50_sandbox.testing import SandboxServer, run_sandbox

from tests._twins import call_on
from tests._webhook_receiver import receiving

from .conftest import LIST_ID

# Accepted by the client: printable ASCII that means something to formatters, shells, URLs,
# JSON, regular expressions and base64.
VALID = [
    "s3cr3t\"quo'te<>&%s%(x)s{0}$HOME`id`",
    "with spaces inside it",
    "Zm9vOmJhcg==/+",
    "%2F%0A%41\\u0000back\\slash",
    "x" * 3000,
]
# Refused when the client is built (after stripping surrounding whitespace).
INVALID = ["tok\nX-Injected: 1", "t\u00f8ken-s3cr3t", "tok\rmore", "nul\x00byte", "tab\tinside"]

LOGGERS = ("which50", "httpx", "httpcore", "h11")


def _forms(secret: str) -> set[str]:
    """Every form of a secret a leak could take."""
    stripped = secret.strip()
    forms = {secret, stripped, quote(stripped, safe=""), repr(stripped)[1:-1]}
    forms.add(base64.b64encode(f"sandbox:{stripped}".encode()).decode())
    return {form for form in forms if len(form) >= 6}


class Scan:
    """Texts to search, gathered from every place a secret could leak."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, str]] = []
        self.records: list[logging.LogRecord] = []

    def error(self, where: str, error: BaseException) -> None:
        self.texts.append((f"{where}: str", str(error)))
        self.texts.append((f"{where}: repr", repr(error)))
        self.texts.append((f"{where}: args", repr(error.args)))
        self.texts.append((f"{where}: attributes", repr(vars(error))))
        self.texts.append((f"{where}: traceback", "".join(traceback.format_exception(error))))

    def text(self, where: str, text: str) -> None:
        self.texts.append((where, text))

    def check(self, secret: str) -> int:
        for record in self.records:
            self.texts.append((f"log {record.name}", record.getMessage() + repr(record.args)))
        forms = _forms(secret)
        leaks = [where for where, text in self.texts for form in forms if form in text]
        assert leaks == [], leaks
        return len(self.texts)


class _Collect(logging.Handler):
    def __init__(self, into: list[logging.LogRecord]) -> None:
        super().__init__(logging.DEBUG)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record)


@pytest.fixture
def scan() -> Iterator[Scan]:
    found = Scan()
    handler = _Collect(found.records)
    saved = [(logging.getLogger(name), logging.getLogger(name).level) for name in LOGGERS]
    for logger, _ in saved:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    yield found
    for logger, level in saved:
        logger.removeHandler(handler)
        logger.setLevel(level)


@pytest.fixture(scope="module", params=range(len(VALID)), ids=[f"valid{n}" for n in range(5)])
def server(request: pytest.FixtureRequest) -> Iterator[tuple[SandboxServer, str]]:
    secret = VALID[request.param]
    with run_sandbox(token=secret) as running:
        yield running, secret


def _expect(
    scan: Scan, where: str, kind: str, settings: dict[str, Any], fn: Callable[[Any], Any]
) -> None:
    try:
        call_on(kind, settings, fn)
    except (which50.Which50Error, ValueError) as error:
        scan.error(where, error)
    else:
        raise AssertionError(f"{where}: no error")


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_valid_hostile_secret_never_shows(
    server: tuple[SandboxServer, str], kind: str, scan: Scan, tmp_path: Path
) -> None:
    sandbox, secret = server
    base = sandbox.base_url
    good: dict[str, Any] = {"base_url": base, "token": secret}
    # Calls that succeed, with the secret in every request.
    found = call_on(kind, good, lambda c: c.contact_lists.get(LIST_ID))
    assert found.id == LIST_ID
    (tmp_path / "in").mkdir()
    call_on(kind, good, lambda c: c.files.download("exports/README.txt", tmp_path / "in"))
    basic: dict[str, Any] = {"base_url": base, "username": "sandbox", "password": secret}
    for settings in (good, basic):
        with which50.Which50(**settings) as client:
            for text in (repr(client), repr(client.config), repr(client.with_options(timeout=5))):
                scan.text("repr", text)
    # Every kind of failure.
    _expect(scan, "404", kind, good, lambda c: c.contacts.get("nope-nope-nope"))
    _expect(
        scan,
        "401",
        kind,
        {"base_url": base, "token": secret + "x"},
        lambda c: c.contact_lists.list(),
    )
    _expect(scan, "401 basic", kind, basic, lambda c: c.contact_lists.list())
    in_url = base.replace("http://", f"http://sandbox:{quote(secret, safe='')}@")
    _expect(scan, "user info", kind, {"base_url": in_url}, lambda c: c.contact_lists.list())
    refused = {"base_url": "http://127.0.0.1:9/Which50API", "token": secret, "max_retries": 0}
    _expect(scan, "refused", kind, refused, lambda c: c.contact_lists.list())
    tiny = {**good, "max_response_size": 10}
    _expect(scan, "too large", kind, tiny, lambda c: c.contact_lists.list_contacts(LIST_ID))
    late = {**good, "deadline": 1e-6}
    _expect(scan, "deadline", kind, late, lambda c: c.contact_lists.list())
    _expect(
        scan,
        "exists",
        kind,
        good,
        lambda c: c.files.download("exports/README.txt", tmp_path / "in"),
    )
    _webhook_keys(scan, kind, good, secret)
    closed = which50.Which50(**good)
    closed.close()
    try:
        closed.contact_lists.list()
    except which50.ClientClosedError as error:
        scan.error("closed", error)
    places = scan.check(secret)
    assert places > 40


def _webhook_keys(scan: Scan, kind: str, good: dict[str, Any], secret: str) -> None:
    """The secret as the account's webhook keys: set and read back through the client, signing
    a delivery, and checked by `construct_event`, whose every refusal is scanned."""
    with receiving() as receiver:
        call_on(
            kind,
            good,
            lambda c: c.webhooks.create_subscription("ContactCreated", url=receiver.url()),
        )
        call_on(kind, good, lambda c: c.webhooks.update_salt_key(salt_key=secret))
        assert call_on(kind, good, lambda c: c.webhooks.get_salt_key()).salt_key == secret
        if " " in secret:  # an API key travels as a header: no spaces (the sandbox says 400)
            _expect(
                scan, "api key", kind, good, lambda c: c.webhooks.update_api_key(api_key=secret)
            )
        else:
            call_on(kind, good, lambda c: c.webhooks.update_api_key(api_key=secret))
        call_on(
            kind, good, lambda c: c.contact_lists.upsert(LIST_ID, {"Email": f"hook-{kind}@x.ie"})
        )
        call = receiver.wait_for(1)[0]
    header = call.headers["X-Which50-Signature"]
    assert construct_event(call.body, header, secret).event_name == "ContactCreated"
    api_key = call.headers.get("X-Which50-Api-Key")
    refusals = [
        (call.body + b" ", header, secret, None),  # tampered
        (call.body, header, secret + "x", None),  # wrong key
        (call.body, header.replace("t=", "t=1"), secret, None),  # another time
        (call.body, "t=1,v1=" + secret, secret, None),  # the key where the signature goes
        (call.body, header, secret, secret + "x"),  # wrong API key
        (b"{}", signature_header(b"{}", secret), secret, None),  # signed, not an event
    ]
    for body, signature, salt_key, expected_api_key in refusals:
        with pytest.raises(which50.WebhookError) as caught:
            construct_event(
                body, signature, salt_key, api_key=expected_api_key, received_api_key=api_key
            )
        scan.error("webhook", caught.value)


@pytest.mark.parametrize("secret", INVALID)
@pytest.mark.parametrize("setting", ["token", "password", "base_url"])
def test_a_secret_that_cannot_travel_is_refused_without_showing_it(
    secret: str, setting: str, scan: Scan
) -> None:
    settings: dict[str, Any] = {
        "token": {"token": secret},
        "password": {"username": "sandbox", "password": secret},
        "base_url": {"base_url": f"http://sandbox:{quote(secret, safe='')}@x.test/api"},
    }[setting]
    for make in (which50.Which50, which50.AsyncWhich50):
        with pytest.raises(ValueError) as caught:
            make(**settings)
        scan.error(setting, caught.value)
    scan.check(secret)


# (an environment variable cannot hold a NUL byte)
@pytest.mark.parametrize("secret", [s for s in [*INVALID, VALID[0]] if "\x00" not in s])
def test_the_command_line_never_shows_a_secret(
    secret: str, scan: Scan, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source = tmp_path / "rows.csv"
    source.write_text("Email\na@example.ie\n", encoding="utf-8")
    monkeypatch.setenv("WHICH50_BASE_URL", "http://127.0.0.1:9/Which50API")
    monkeypatch.setenv("WHICH50_TOKEN", secret)
    out, err = io.StringIO(), io.StringIO()
    code = main(["import", "1042", str(source), "--match", "Email", "--quiet"], out=out, err=err)
    assert code == 2
    assert err.getvalue().count("\n") == 1, err.getvalue()
    scan.text("cli stdout", out.getvalue())
    scan.text("cli stderr", err.getvalue())
    scan.check(secret)
