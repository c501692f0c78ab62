"""Contacts (#1-#9): one contact and its interactions, addressed by EncContactId."""

from __future__ import annotations

import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from which50_models import (
    Contact,
    ContactEmail,
    ContactInteraction,
    ContactLandingPage,
    ContactSummary,
    ContactTextMessage,
    ContactWebForm,
)

from . import _contacts
from ._http import id_param, model_json, models_json
from ._routes_journeys import campaigns, journey_row
from ._state import Sandbox, sandbox

SUMMARY_SIZE = 10


def _contact_id(request: Request) -> int:
    row = _contacts.contact_from_token(sandbox(request), request.path_params["contactId"])
    contact_id: int = row["id"]
    return contact_id


def _interactions(
    sb: Sandbox, contact_id: int, where: str = "1", params: tuple[Any, ...] = (), limit: int = -1
) -> list[sqlite3.Row]:
    return sb.conn.execute(
        f"SELECT * FROM interactions WHERE contact_id = ? AND {where} "
        "ORDER BY occurred DESC, id DESC LIMIT ?",
        (contact_id, *params, limit),
    ).fetchall()


def interaction(sb: Sandbox, row: sqlite3.Row) -> dict[str, Any]:
    journey = sb.conn.execute("SELECT name FROM journeys WHERE id = ?", (row["journey_id"],))
    name = journey.fetchone()
    return {
        "Id": row["id"],
        "Interaction": row["kind"],
        "Name": row["name"],
        "Occurred": row["occurred"],
        "Status": row["status"],
        "CampaignId": row["journey_id"],
        "CampaignName": name["name"] if name else None,
    }


# Each channel DTO: its alias and the interactions column it is read from.
EMAIL = {
    "Id": "item_id",
    "Name": "name",
    "Date": "occurred",
    "Delivered": "delivered",
    "Open": "opened",
    "Read": "read",
    "Link": "link",
}
TEXT_MESSAGE = {"Id": "item_id", "Name": "name", "Date": "occurred", "Delivered": "delivered"}
LANDING_PAGE = {
    "Id": "item_id",
    "Name": "name",
    "Date": "occurred",
    "Link": "link",
    "Submission": "submission",
}
WEB_FORM = {
    "Id": "item_id",
    "LandingPageId": "landing_page_id",
    "Name": "name",
    "Date": "occurred",
    "Submitted": "submission",
}


def pick(columns: dict[str, str], rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    return [{alias: row[column] for alias, column in columns.items()} for row in rows]


async def get_contact(request: Request) -> Response:
    sb = sandbox(request)
    row = _contacts.contact_from_token(sb, request.path_params["contactId"])
    return model_json(Contact, _contacts.render(sb, row))


async def list_contact_journeys(request: Request) -> Response:
    sql = (
        "SELECT * FROM journeys WHERE id IN "
        "(SELECT journey_id FROM interactions WHERE contact_id = ?) ORDER BY id"
    )
    return campaigns(sandbox(request), sql, (_contact_id(request),))


async def list_contact_communications(request: Request) -> Response:
    sb = sandbox(request)
    rows = _interactions(sb, _contact_id(request))
    return models_json(ContactInteraction, [interaction(sb, row) for row in rows])


async def list_contact_journey_activities(request: Request) -> Response:
    sb = sandbox(request)
    contact_id = _contact_id(request)
    journey_id = journey_row(sb, id_param(request, "journeyId", "journey"))["id"]
    rows = _interactions(sb, contact_id, "journey_id = ?", (journey_id,))
    return models_json(ContactInteraction, [interaction(sb, row) for row in rows])


def _kind(request: Request, kind: str, limit: int = -1) -> list[sqlite3.Row]:
    return _interactions(sandbox(request), _contact_id(request), "kind = ?", (kind,), limit)


async def get_contact_summary(request: Request) -> Response:
    sb = sandbox(request)
    contact_id = _contact_id(request)

    def last(kind: str) -> list[sqlite3.Row]:
        return _interactions(sb, contact_id, "kind = ?", (kind,), SUMMARY_SIZE)

    body = {
        "Emails": pick(EMAIL, last("Email")),
        "TextMessages": pick(TEXT_MESSAGE, last("SMS")),
        "LandingPages": pick(LANDING_PAGE, last("LandingPage")),
        "WebForms": pick(WEB_FORM, last("WebForm")),
        "RSVPEvents": [interaction(sb, row) for row in last("Event")],
        "Competitions": [interaction(sb, row) for row in last("Competition")],
    }
    return model_json(ContactSummary, body)


async def list_contact_emails(request: Request) -> Response:
    return models_json(ContactEmail, pick(EMAIL, _kind(request, "Email")))


async def list_contact_text_messages(request: Request) -> Response:
    return models_json(ContactTextMessage, pick(TEXT_MESSAGE, _kind(request, "SMS")))


async def list_contact_landing_pages(request: Request) -> Response:
    return models_json(ContactLandingPage, pick(LANDING_PAGE, _kind(request, "LandingPage")))


async def list_contact_web_forms(request: Request) -> Response:
    return models_json(ContactWebForm, pick(WEB_FORM, _kind(request, "WebForm")))


P = "/contacts/{contactId}"
routes = [
    Route(P, get_contact, methods=["GET"]),
    Route(P + "/journeys", list_contact_journeys, methods=["GET"]),
    Route(P + "/communications", list_contact_communications, methods=["GET"]),
    Route(P + "/journeyactivities/{journeyId}", list_contact_journey_activities, methods=["GET"]),
    Route(P + "/summary", get_contact_summary, methods=["GET"]),
    Route(P + "/emails", list_contact_emails, methods=["GET"]),
    Route(P + "/textmessages", list_contact_text_messages, methods=["GET"]),
    Route(P + "/landingpages", list_contact_landing_pages, methods=["GET"]),
    Route(P + "/webforms", list_contact_web_forms, methods=["GET"]),
]
