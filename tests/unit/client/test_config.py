"""Configuration: arguments beat the environment, which beats the defaults."""

from __future__ import annotations

import httpx
import pytest
import which50
from which50._config import NOT_GIVEN, build_config

from .conftest import CONTACT, TOKEN, Harness, json_response

ENV = {
    "WHICH50_BASE_URL": "https://env.example/Which50API/",
    "WHICH50_TOKEN": "env-token",
    "WHICH50_USERNAME": "env-user",
    "WHICH50_PASSWORD": "env-pass",
}


def _auth_header(config: which50.ClientConfig) -> str | None:
    request = httpx.Request("GET", "https://x.test/")
    if config.auth is None:
        return None
    flow = config.auth.sync_auth_flow(request)
    header: str | None = next(flow).headers.get("Authorization")
    return header


def test_defaults() -> None:
    config = build_config(environ={})
    assert config.base_url == which50.DEFAULT_BASE_URL
    assert config.auth is None
    assert config.timeout == which50.DEFAULT_TIMEOUT
    assert config.max_retries == which50.DEFAULT_MAX_RETRIES


def test_environment_fills_what_arguments_leave() -> None:
    config = build_config(environ=ENV)
    assert config.base_url == "https://env.example/Which50API"
    assert _auth_header(config) == "Bearer env-token"


def test_arguments_beat_the_environment() -> None:
    config = build_config(base_url="http://arg.example/api", token="arg-token", environ=ENV)
    assert config.base_url == "http://arg.example/api"
    assert _auth_header(config) == "Bearer arg-token"


def test_explicit_basic_beats_an_environment_token() -> None:
    config = build_config(username="u", password="p", environ=ENV)
    assert _auth_header(config) == "Basic dTpw"


def test_basic_from_the_environment_when_no_token() -> None:
    env = {k: v for k, v in ENV.items() if k != "WHICH50_TOKEN"}
    assert _auth_header(build_config(environ=env)) == "Basic ZW52LXVzZXI6ZW52LXBhc3M="


def test_token_none_ignores_the_environment() -> None:
    env = {"WHICH50_TOKEN": "env-token"}
    assert build_config(token=None, environ=env).auth is None


def test_custom_auth_is_used_as_is() -> None:
    auth = httpx.BasicAuth("a", "b")
    assert build_config(auth=auth, environ=ENV).auth is auth


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"token": "t", "username": "u", "password": "p"}, "either token= or username="),
        ({"auth": httpx.BasicAuth("a", "b"), "token": "t"}, "either auth="),
        ({"username": "u"}, "need a password"),
        ({"base_url": "ftp://x"}, "absolute http"),
        ({"base_url": "/relative"}, "absolute http"),
        ({"timeout": 0}, "timeout must be positive"),
        ({"max_retries": -1}, "max_retries"),
    ],
)
def test_bad_settings_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build_config(environ={}, **kwargs)  # type: ignore[arg-type]


def test_timeouts() -> None:
    assert build_config(timeout=5, environ={}).timeout == httpx.Timeout(5)
    assert build_config(timeout=None, environ={}).timeout == httpx.Timeout(None)
    custom = httpx.Timeout(3, connect=1)
    assert build_config(timeout=custom, environ={}).timeout is custom


def test_the_client_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    with which50.Which50() as client:
        assert client.base_url == "https://env.example/Which50API"
        assert "env-token" not in repr(client)


def test_not_given_is_a_falsy_singleton() -> None:
    assert not NOT_GIVEN
    assert which50.NotGiven() is NOT_GIVEN
    assert repr(NOT_GIVEN) == "NOT_GIVEN"


def test_every_request_carries_the_settings(harness: Harness) -> None:
    harness.call(
        lambda r: json_response(200, CONTACT),
        lambda c: c.contacts.get("Q2w5"),
        timeout=httpx.Timeout(7, connect=2),
    )
    request = harness.requests[0]
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["User-Agent"] == f"which50-python/{which50.__version__}"
    assert request.extensions["timeout"] == {"connect": 2, "read": 7, "write": 7, "pool": 7}


def test_with_options_derives_a_client_per_call(harness: Harness) -> None:
    def call(client: which50.Which50) -> object:
        derived = client.with_options(timeout=1.5, token="other-token")
        assert derived.base_url == client.base_url
        assert derived.max_retries == client.max_retries
        assert derived.timeout == httpx.Timeout(1.5)
        return derived.contacts.get("Q2w5")

    harness.call(lambda r: json_response(200, CONTACT), call)
    request = harness.requests[0]
    assert request.headers["Authorization"] == "Bearer other-token"
    assert request.extensions["timeout"]["read"] == 1.5


def test_with_options_keeps_the_auth_when_not_changed(harness: Harness) -> None:
    harness.call(
        lambda r: json_response(200, CONTACT),
        lambda c: c.with_options(max_retries=0).contacts.get("Q2w5"),
    )
    assert harness.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"


def test_a_derived_client_does_not_close_the_shared_connections() -> None:
    transport = httpx.MockTransport(lambda r: json_response(200, CONTACT))
    client = which50.Which50(
        base_url="http://x.test/api", http_client=httpx.Client(transport=transport)
    )
    client.with_options(timeout=1).close()
    assert client.contacts.get("Q2w5").enc_contact_id == "Q2w5"
    client.close()


def test_tls_verification_is_on_by_default() -> None:
    with which50.Which50(base_url="https://x.test/api") as client:
        pool = client._network._pool  # type: ignore[attr-defined]
        assert pool._ssl_context.verify_mode.name == "CERT_REQUIRED"
