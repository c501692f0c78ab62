"""Configuration mistakes are said, not silent: a client aimed at production by default says so
(once, and in its repr), a 401 from a client with no credentials names the missing settings,
and a 404 from a base URL without the API's root says what the URL should end with."""

from __future__ import annotations

import logging

import httpx
import pytest
import which50
from which50 import _config

from .conftest import TOKEN, Harness, json_response

DENIED = {"Message": "Authorization has been denied for this request."}
NO_ROUTE = {"Message": "No HTTP resource was found that matches the request URI."}


@pytest.fixture
def fresh_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No `WHICH50_*` variable, and the once-per-process note not yet given."""
    for name in ("WHICH50_BASE_URL", "WHICH50_TOKEN", "WHICH50_USERNAME", "WHICH50_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(_config, "_NOTED", set())


@pytest.mark.usefixtures("fresh_environment")
def test_a_client_on_the_default_base_url_says_so_once(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="which50")
    with which50.Which50(token=TOKEN) as first, which50.Which50(token=TOKEN) as second:
        notes = [r for r in caplog.records if "no base URL given" in r.getMessage()]
        assert len(notes) == 1, "said once per process, not once per client"
        assert "WHICH50_BASE_URL" in notes[0].getMessage()
        assert which50.DEFAULT_BASE_URL in notes[0].getMessage()
        for client in (first, second, first.with_options(timeout=5)):
            assert "(default: production)" in repr(client)
            assert "(default: production)" in repr(client.config)


@pytest.mark.usefixtures("fresh_environment")
def test_a_base_url_given_either_way_is_not_marked(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.WARNING, logger="which50")
    with which50.Which50(token=TOKEN, base_url=which50.DEFAULT_BASE_URL) as given:
        assert "default" not in repr(given)
    monkeypatch.setenv("WHICH50_BASE_URL", "http://127.0.0.1:9/Which50API")
    with which50.Which50(token=TOKEN) as from_env:
        assert "default" not in repr(from_env)
        assert "default" not in repr(from_env.with_options(base_url="http://other.test/Which50API"))
    assert not [r for r in caplog.records if "no base URL given" in r.getMessage()]


def test_a_401_without_credentials_names_the_missing_settings(harness: Harness) -> None:
    def get(c: which50.Which50) -> object:
        return c.contacts.get("abc")

    with pytest.raises(which50.AuthenticationError) as no_credentials:
        harness.call(lambda r: json_response(401, DENIED), get, token=None)
    message = str(no_credentials.value)
    assert "no credentials were configured" in message
    assert "WHICH50_TOKEN" in message and "WHICH50_PASSWORD" in message
    assert "Authorization has been denied" in message, "the server's message stays"
    assert "Authorization" not in harness.requests[-1].headers

    with pytest.raises(which50.AuthenticationError) as wrong_token:
        harness.call(lambda r: json_response(401, DENIED), get)
    assert "hint" not in str(wrong_token.value), "a token was sent: nothing is missing"


@pytest.mark.parametrize("base", ["http://which50.test", "http://which50.test/api/v1/"])
def test_a_404_from_a_base_url_without_the_api_root_says_what_it_should_end_with(
    harness: Harness, base: str
) -> None:
    def get(c: which50.Which50) -> object:
        return c.contact_lists.get(1042)

    with pytest.raises(which50.NotFoundError) as wrong_base:
        harness.call(lambda r: json_response(404, NO_ROUTE), get, base_url=base)
    message = str(wrong_base.value)
    assert "does not end with /Which50API" in message
    assert httpx.URL(str(harness.requests[-1].url)).path.endswith("/contactLists/1042")

    with pytest.raises(which50.NotFoundError) as not_found:
        harness.call(lambda r: json_response(404, NO_ROUTE), get)
    assert "hint" not in str(not_found.value), "a 404 under the right root is just a 404"
