"""Journeys, their activities and targets, their channel reports, and generatePDF."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from which50_models import (
    Campaign,
    CampaignActivity,
    ContactInput,
    EmailReport,
    JourneyChannelReports,
    LandingPageReport,
    TextMessageReport,
)

from . import _contacts
from ._http import ApiError, found, id_param, model_body, model_json, models_json, not_found
from ._pdf import landing_page_pdf
from ._state import Sandbox, sandbox
from ._store import json_path, transaction

# The contacts behind each documented report state: a SQL condition on `interactions`.
EMAIL_STATES = {
    "Sent": "1",
    "Delivered": "delivered > 0",
    "Read": "read > 0",
    "Opened": "opened > 0",
    "Clicked": "link > 0",
    "Bounced": "status IN ('SoftBounced', 'HardBounced')",
    "SoftBounced": "status = 'SoftBounced'",
    "HardBounced": "status = 'HardBounced'",
}
TEXT_STATES = {"Sent": "1", "Delivered": "delivered > 0", "Failed": "status = 'Failed'"}
LANDING_PAGE_STATES = {
    "TotalVisits": "1",
    "KnownVisits": "1",
    "TotalClicks": "link > 0",
    "KnownClicks": "link > 0",
    "TotalSubmits": "submission > 0",
    "WebformSubmits": "submission > 0",
    "LinkDetails": "link > 0",
}


def journey_row(sb: Sandbox, journey_id: int) -> sqlite3.Row:
    row = sb.conn.execute("SELECT * FROM journeys WHERE id = ?", (journey_id,)).fetchone()
    return found(row, "journey")


def render_campaign(sb: Sandbox, row: sqlite3.Row) -> dict[str, Any]:
    reach, interactions, unsubscribes = sb.conn.execute(
        "SELECT COUNT(DISTINCT contact_id), COUNT(*), "
        "COUNT(CASE WHEN status = 'Unsubscribed' THEN 1 END) FROM interactions "
        "WHERE journey_id = ?",
        (row["id"],),
    ).fetchone()
    items: dict[str, dict[str, str]] = {"Email": {}, "SMS": {}, "LandingPage": {}}
    for item in sb.conn.execute(
        "SELECT kind, id, name FROM items WHERE journey_id = ? ORDER BY kind, id", (row["id"],)
    ):
        if item["kind"] in items:
            items[item["kind"]][str(item["id"])] = item["name"]
    return {
        "Id": row["id"],
        "Name": row["name"],
        "AccountId": row["account_id"],
        "ListId": row["list_id"],
        "StartDate": row["start_date"],
        "EndDate": row["end_date"],
        "CmLink": f"https://app.which50.com/journeys/{row['id']}",
        "Comment": row["comment"],
        "Status": row["status"],
        "Reach": reach,
        "Interactions": interactions,
        "Unsubscribes": unsubscribes,
        "ShowInAgentPortal": bool(row["show_in_portal"]),
        "Tags": json.loads(row["tags"]),
        "Emails": items["Email"],
        "LandingPages": items["LandingPage"],
        "TextMessages": items["SMS"],
        "EDocuments": {},
        "Channels": ",".join(k for k in ("Email", "SMS", "LandingPage") if items[k]),
    }


def campaigns(sb: Sandbox, sql: str, params: tuple[Any, ...]) -> Response:
    rows = sb.conn.execute(sql, params).fetchall()
    return models_json(Campaign, [render_campaign(sb, row) for row in rows])


async def list_journeys(request: Request) -> Response:
    return campaigns(sandbox(request), "SELECT * FROM journeys ORDER BY id", ())


async def get_journey(request: Request) -> Response:
    sb = sandbox(request)
    row = journey_row(sb, id_param(request, "journeyId", "journey"))
    return model_json(Campaign, render_campaign(sb, row))


async def list_journey_contacts(request: Request) -> Response:
    sb = sandbox(request)
    journey_id = journey_row(sb, id_param(request, "journeyId", "journey"))["id"]
    where = "id IN (SELECT contact_id FROM interactions WHERE journey_id = ?)"
    return _contacts.contacts_response(sb, where, (journey_id,))


def render_activity(sb: Sandbox, row: sqlite3.Row) -> dict[str, Any]:
    target = sb.conn.execute("SELECT * FROM targets WHERE id = ?", (row["target_id"],)).fetchone()
    condition, params = "", [target["list_id"]]
    if target["filter_field"]:
        condition = (
            " AND json_extract(vals, ?) IS NOT NULL AND json_extract(vals, ?) NOT IN (0, '')"
        )
        params += [json_path(target["filter_field"])] * 2
    email, mobile = json_path("Email"), json_path("Mobile")
    counts = sb.conn.execute(
        "SELECT COUNT(*), COUNT(json_extract(vals, ?)), COUNT(DISTINCT json_extract(vals, ?)), "
        "COUNT(json_extract(vals, ?)), COUNT(DISTINCT json_extract(vals, ?)) "
        f"FROM contacts WHERE list_id = ?{condition}",
        [email, email, mobile, mobile, *params],
    ).fetchone()
    return {
        "Id": row["id"],
        "Name": row["name"],
        "CampaignId": row["journey_id"],
        "CreatedDate": row["created"],
        "TargetAtRuntime": bool(row["target_at_runtime"]),
        "Target": {
            "Id": target["id"],
            "Name": target["name"],
            "Notes": target["notes"],
            "ContactListId": target["list_id"],
            "ContactsCount": counts[0],
            "ContactsCountEmail": counts[2],
            "ContactsCountSms": counts[4],
            "ContactsCountEmailWithDuplicates": counts[1],
            "ContactsCountSmsWithDuplicates": counts[3],
        },
    }


def activity_row(request: Request) -> sqlite3.Row:
    sb = sandbox(request)
    journey_id = id_param(request, "journeyId", "journey")
    activity_id = id_param(request, "activityId", "activity")
    sql = "SELECT * FROM activities WHERE id = ? AND journey_id = ?"
    return found(sb.conn.execute(sql, (activity_id, journey_id)).fetchone(), "journey activity")


async def list_journey_activities(request: Request) -> Response:
    sb = sandbox(request)
    journey_id = journey_row(sb, id_param(request, "journeyId", "journey"))["id"]
    rows = sb.conn.execute(
        "SELECT * FROM activities WHERE journey_id = ? ORDER BY id", (journey_id,)
    ).fetchall()
    return models_json(CampaignActivity, [render_activity(sb, row) for row in rows])


async def get_journey_activity(request: Request) -> Response:
    return model_json(CampaignActivity, render_activity(sandbox(request), activity_row(request)))


async def list_journey_activity_contacts(request: Request) -> Response:
    sb = sandbox(request)
    activity_id = activity_row(request)["id"]
    where = "id IN (SELECT contact_id FROM interactions WHERE activity_id = ?)"
    return _contacts.contacts_response(sb, where, (activity_id,))


# ---------------------------------------------------------------------------- reports
def _count(condition: str, distinct: bool = False) -> str:
    what = "DISTINCT contact_id" if distinct else "*"
    return f"COUNT({what}) FILTER (WHERE {condition})"


def email_reports(sb: Sandbox, journey_id: int) -> list[dict[str, Any]]:
    """Contacts in each email state (the spec's reading), as the by-state listings list them:
    a contact sent the same email twice counts once."""
    states = [(s, _count(EMAIL_STATES[s], distinct=True)) for s in EMAIL_STATES]
    return _reports(sb, journey_id, "Email", states)


def text_reports(sb: Sandbox, journey_id: int) -> list[dict[str, Any]]:
    """Contacts in each text-message state, as for emails."""
    states = [(s, _count(TEXT_STATES[s], distinct=True)) for s in TEXT_STATES]
    return _reports(sb, journey_id, "SMS", states)


def landing_page_reports(sb: Sandbox, journey_id: int) -> list[dict[str, Any]]:
    """Visits, clicks and submits in total (events), and the contacts behind them (`Known*`,
    `WebformSubmits`: the contacts who submitted the page's form), as the listings list them."""
    columns = [
        ("TotalVisits", _count("1")),
        ("KnownVisits", _count("1", distinct=True)),
        ("TotalClicks", "COALESCE(SUM(link), 0)"),
        ("KnownClicks", _count("link > 0", distinct=True)),
        ("TotalSubmits", "COALESCE(SUM(submission), 0)"),
        ("WebformSubmits", _count("submission > 0", distinct=True)),
    ]
    return _reports(sb, journey_id, "LandingPage", columns)


def _reports(
    sb: Sandbox, journey_id: int, kind: str, columns: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    """One row per item of `kind` in the journey, counting its stored interactions."""
    select = ", ".join(expr for _, expr in columns)
    reports: list[dict[str, Any]] = []
    for item in sb.conn.execute(
        "SELECT id, name FROM items WHERE journey_id = ? AND kind = ? ORDER BY id",
        (journey_id, kind),
    ).fetchall():
        counts = sb.conn.execute(
            f"SELECT {select} FROM interactions WHERE journey_id = ? AND kind = ? AND item_id = ?",
            (journey_id, kind, item["id"]),
        ).fetchone()
        row: dict[str, Any] = {"Id": item["id"], "Name": item["name"]}
        row |= {name: counts[i] for i, (name, _) in enumerate(columns)}
        reports.append(row)
    return reports


async def get_journey_reports(request: Request) -> Response:
    sb = sandbox(request)
    journey_id = journey_row(sb, id_param(request, "journeyId", "journey"))["id"]
    body = {
        "Emails": email_reports(sb, journey_id),
        "TextMessages": text_reports(sb, journey_id),
        "LandingPages": landing_page_reports(sb, journey_id),
    }
    return model_json(JourneyChannelReports, body)


async def get_journey_email_report(request: Request) -> Response:
    sb = sandbox(request)
    journey_id = journey_row(sb, id_param(request, "journeyId", "journey"))["id"]
    return models_json(EmailReport, email_reports(sb, journey_id))


async def get_journey_text_message_report(request: Request) -> Response:
    sb = sandbox(request)
    journey_id = journey_row(sb, id_param(request, "journeyId", "journey"))["id"]
    return models_json(TextMessageReport, text_reports(sb, journey_id))


async def get_journey_landing_page_report(request: Request) -> Response:
    sb = sandbox(request)
    journey_id = journey_row(sb, id_param(request, "journeyId", "journey"))["id"]
    return models_json(LandingPageReport, landing_page_reports(sb, journey_id))


def _report_contacts(
    request: Request, kind: str, item_param: str, states: dict[str, str] | None
) -> Response:
    """The contacts behind one item's report, optionally at one state (400 if unknown)."""
    sb = sandbox(request)
    journey_id = journey_row(sb, id_param(request, "journeyId", "journey"))["id"]
    item_id = id_param(request, item_param, "report")
    condition = "1"
    if states is not None:
        state = request.path_params["state"]
        if state not in states:
            raise ApiError(
                400,
                f"The state '{state}' is not valid.",
                "Valid states: " + ", ".join(states) + ".",
            )
        condition = states[state]
    item = sb.conn.execute(
        "SELECT 1 FROM items WHERE journey_id = ? AND kind = ? AND id = ?",
        (journey_id, kind, item_id),
    ).fetchone()
    if item is None:
        raise not_found("report")
    where = (
        "id IN (SELECT contact_id FROM interactions WHERE "
        f"journey_id = ? AND kind = ? AND item_id = ? AND {condition})"
    )
    return _contacts.contacts_response(sb, where, (journey_id, kind, item_id))


def _report_contacts_route(
    kind: str, item_param: str, states: dict[str, str] | None
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        return _report_contacts(request, kind, item_param, states)

    return endpoint


async def generate_landing_page_pdf(request: Request) -> Response:
    sb = sandbox(request)
    journey = journey_row(sb, id_param(request, "journeyId", "journey"))
    page_id = id_param(request, "landingPageId", "landing page")
    page = sb.conn.execute(
        "SELECT name FROM items WHERE kind = 'LandingPage' AND id = ? AND journey_id = ?",
        (page_id, journey["id"]),
    ).fetchone()
    if page is None:
        raise not_found("landing page")
    contact = await model_body(request, ContactInput)
    with transaction(sb.conn):
        ids = _contacts.upsert_from_request(sb, request, journey["list_id"], contact)
    stored = _contacts.render(sb, _contacts.contact_row(sb, ids[0]))
    pdf = landing_page_pdf(page["name"], journey["name"], stored["Values"], sb.clock.iso())
    return Response(pdf, media_type="application/pdf")


P = "/journeys/{journeyId}"
# (path segment, item kind, item path parameter, states) of the report-contacts routes
REPORT_CHANNELS = [
    ("emails", "Email", "emailId", EMAIL_STATES),
    ("textmessages", "SMS", "textMessageId", TEXT_STATES),
    ("landingpages", "LandingPage", "landingPageId", LANDING_PAGE_STATES),
]
routes = [
    Route("/journeys", list_journeys, methods=["GET"]),
    Route(P, get_journey, methods=["GET"]),
    Route(P + "/contacts", list_journey_contacts, methods=["GET"]),
    Route(P + "/activities", list_journey_activities, methods=["GET"]),
    Route(P + "/activities/{activityId}", get_journey_activity, methods=["GET"]),
    Route(P + "/activities/{activityId}/contacts", list_journey_activity_contacts, methods=["GET"]),
    Route(
        P + "/landingpages/{landingPageId}/generatePDF",
        generate_landing_page_pdf,
        methods=["POST"],
    ),
    Route(P + "/reports", get_journey_reports, methods=["GET"]),
    Route(P + "/reports/emails", get_journey_email_report, methods=["GET"]),
    *[
        Route(
            f"{P}/reports/{channel}/{{{param}}}/contacts{suffix}",
            _report_contacts_route(kind, param, states if suffix else None),
            methods=["GET"],
        )
        for channel, kind, param, states in REPORT_CHANNELS
        for suffix in ("", "/{state}")
    ],
    Route(P + "/reports/textmessages", get_journey_text_message_report, methods=["GET"]),
    Route(P + "/reports/landingpages", get_journey_landing_page_report, methods=["GET"]),
]
