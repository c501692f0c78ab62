"""Every operation of the spec is reachable through a `which50` method, sync and async.

Each call below goes to a mock that answers with the spec's own example for the operation it
recognises by method and route, so the test also proves that each example parses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import HTTP_METHODS, load_spec
from tests.contract._spec import resolve

from .conftest import BASE, Harness

SPEC = load_spec()
VALUES = {"Email": "aoife.byrne@example.ie"}

# One call per operation; the journeys' state variants are the same methods with `state=`.
CALLS: list[Callable[[Any], Any]] = [
    lambda c: c.contacts.get("Q2w5"),
    lambda c: c.contacts.summary("Q2w5"),
    lambda c: c.contacts.list_journeys("Q2w5"),
    lambda c: c.contacts.list_communications("Q2w5"),
    lambda c: c.contacts.list_journey_activities("Q2w5", 377),
    lambda c: c.contacts.list_emails("Q2w5"),
    lambda c: c.contacts.list_text_messages("Q2w5"),
    lambda c: c.contacts.list_landing_pages("Q2w5"),
    lambda c: c.contacts.list_web_forms("Q2w5"),
    lambda c: c.contact_lists.list(),
    lambda c: c.contact_lists.get(1042),
    lambda c: c.contact_lists.list_contacts(1042),
    lambda c: c.contact_lists.list_journeys(1042),
    lambda c: c.contact_lists.upsert(1042, VALUES, match=["Email"], custom_events=["Welcome"]),
    lambda c: c.contact_lists.update_matching(1042, {"Email": "a@b.c"}, {"City": "Galway"}),
    lambda c: c.contact_lists.submit_form(1042, {"Email": "a@b.c"}),
    lambda c: c.contact_lists.register_device(1042, "fcm:1", VALUES),
    lambda c: c.contact_lists.server_time(),
    lambda c: c.contact_lists.fields.list(1042),
    lambda c: c.contact_lists.fields.get(1042, 7),
    lambda c: c.contact_lists.linked_data.list(1042),
    lambda c: c.contact_lists.linked_data.get(1042, 31),
    lambda c: c.contact_lists.linked_data.list_fields(1042, 31),
    lambda c: c.contact_lists.linked_data.get_field(1042, 31, 7),
    lambda c: c.contact_lists.linked_data.list_records(1042, 31, select=["OrderId", "Total"]),
    lambda c: c.contact_lists.imports.create(1042, ["Email"]),
    lambda c: c.contact_lists.imports.get(1042, 58211),
    lambda c: c.contact_lists.imports.add_contacts(1042, 58211, [VALUES]),
    lambda c: c.contact_lists.imports.run(1042, 58211, match=["Email"]),
    lambda c: c.files.read("imports/a.csv"),
    lambda c: c.files.delete("imports/a.csv"),
    lambda c: c.journeys.list(),
    lambda c: c.journeys.get(377),
    lambda c: c.journeys.list_contacts(377),
    lambda c: c.journeys.generate_landing_page_pdf(377, 2301, VALUES),
    lambda c: c.journeys.activities.list(377),
    lambda c: c.journeys.activities.get(377, 15502),
    lambda c: c.journeys.activities.list_contacts(377, 15502),
    lambda c: c.journeys.reports.get(377),
    lambda c: c.journeys.reports.emails(377),
    lambda c: c.journeys.reports.text_messages(377),
    lambda c: c.journeys.reports.landing_pages(377),
    lambda c: c.journeys.reports.email_contacts(377, 9120),
    lambda c: c.journeys.reports.email_contacts(377, 9120, state="Opened"),
    lambda c: c.journeys.reports.text_message_contacts(377, 4410),
    lambda c: c.journeys.reports.text_message_contacts(377, 4410, state="Delivered"),
    lambda c: c.journeys.reports.landing_page_contacts(377, 2301),
    lambda c: c.journeys.reports.landing_page_contacts(377, 2301, state="WebformSubmits"),
    lambda c: c.journeys.sends.send_email(9120, 1042, VALUES),
    lambda c: c.journeys.sends.upsert_and_send_email(9120, 1042, VALUES, match=["Email"]),
    lambda c: c.journeys.sends.update_matching_and_send_email(9120, 1042, {"Email": "a"}, VALUES),
    lambda c: c.journeys.sends.send_text_message(4410, 1042, VALUES),
    lambda c: c.journeys.sends.upsert_and_send_text_message(4410, 1042, VALUES, match=["Email"]),
    lambda c: c.journeys.sends.update_matching_and_send_text_message(
        4410, 1042, {"Email": "a"}, VALUES
    ),
]


def _route(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(path)) + "$")


# Literal segments win over parameters (`/contactLists/serverTime` is not a list id).
ROUTES = [
    (method.upper(), _route(path), op)
    for path, item in sorted(SPEC["paths"].items(), key=lambda pair: pair[0].count("{"))
    for method, op in item.items()
    if method in HTTP_METHODS
]


def _example(op: dict[str, Any]) -> httpx.Response:
    status, response = next((s, r) for s, r in op["responses"].items() if s.startswith("2"))
    content = resolve(SPEC, response).get("content", {})
    media, body = next(iter(content.items()))
    example = resolve(SPEC, next(iter(body["examples"].values())))["value"]
    if media == "application/json":
        return httpx.Response(
            int(status), content=json.dumps(example).encode(), headers={"Content-Type": media}
        )
    return httpx.Response(
        int(status), content=str(example).encode(), headers={"Content-Type": media}
    )


def _answer(hit: list[str]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix(httpx.URL(BASE).path)
        for method, pattern, op in ROUTES:
            if method == request.method and pattern.match(path):
                hit.append(op["operationId"])
                return _example(op)
        raise AssertionError(f"no operation serves {request.method} {path}")

    return handler


@pytest.mark.parametrize("call", CALLS, ids=[f"call{n}" for n in range(len(CALLS))])
def test_each_call_parses_its_example(harness: Harness, call: Callable[[Any], Any]) -> None:
    hit: list[str] = []
    result = harness.call(_answer(hit), call)
    assert len(hit) == 1
    assert result is not None or hit[0] in {"deleteFile"}


def test_the_calls_cover_every_operation_of_the_spec(harness: Harness, tmp_path: Path) -> None:
    hit: list[str] = []
    for call in CALLS:
        harness.call(_answer(hit), call)
    upload = tmp_path / "a.csv"
    upload.write_text("Email\na@b.c\n")
    harness.call(_answer(hit), lambda c: c.files.upload(upload, sub_folder="imports"))
    inbox = tmp_path / "inbox"  # not beside a.csv: a server-named download replaces nothing
    inbox.mkdir()
    harness.call(_answer(hit), lambda c: c.files.download("imports/a.csv", inbox))
    spec_ids = {op["operationId"] for _, _, op in ROUTES}
    assert set(hit) == spec_ids
    assert len(spec_ids) == len(ROUTES)  # one operationId per operation of the spec
