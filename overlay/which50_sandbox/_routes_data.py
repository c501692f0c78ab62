"""Import jobs (#19-#22) and Linked Data (#23-#27)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from which50_models import ImportJob, ImportJobCreateRequest, LinkedData, LinkedDataRecord

from ._http import (
    ApiError,
    found,
    id_param,
    model_body,
    model_json,
    models_json,
    query_list,
)
from ._imports import render_job
from ._routes_lists import fields_response, list_row
from ._state import Sandbox, sandbox


def _job_ids(request: Request) -> tuple[int, int]:
    return (
        id_param(request, "contactListId", "contact list"),
        id_param(request, "importJobId", "import job"),
    )


async def create_import_job(request: Request) -> Response:
    sb = sandbox(request)
    list_id = id_param(request, "contactListId", "contact list")
    body = await model_body(request, ImportJobCreateRequest)
    job_id = sb.importer.create(list_id, body.field_names)
    return model_json(ImportJob, render_job(sb.importer.job(list_id, job_id)))


async def get_import_job(request: Request) -> Response:
    sb = sandbox(request)
    return model_json(ImportJob, render_job(sb.importer.poll(*_job_ids(request))))


async def add_import_job_contacts(request: Request) -> Response:
    sb = sandbox(request)
    list_id, job_id = _job_ids(request)
    sb.importer.add_batch(list_id, job_id, await request.body())
    return model_json(ImportJob, render_job(sb.importer.job(list_id, job_id)))


async def run_import_job(request: Request) -> Response:
    sb = sandbox(request)
    list_id, job_id = _job_ids(request)
    match, events = query_list(request, "match"), query_list(request, "customevents")
    sb.importer.start(list_id, job_id, match, events)
    return model_json(ImportJob, render_job(sb.importer.job(list_id, job_id)))


# ---------------------------------------------------------------------------- Linked Data
def _list_id(request: Request) -> int:
    """The list id; the records route types it as a string, so parse it the same way."""
    return id_param(request, "contactListId", "contact list")


def linked_data_row(sb: Sandbox, request: Request) -> sqlite3.Row:
    list_id = _list_id(request)
    ld_id = id_param(request, "linkedDataId", "Linked Data")
    sql = "SELECT * FROM linked_data WHERE id = ? AND list_id = ?"
    return found(sb.conn.execute(sql, (ld_id, list_id)).fetchone(), "Linked Data")


def render_linked_data(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "Id": row["id"],
        "ContactListId": row["list_id"],
        "Name": row["name"],
        "Type": row["type"],
        "IsPublic": bool(row["is_public"]),
    }


async def list_linked_data(request: Request) -> Response:
    sb = sandbox(request)
    list_id = list_row(sb, _list_id(request))["id"]
    rows = sb.conn.execute(
        "SELECT * FROM linked_data WHERE list_id = ? ORDER BY id", (list_id,)
    ).fetchall()
    return models_json(LinkedData, [render_linked_data(row) for row in rows])


async def get_linked_data(request: Request) -> Response:
    return model_json(LinkedData, render_linked_data(linked_data_row(sandbox(request), request)))


async def list_linked_data_fields(request: Request) -> Response:
    sb = sandbox(request)
    return fields_response(sb, "ld", linked_data_row(sb, request)["id"], None)


async def get_linked_data_field(request: Request) -> Response:
    sb = sandbox(request)
    ld_id = linked_data_row(sb, request)["id"]
    return fields_response(sb, "ld", ld_id, id_param(request, "fieldId", "field"))


async def list_linked_data_records(request: Request) -> Response:
    """The records, limited to the fields named in the mandatory `$select` (400 without)."""
    sb = sandbox(request)
    selected = query_list(request, "$select")
    if not selected:
        raise ApiError(400, "A $select clause is required.")
    ld = linked_data_row(sb, request)
    known = {
        row[0]
        for row in sb.conn.execute(
            "SELECT name FROM fields WHERE owner = 'ld' AND owner_id = ?", (ld["id"],)
        )
    }
    unknown = [name for name in selected if name not in known]
    if unknown:
        raise ApiError(
            400,
            "The request is invalid.",
            f"'{unknown[0]}' is not a field of Linked Data {ld['id']}.",
        )
    records = [
        {name: data[name] for name in selected if name in data}
        for data in (
            json.loads(row[0])
            for row in sb.conn.execute(
                "SELECT data FROM ld_records WHERE ld_id = ? ORDER BY id", (ld["id"],)
            )
        )
    ]
    return models_json(LinkedDataRecord, records)


L = "/contactLists/{contactListId}"
routes = [
    Route(L + "/import", create_import_job, methods=["POST"]),
    Route(L + "/import/{importJobId}", get_import_job, methods=["GET"]),
    Route(L + "/import/{importJobId}", add_import_job_contacts, methods=["POST"]),
    Route(L + "/import/{importJobId}/run", run_import_job, methods=["POST"]),
    Route(L + "/linkeddata", list_linked_data, methods=["GET"]),
    Route(L + "/linkeddata/{linkedDataId}", get_linked_data, methods=["GET"]),
    Route(L + "/linkeddata/{linkedDataId}/fields", list_linked_data_fields, methods=["GET"]),
    Route(
        L + "/linkeddata/{linkedDataId}/fields/{fieldId}", get_linked_data_field, methods=["GET"]
    ),
    Route(L + "/linkeddata/{linkedDataId}/records", list_linked_data_records, methods=["GET"]),
]
