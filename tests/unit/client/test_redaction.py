"""Credentials never show in reprs, error messages or logs."""

from __future__ import annotations

import logging

import httpx
import pytest
import which50
from which50._redact import Secret

from .conftest import BASE, CONTACT, TOKEN, Harness, json_response


def test_client_and_config_reprs_hide_the_token() -> None:
    with which50.Which50(base_url=BASE, token=TOKEN) as client:
        for text in (repr(client), repr(client.config), str(client.config.auth)):
            assert TOKEN not in text
        assert "BearerAuth(token=<redacted>)" in repr(client)


def test_basic_credentials_are_hidden_in_the_client_repr() -> None:
    client = which50.AsyncWhich50(base_url=BASE, username="ann", password="hunter2")
    assert "hunter2" not in repr(client)
    assert "BasicAuth(username='ann', password=<redacted>)" in repr(client)


def test_basic_repr() -> None:
    auth = which50.BasicAuth("ann", "hunter2")
    assert repr(auth) == "BasicAuth(username='ann', password=<redacted>)"
    assert "hunter2" not in repr(vars(auth))


def test_secret_hides_its_value() -> None:
    secret = Secret("s3")
    assert "s3" not in repr(secret) and "s3" not in str(secret)
    assert secret.reveal() == "s3" and secret == Secret("s3")


def test_user_info_in_the_base_url_is_redacted() -> None:
    with which50.Which50(base_url="https://ann:hunter2@x.test/api") as client:
        assert "hunter2" not in repr(client)


def test_logs_name_the_call_but_never_the_token(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="which50")
    responses = iter([httpx.Response(503), json_response(200, CONTACT)])
    harness.call(lambda r: next(responses), lambda c: c.contacts.get("Q2w5"))
    messages = [record.getMessage() for record in caplog.records if record.name == "which50"]
    assert messages[0].startswith(f"retrying GET {BASE}/contacts/Q2w5 in ")
    assert messages[0].endswith("(retry 1 of 2) after 503")
    assert messages[1].startswith(f"GET {BASE}/contacts/Q2w5 -> 200 in ")
    assert messages[1].endswith("ms (retries: 1)")
    assert all(TOKEN not in message for message in messages)


def test_errors_hide_the_token(harness: Harness) -> None:
    with pytest.raises(which50.AuthenticationError) as caught:
        harness.call(
            lambda r: json_response(401, {"Message": "Authorization has been denied"}),
            lambda c: c.contacts.get("Q2w5"),
        )
    error = caught.value
    assert TOKEN not in str(error) and TOKEN not in repr(error)
    assert all(TOKEN not in repr(value) for value in vars(error).values())
