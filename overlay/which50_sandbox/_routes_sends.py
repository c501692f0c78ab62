"""Sends (#50-#55): upsert (POST, PUT) or update matching (PATCH) contacts, then send.

A send records an interaction (an `Email` or `SMS` row, delivered) for each contact it reached,
in the journey that owns the email or text message, so it shows in the contact's emails, text
messages, communications and summary, and in the journey's reports.
"""

from __future__ import annotations

import sqlite3

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from which50_models import Contact, ContactInput, SendEmailRequestDTO, SendTextMessageRequestDTO

from . import _contacts
from ._http import bad_request, body_id, found, model_body, model_json, not_found, query_list
from ._routes_lists import match_values
from ._state import Sandbox, sandbox
from ._store import transaction


def _item(sb: Sandbox, kind: str, item_id: int | None) -> sqlite3.Row:
    row = sb.conn.execute(
        "SELECT i.*, (SELECT MIN(a.id) FROM activities a WHERE a.kind = i.kind "
        "AND a.item_id = i.id) AS activity_id FROM items i WHERE i.kind = ? AND i.id = ?",
        (kind, body_id(item_id)),
    ).fetchone()
    return found(row, "email" if kind == "Email" else "text message")


def _record(sb: Sandbox, item: sqlite3.Row, contact_ids: list[int]) -> None:
    sb.conn.executemany(
        "INSERT INTO interactions (contact_id, journey_id, activity_id, kind, item_id, name, "
        "occurred, status, delivered) VALUES (?, ?, ?, ?, ?, ?, ?, 'Delivered', 1)",
        [
            (
                cid,
                item["journey_id"],
                item["activity_id"],
                item["kind"],
                item["id"],
                item["name"],
                sb.clock.iso(),
            )
            for cid in contact_ids
        ],
    )


async def _send(request: Request, kind: str, *, patch: bool) -> Response:
    sb = sandbox(request)
    if kind == "Email":
        email = await model_body(request, SendEmailRequestDTO)
        item_id, sent = email.email_id, email.contact
    else:
        text = await model_body(request, SendTextMessageRequestDTO)
        item_id, sent = text.text_message_id, text.contact
    contact = sent or ContactInput()
    if contact.list_id is None:
        raise bad_request("Contact.ListId is required: it names the contact list.")
    list_id = body_id(contact.list_id)
    if list_id is None:
        raise not_found("contact list")
    _contacts.list_schema(sb.conn, list_id)
    item = _item(sb, kind, item_id)
    match = query_list(request, "match")
    with transaction(sb.conn):
        if patch:
            values = match_values(request)
            ids = _contacts.update_matching(sb, list_id, contact.values, match, values)
            if not ids:
                raise not_found("contact matching the query")
        else:
            ids = _contacts.upsert(
                sb, list_id, contact.values, match, enc_contact_id=contact.enc_contact_id
            )
        _record(sb, item, ids)
    return model_json(Contact, _contacts.render(sb, _contacts.contact_row(sb, ids[0])))


async def send_email(request: Request) -> Response:
    return await _send(request, "Email", patch=False)


async def update_matching_and_send_email(request: Request) -> Response:
    return await _send(request, "Email", patch=True)


async def send_text_message(request: Request) -> Response:
    return await _send(request, "SMS", patch=False)


async def update_matching_and_send_text_message(request: Request) -> Response:
    return await _send(request, "SMS", patch=True)


routes = [
    Route("/journeys/sendEmail", send_email, methods=["POST", "PUT"]),
    Route("/journeys/sendEmail", update_matching_and_send_email, methods=["PATCH"]),
    Route("/journeys/sendTextMessage", send_text_message, methods=["POST", "PUT"]),
    Route("/journeys/sendTextMessage", update_matching_and_send_text_message, methods=["PATCH"]),
]
