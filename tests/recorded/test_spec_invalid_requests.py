"""Requests the spec forbids, sent on purpose, and the API's documented 400 for each.

The typed client refuses to build most of these requests (`select` is required, email states
are an enum), so they go through the httpx client of the raw generated client. They are recorded
through a Prism proxy without `--errors`, which forwards them; the recording checks that Prism
found the request, and only the request, in breach of the spec. The contract tests check the
same from the cassettes: every request of this module is invalid, and every response valid.
"""

from __future__ import annotations

from typing import Any

import pytest
import which50
import which50_client

from .conftest import Target

#: One contact more than an import batch may hold.
OVERSIZED_BATCH = 10_001


def _message(response: Any) -> str:
    body = response.json()
    assert isinstance(body, dict)
    return str(body.get("Message", "")) + " " + str(body.get("MessageDetail", ""))


def test_linked_data_records_without_select_are_400(
    raw_client: which50_client.AuthenticatedClient, target: Target
) -> None:
    response = raw_client.get_httpx_client().get(
        f"/contactLists/{target.list_id}/linkeddata/{target.linked_data_id}/records"
    )
    assert response.status_code == 400
    assert "$select" in _message(response)


@pytest.mark.parametrize("channel", ["emails", "landingpages"])
def test_unknown_report_state_is_400(
    raw_client: which50_client.AuthenticatedClient, target: Target, channel: str
) -> None:
    """Email and landing-page states are closed enums in the spec (text messages' are open)."""
    item = target.email_id if channel == "emails" else target.landing_page_id
    response = raw_client.get_httpx_client().get(
        f"/journeys/{target.journey_id}/reports/{channel}/{item}/contacts/Teleported"
    )
    assert response.status_code == 400
    assert "Teleported" in _message(response)


def test_import_batch_over_10000_contacts_is_400(
    client: which50.Which50, raw_client: which50_client.AuthenticatedClient, target: Target
) -> None:
    """The API refuses the batch, and the job stays empty.

    The batch is 10,001 empty contacts, sent raw, to keep the cassette small (30 KB).
    """
    job = client.contact_lists.imports.create(target.list_id, field_names=["Email"])
    assert isinstance(job.id, int)
    response = raw_client.get_httpx_client().post(
        f"/contactLists/{target.list_id}/import/{job.id}", json=[{}] * OVERSIZED_BATCH
    )
    assert response.status_code == 400
    assert "10000" in _message(response).replace(",", "")
    after = client.contact_lists.imports.get(target.list_id, job.id)
    assert after.total_contacts in (0, None)


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/webhook/subscribe/ContactCreated", {"Url": "ftp://hooks.example.com/"}),
        ("POST", "/webhook/subscribe/ContactCreated", {}),
        ("GET", "/webhook/webhooksubscriptions?pageNumber=0&pageSize=10", None),
        ("GET", "/webhook/webhooksubscriptions?pageNumber=1&pageSize=0", None),
    ],
    ids=["url-not-http", "no-url", "page-0", "page-size-0"],
)
def test_webhook_requests_the_spec_forbids_are_400(
    raw_client: which50_client.AuthenticatedClient, method: str, path: str, body: Any
) -> None:
    """A subscription's `Url` is an absolute http or https URL; pages count from 1 and hold at
    least one subscription (inferred, as every webhook shape is)."""
    response = raw_client.get_httpx_client().request(method, path, json=body)
    assert response.status_code == 400
    assert _message(response).strip()
