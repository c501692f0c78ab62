"""The documented errors, as the API answers them, surfacing as typed `which50` errors.

Each error carries the status, the parsed body and the request's method and URL. The requests
here are all valid by the spec; the ones the spec forbids (a missing `$select`, an unknown email
state, an oversized import batch) are in `test_spec_invalid_requests.py`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import which50

from ._harness import WRONG_TOKEN
from .conftest import Fresh, Target, Twin

UNKNOWN_ID = 999_999
UNKNOWN_CONTACT = "no-such-contact"


def _error(twin: Twin, error: type[which50.APIStatusError], fn: Any) -> which50.APIStatusError:
    with pytest.raises(error) as raised:
        twin.call(fn)
    return raised.value


def test_unknown_contact_is_404(twin: Twin, target: Target) -> None:
    error = _error(twin, which50.NotFoundError, lambda c: c.contacts.get(UNKNOWN_CONTACT))
    assert error.status_code == 404
    assert error.method == "GET"
    assert error.url.endswith(f"/contacts/{UNKNOWN_CONTACT}")
    assert isinstance(error.body, dict) and error.error_message == error.body["Message"]


def test_unknown_contact_list_is_404(twin: Twin) -> None:
    error = _error(twin, which50.NotFoundError, lambda c: c.contact_lists.get(UNKNOWN_ID))
    assert error.status_code == 404 and error.url.endswith(f"/contactLists/{UNKNOWN_ID}")
    assert error.error_message


def test_unknown_journey_is_404(client: which50.Which50) -> None:
    with pytest.raises(which50.NotFoundError) as raised:
        client.journeys.get(UNKNOWN_ID)
    assert raised.value.status_code == 404 and raised.value.error_message


def test_unknown_import_job_is_404(client: which50.Which50, target: Target) -> None:
    with pytest.raises(which50.NotFoundError) as raised:
        client.contact_lists.imports.get(target.list_id, UNKNOWN_ID)
    assert raised.value.url.endswith(f"/contactLists/{target.list_id}/import/{UNKNOWN_ID}")


def test_invalid_text_message_state_is_400(twin: Twin, target: Target) -> None:
    """Text-message states are an open string in the spec, so only the API can refuse one."""
    error = _error(
        twin,
        which50.BadRequestError,
        lambda c: c.journeys.reports.list_text_message_contacts_by_state(
            target.journey_id, target.text_message_id, state="Teleported"
        ),
    )
    assert error.status_code == 400
    assert isinstance(error.body, dict) and "Teleported" in str(error.body)


def test_bad_bearer_token_is_401(target: Target) -> None:
    with (
        which50.Which50(base_url=target.base_url, token=WRONG_TOKEN) as bad,
        pytest.raises(which50.AuthenticationError) as raised,
    ):
        bad.contact_lists.list()
    error = raised.value
    assert error.status_code == 401 and error.error_message
    assert "WWW-Authenticate" in error.headers
    assert WRONG_TOKEN not in str(error) + repr(error)


def test_bad_basic_credentials_are_401(target: Target) -> None:
    assert target.username
    with (
        which50.Which50(
            base_url=target.base_url, username=target.username, password="not-the-password"
        ) as bad,
        pytest.raises(which50.AuthenticationError),
    ):
        bad.contact_lists.list()


def test_basic_credentials_are_accepted(target: Target) -> None:
    assert target.username and target.password
    with which50.Which50(
        base_url=target.base_url, username=target.username, password=target.password
    ) as basic:
        assert basic.contact_lists.get(target.list_id).id == target.list_id


def test_read_only_credential_reads_but_gets_403_on_a_write(
    twin: Twin, target: Target, fresh: Fresh
) -> None:
    assert target.readonly_token
    email = fresh.email("readonly@example.ie")
    readonly = Twin(twin.kind, dataclasses.replace(target, token=target.readonly_token))
    assert readonly.call(lambda c: c.contact_lists.get(target.list_id)).id == target.list_id
    error = _error(
        readonly,
        which50.PermissionDeniedError,
        lambda c: c.contact_lists.upsert(target.list_id, {"Email": email}, match=["Email"]),
    )
    assert error.status_code == 403 and error.method == "POST" and error.error_message
    # nothing was written
    found = twin.call(
        lambda c: c.contact_lists.update_matching(
            target.list_id, {"City": "Nowhere"}, match={"Email": email}
        )
    )
    assert found == []
