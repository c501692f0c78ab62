"""Typed code against `which50`, with no guards: members the server always sends are typed
without `None` (`contact.enc_contact_id` is a `str`, ids and counts are `int`), members that
may be null say so, and closed sets of values (`EmailState`) are `Literal`s that mypy checks.
`make check` runs `mypy --strict` on this file.
"""

from __future__ import annotations

from collections import Counter

import which50
from which50.types import Contact, ContactsList, EmailState

LIST_ID = 1042
JOURNEY_ID = 377
EMAIL_ID = 9120


def describe(contact: Contact) -> str:
    email = contact.values.get("Email", "?")  # Values is always a dict
    warnings = len(contact.validation_warnings or [])  # optional and nullable: say so
    return f"{contact.enc_contact_id} <{email}> in list {contact.list_id}, {warnings} warnings"


def busiest(lists: list[ContactsList]) -> ContactsList:
    return max(lists, key=lambda found: found.count)  # Count is an int, always there


with which50.Which50() as client:
    biggest = busiest(client.contact_lists.list())
    print(f"list {biggest.id} ({biggest.name or 'unnamed'}) has {biggest.count + 0:,} contacts")

    contact = client.contact_lists.upsert(
        LIST_ID, {"Email": "typed.demo@example.ie", "City": "Ennis"}, match=["Email"]
    )
    again = client.contacts.get(contact.enc_contact_id)  # a str: no cast
    print(describe(again))

    job = client.contact_lists.imports.create(LIST_ID, ["Email", "City"])
    print(
        f"job {job.id}: {job.current_status}, {job.inserted_contacts + job.updated_contacts} so far"
    )

    states: list[EmailState] = ["Sent", "Opened", "Clicked"]  # a typo fails mypy
    counts = Counter(
        {
            state: len(
                client.journeys.reports.list_email_contacts_by_state(JOURNEY_ID, EMAIL_ID, state)
            )
            for state in states
        }
    )
    print("email", EMAIL_ID, dict(counts))

    started = client.contact_lists.get_server_time()
    print("server time", started.isoformat(), "UTC offset", started.utcoffset())
