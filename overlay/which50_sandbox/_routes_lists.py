"""Contact lists (#10-#18, #28, #29): lists, schema fields, single-contact writes, server time."""

from __future__ import annotations

import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from which50_models import (
    Contact,
    ContactInput,
    ContactSchemaField,
    ContactsList,
    RegisterDeviceRequest,
    ServerTime,
)

from . import _contacts
from ._http import (
    ApiError,
    bad_request,
    found,
    id_param,
    model_body,
    model_json,
    models_json,
    not_found,
    query_list,
)
from ._routes_journeys import campaigns
from ._state import Sandbox, sandbox
from ._store import MAX_ID, transaction

# Query keys that are parameters of their own, never PATCH match values.
RESERVED_QUERY = frozenset({"match", "customevents"})


def list_row(sb: Sandbox, list_id: int) -> sqlite3.Row:
    row = sb.conn.execute("SELECT * FROM lists WHERE id = ?", (list_id,)).fetchone()
    return found(row, "contact list")


def render_list(sb: Sandbox, row: sqlite3.Row) -> dict[str, Any]:
    count = sb.conn.execute("SELECT COUNT(*) FROM contacts WHERE list_id = ?", (row["id"],))
    return {"Id": row["id"], "Name": row["name"], "Count": count.fetchone()[0]}


def render_field(sb: Sandbox, row: sqlite3.Row) -> dict[str, Any]:
    values = sb.conn.execute(
        "SELECT * FROM field_values WHERE field_id = ? ORDER BY ord", (row["id"],)
    ).fetchall()
    return {
        "Id": row["id"],
        "Name": row["name"],
        "DefaultValue": row["default_value"],
        "MapType": row["map_type"],
        "Position": row["position"],
        "ContactSchemaFieldValues": [
            {"Id": v["id"], "Value": v["value"], "Order": v["ord"], "InUse": bool(v["in_use"])}
            for v in values
        ],
    }


def fields_response(sb: Sandbox, owner: str, owner_id: int, field_id: int | None) -> Response:
    """The fields of a list or Linked Data list, or one of them (404 if it is not there)."""
    sql = "SELECT * FROM fields WHERE owner = ? AND owner_id = ?"
    params: tuple[Any, ...] = (owner, owner_id)
    if field_id is None:
        rows = sb.conn.execute(sql + " ORDER BY position", params).fetchall()
        return models_json(ContactSchemaField, [render_field(sb, row) for row in rows])
    row = found(sb.conn.execute(sql + " AND id = ?", (*params, field_id)).fetchone(), "field")
    return model_json(ContactSchemaField, render_field(sb, row))


async def list_contact_lists(request: Request) -> Response:
    sb = sandbox(request)
    rows = sb.conn.execute("SELECT * FROM lists ORDER BY id").fetchall()
    return models_json(ContactsList, [render_list(sb, row) for row in rows])


async def get_contact_list(request: Request) -> Response:
    sb = sandbox(request)
    row = list_row(sb, id_param(request, "contactListId", "contact list"))
    return model_json(ContactsList, render_list(sb, row))


async def list_contact_list_fields(request: Request) -> Response:
    sb = sandbox(request)
    list_id = list_row(sb, id_param(request, "contactListId", "contact list"))["id"]
    return fields_response(sb, "list", list_id, None)


async def get_contact_list_field(request: Request) -> Response:
    sb = sandbox(request)
    list_id = list_row(sb, id_param(request, "contactListId", "contact list"))["id"]
    return fields_response(sb, "list", list_id, id_param(request, "fieldId", "field"))


async def list_contact_list_journeys(request: Request) -> Response:
    sb = sandbox(request)
    list_id = list_row(sb, id_param(request, "contactListId", "contact list"))["id"]
    return campaigns(sb, "SELECT * FROM journeys WHERE list_id = ? ORDER BY id", (list_id,))


async def list_contact_list_contacts(request: Request) -> Response:
    sb = sandbox(request)
    list_id = list_row(sb, id_param(request, "contactListId", "contact list"))["id"]
    return _contacts.contacts_response(sb, "list_id = ?", (list_id,))


async def upsert_contact(request: Request) -> Response:
    sb = sandbox(request)
    list_id = id_param(request, "contactListId", "contact list")
    contact = await model_body(request, ContactInput)
    with transaction(sb.conn):
        ids = _contacts.upsert_from_request(sb, request, list_id, contact)
    return model_json(Contact, _contacts.render(sb, _contacts.contact_row(sb, ids[0])))


def match_values(request: Request) -> dict[str, str]:
    """The PATCH match values: every query pair but `match` and `customevents`."""
    return {k: v for k, v in request.query_params.items() if k not in RESERVED_QUERY}


async def update_matching_contacts(request: Request) -> Response:
    sb = sandbox(request)
    list_id = id_param(request, "contactListId", "contact list")
    contact = await model_body(request, ContactInput)
    match = query_list(request, "match")
    with transaction(sb.conn):
        ids = _contacts.update_matching(sb, list_id, contact.values, match, match_values(request))
        _contacts.record_custom_events(sb, query_list(request, "customevents"), ids)
    return models_json(Contact, _contacts.render_ids(sb, ids))


async def submit_contact_form(request: Request) -> Response:
    """The legacy form: `ListId`, optionally `EncContactId`, and one field per schema field.

    Invalid parameters are 417 (documented); a known `Email` updates that contact.
    """
    sb = sandbox(request)
    if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        raise ApiError(417, "Invalid parameters.", "The form must be x-www-form-urlencoded.")
    form = await request.form()
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    raw_list = fields.pop("ListId", "")
    try:
        list_id = int(raw_list)
    except ValueError:
        raise ApiError(417, "Invalid parameters.", "ListId is required.") from None
    enc = fields.pop("EncContactId", None)
    if not 0 <= list_id <= MAX_ID:
        raise not_found("contact list")
    schema = _contacts.list_schema(sb.conn, list_id)
    match = ["Email"] if not enc and fields.get("Email") and "Email" in schema.map_types else []
    try:
        with transaction(sb.conn):
            ids = _contacts.upsert(sb, list_id, fields, match, enc_contact_id=enc)
    except ApiError as error:
        if error.status != 400:
            raise
        raise ApiError(417, "Invalid parameters.", error.detail) from None
    return model_json(Contact, _contacts.render(sb, _contacts.contact_row(sb, ids[0])))


async def register_device(request: Request) -> Response:
    sb = sandbox(request)
    list_id = id_param(request, "contactListId", "contact list")
    body = await model_body(request, RegisterDeviceRequest)
    if not body.device_id:
        raise bad_request("DeviceId is required.")
    with transaction(sb.conn):
        ids = _contacts.upsert_from_request(sb, request, list_id, body.contact)
        sb.conn.executemany(
            "INSERT INTO devices (contact_id, device_id, registered) VALUES (?, ?, ?)",
            [(contact_id, body.device_id, sb.clock.iso()) for contact_id in ids],
        )
    return model_json(Contact, _contacts.render(sb, _contacts.contact_row(sb, ids[0])))


async def get_server_time(request: Request) -> Response:
    now = ServerTime(sandbox(request).clock.iso())
    return Response(now.model_dump_json(), media_type="application/json")


P = "/contactLists/{contactListId}"
routes = [
    Route("/contactLists", list_contact_lists, methods=["GET"]),
    Route("/contactLists/serverTime", get_server_time, methods=["GET"]),
    Route("/contactLists/contactForm", submit_contact_form, methods=["POST"]),
    Route(P, get_contact_list, methods=["GET"]),
    Route(P + "/fields", list_contact_list_fields, methods=["GET"]),
    Route(P + "/fields/{fieldId}", get_contact_list_field, methods=["GET"]),
    Route(P + "/journeys", list_contact_list_journeys, methods=["GET"]),
    Route(P + "/contacts", list_contact_list_contacts, methods=["GET"]),
    Route(P + "/contact", upsert_contact, methods=["POST"]),
    Route(P + "/contact", update_matching_contacts, methods=["PATCH"]),
    Route(P + "/registerDevice", register_device, methods=["POST"]),
]
