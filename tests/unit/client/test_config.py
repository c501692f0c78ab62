"""Configuration: arguments beat the environment, which beats the defaults."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest
import which50
from which50._config import NOT_GIVEN, build_config

from .conftest import BASE, CONTACT, TOKEN, Harness, json_response

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
    # timeout=1.5 is also the call's deadline, and each phase is cut to the time left
    assert request.extensions["timeout"]["read"] == pytest.approx(1.5, abs=0.1)


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


HOSTILE = ["tok\nX-Injected: 1", "t\u00f8ken", "tok\x00en", "tok\ren", "\u200btok", "tok\x7f"]


@pytest.mark.parametrize("secret", HOSTILE)
@pytest.mark.parametrize("setting", ["token", "password"])
def test_a_credential_that_cannot_travel_is_refused_without_showing_it(
    secret: str, setting: str
) -> None:
    kwargs: dict[str, Any] = (
        {"token": secret} if setting == "token" else {"username": "u", "password": secret}
    )
    with pytest.raises(ValueError, match=rf"^{setting} contains") as caught:
        build_config(environ={}, **kwargs)
    assert secret not in str(caught.value) and secret not in repr(caught.value.args)
    assert caught.value.__cause__ is None and caught.value.__context__ is None


@pytest.mark.parametrize("secret", HOSTILE)
def test_a_credential_from_the_environment_is_named_by_its_variable(secret: str) -> None:
    with pytest.raises(ValueError, match=r"^WHICH50_TOKEN contains") as caught:
        build_config(environ={"WHICH50_TOKEN": secret})
    assert secret not in str(caught.value)


@pytest.mark.parametrize("raw", ["tok-1\n", "tok-1\r\n", "  tok-1\t"])
def test_surrounding_whitespace_of_a_credential_is_stripped(raw: str) -> None:
    assert _auth_header(build_config(token=raw, environ={})) == "Bearer tok-1"


def test_a_username_with_a_colon_is_refused() -> None:
    with pytest.raises(ValueError, match="username contains ':'"):
        build_config(username="a:b", password="p", environ={})


def test_credentials_in_the_base_url_become_basic_auth_and_leave_the_url() -> None:
    config = build_config(base_url="https://ann:hun%40ter2@x.test/api/", environ={})
    assert config.base_url == "https://x.test/api"
    assert _auth_header(config) == "Basic " + base64.b64encode(b"ann:hun@ter2").decode()


@pytest.mark.parametrize(
    "kwargs",
    [{"token": "t"}, {"username": "u", "password": "p"}, {"auth": httpx.BasicAuth("a", "b")}],
)
def test_credentials_in_the_base_url_beside_others_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError) as caught:
        build_config(base_url="https://ann:hunter2@x.test/api", environ={}, **kwargs)  # type: ignore[arg-type]
    assert "hunter2" not in str(caught.value)


@pytest.mark.parametrize(
    "url", ["https://x.test/api?token=hunter2", "https://x.test/api#hunter2", "http://[::1/api"]
)
def test_a_base_url_with_a_query_fragment_or_bad_syntax_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match=r"^base_url") as caught:
        build_config(base_url=url, environ={})
    assert "hunter2" not in str(caught.value)


@pytest.mark.parametrize("value", [0, -1, float("nan"), float("inf"), 1e12])
def test_an_unusable_timeout_is_a_value_error(value: float) -> None:
    with pytest.raises(ValueError, match=r"^timeout must be positive"):
        build_config(timeout=value, environ={})
    with pytest.raises(ValueError, match=r"^deadline must be positive"):
        build_config(deadline=value, environ={})
    with pytest.raises(ValueError, match=r"^timeout's read must be positive"):
        build_config(timeout=httpx.Timeout(5, read=value), environ={})


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"timeout": "5"}, TypeError),
        ({"timeout": True}, TypeError),
        ({"max_retries": 1.5}, TypeError),
        ({"max_response_size": 0}, ValueError),
        ({"max_response_size": "1"}, TypeError),
        ({"token": 5}, TypeError),
    ],
)
def test_settings_of_the_wrong_type_are_refused(
    kwargs: dict[str, object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        build_config(environ={}, **kwargs)  # type: ignore[arg-type]


def test_the_deadline_follows_a_plain_number_timeout() -> None:
    assert build_config(environ={}).deadline == which50.DEFAULT_DEADLINE
    assert build_config(timeout=2, environ={}).deadline == 2.0
    assert build_config(timeout=None, environ={}).deadline is None
    assert build_config(timeout=httpx.Timeout(5), environ={}).deadline == which50.DEFAULT_DEADLINE
    assert build_config(timeout=2, deadline=30, environ={}).deadline == 30.0
    assert build_config(deadline=None, environ={}).deadline is None


def test_with_options_carries_the_deadline_and_the_body_cap() -> None:
    with which50.Which50(base_url=BASE, timeout=3, max_response_size=1000) as client:
        assert client.with_options(max_retries=0).config.deadline == 3.0
        assert client.with_options(timeout=1).config.deadline == 1.0
        assert client.with_options(deadline=9).config.deadline == 9.0
        assert client.with_options(max_retries=0).config.max_response_size == 1000
        assert client.with_options(max_response_size=None).config.max_response_size is None
