"""The generated client, `which50_client`, on its own; and raw responses from `which50`.

The raw client returns documented error statuses as values, sends list parameters as repeated
keys (pass one comma-joined item for `match`), and does no retries: `which50` adds those.
"""

from __future__ import annotations

import os

import which50
from which50_client import AuthenticatedClient
from which50_client.api.contact_lists import list_contact_lists, upsert_contact
from which50_client.models import ContactInput, ContactInputValuesType0, HttpError

raw = AuthenticatedClient(
    base_url=os.environ["WHICH50_BASE_URL"], token=os.environ["WHICH50_TOKEN"]
)
with raw:
    lists = list_contact_lists.sync(client=raw)
    print(lists)
    body = ContactInput(values=ContactInputValuesType0.from_dict({"Email": "raw@example.ie"}))
    stored = upsert_contact.sync(1042, client=raw, body=body, match=["Email"])
    if isinstance(stored, HttpError):
        print("error:", stored.message)
    else:
        print("stored", stored.enc_contact_id if stored else None)

# The overlay's raw responses: the httpx.Response next to the parsed value.
with which50.Which50() as client:
    response = client.with_raw_response.contact_lists.get(1042)
    print(response.status_code, response.headers.get("content-type"), response.parsed.name)
