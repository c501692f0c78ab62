"""Every failure is a `which50.Which50Error`; status errors carry the status and the body."""

from __future__ import annotations

import which50

with which50.Which50() as client:
    try:
        client.contacts.get("no-such-contact")
    except which50.NotFoundError as error:
        print(error.status_code, error.error_message, error.method, error.url)

    try:
        client.journeys.reports.list_text_message_contacts_by_state(377, 4410, "NotAState")
    except which50.BadRequestError as error:
        print("rejected:", error.body)

    try:
        client.contact_lists.linked_data.list_records("1042", 31, select=["OrderNumber"])
    except which50.APIStatusError as error:  # any other status
        print("failed:", error.status_code)
    except which50.APIConnectionError as error:  # no usable response (timeouts included)
        print("network trouble:", error)

    with which50.Which50(token="not-a-valid-token") as stranger:
        try:
            stranger.contact_lists.list()
        except which50.AuthenticationError as error:
            print("401:", error.error_message)
