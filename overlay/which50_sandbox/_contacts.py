"""Contacts: list schemas, value checks, match semantics, upserts and rendering.

Match semantics, shared by every writing operation:

- `match` names schema fields of the list. An unknown name is a 400.
- POST and PUT (`upsert`): each matched field must be in the written `Values`; every contact of
  the list whose matched fields equal those values is updated with the other values. When none
  matches (or `match` is empty), a contact is created.
- PATCH (`update_matching`): the values come from the query (`?match=Email&Email=...`); every
  contact that matches is updated; none is created.

Values are compared in their text form on both sides, so `123456` matches `"123456"`; a null
value matches nothing. Every lookup reads the store at write time, and a contact created by a
matching write records its match key, which the store keeps unique (`_matching`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from which50_models import Contact, ContactInput

from . import _matching
from ._http import (
    ApiError,
    bad_request,
    found,
    models_json_pages,
    not_found,
    query_list,
)
from ._state import Sandbox
from ._store import dumps

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MOBILE = re.compile(r"^\+?[0-9]{9,15}$")
_MOBILE_PUNCTUATION = re.compile(r"[ ()-]")


@dataclass(frozen=True)
class ListSchema:
    """The schema fields of one contact list: map type and, for pick lists, the choices."""

    list_id: int
    map_types: dict[str, str]
    choices: dict[str, frozenset[str]]

    def check_names(self, names: Iterable[str], what: str) -> None:
        for name in names:
            if name not in self.map_types:
                raise bad_request(f"{what} '{name}' is not a field of contact list {self.list_id}.")

    def clean(self, values: Mapping[str, Any], *, strict: bool) -> tuple[dict[str, Any], list[str]]:
        """The values of known fields, and warnings for the rest.

        Unknown fields are dropped with a warning; malformed emails and mobile numbers are kept
        with a warning; a value outside a pick list is a 400 when `strict`, else a warning.
        """
        kept: dict[str, Any] = {}
        warnings: list[str] = []
        for name, value in values.items():
            map_type = self.map_types.get(name)
            if map_type is None:
                warnings.append(f"Field '{name}' is not in the list's schema and was ignored.")
                continue
            kept[name] = value
            warning = value_warning(name, map_type, value)
            if warning:
                warnings.append(warning)
            allowed = self.choices.get(name)
            if allowed is not None and value is not None and str(value) not in allowed:
                if strict:
                    raise bad_request(f"Field '{name}' has no value '{value}'.")
                warnings.append(f"Field '{name}' has no value '{value}'.")
        return kept, warnings


def value_warning(name: str, map_type: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    if map_type == "Email" and not (isinstance(value, str) and EMAIL.match(value)):
        return f"Email '{value}' is not a valid email address"
    if map_type == "Mobile" and not (
        isinstance(value, str) and MOBILE.match(_MOBILE_PUNCTUATION.sub("", value))
    ):
        return f"Mobile '{value}' is not a valid mobile number"
    return None


def list_schema(conn: sqlite3.Connection, list_id: int) -> ListSchema:
    """The list's schema, or 404 when the list does not exist."""
    if conn.execute("SELECT 1 FROM lists WHERE id = ?", (list_id,)).fetchone() is None:
        raise not_found("contact list")
    map_types: dict[str, str] = {}
    choices: dict[str, frozenset[str]] = {}
    rows = conn.execute(
        "SELECT id, name, map_type FROM fields WHERE owner = 'list' AND owner_id = ?", (list_id,)
    ).fetchall()
    for row in rows:
        map_types[row["name"]] = row["map_type"]
        if row["map_type"] == "PickList":
            values = conn.execute(
                "SELECT value FROM field_values WHERE field_id = ?", (row["id"],)
            ).fetchall()
            choices[row["name"]] = frozenset(v["value"] for v in values)
    return ListSchema(list_id, map_types, choices)


def insert_contact(
    conn: sqlite3.Connection,
    list_id: int,
    values: dict[str, Any],
    warnings: list[str],
    match_key: str | None = None,
) -> int:
    cursor = conn.execute(
        "INSERT INTO contacts (list_id, vals, warnings, match_key) VALUES (?, ?, ?, ?)",
        (list_id, dumps(values), dumps(warnings) if warnings else None, match_key),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def update_contact(
    conn: sqlite3.Connection, contact_id: int, values: Mapping[str, Any], warnings: list[str]
) -> None:
    row = conn.execute("SELECT vals FROM contacts WHERE id = ?", (contact_id,)).fetchone()
    merged = {**json.loads(row["vals"]), **values}
    conn.execute(
        "UPDATE contacts SET vals = ?, warnings = ? WHERE id = ?",
        (dumps(merged), dumps(warnings) if warnings else None, contact_id),
    )


def upsert(
    sb: Sandbox,
    list_id: int,
    values: Mapping[str, Any] | None,
    match: Sequence[str],
    *,
    enc_contact_id: str | None = None,
) -> list[int]:
    """POST/PUT semantics: update the matching contacts, or create one. Their ids.

    Call it inside a `transaction`: the lookup and the write it decides must be one.
    """
    schema = list_schema(sb.conn, list_id)
    values = values or {}
    schema.check_names(match, "Match field")
    for name in match:
        if name not in values:
            raise bad_request(f"Match field '{name}' has no value in the contact's Values.")
    kept, warnings = schema.clean(values, strict=True)
    key: str | None = None
    if enc_contact_id:
        own = sb.ids.decode(enc_contact_id)
        row = sb.conn.execute("SELECT list_id FROM contacts WHERE id = ?", (own,)).fetchone()
        if row is None or row["list_id"] != list_id:
            raise not_found("contact")
        ids = [own] if own is not None else []
    elif match:
        ids, key = _matching.find(sb.conn, list_id, [(name, values[name]) for name in match])
    else:
        ids = []
    if not ids:
        return [insert_contact(sb.conn, list_id, kept, warnings, key)]
    for contact_id in ids:
        update_contact(sb.conn, contact_id, kept, warnings)
    return ids


def update_matching(
    sb: Sandbox,
    list_id: int,
    values: Mapping[str, Any] | None,
    match: Sequence[str],
    query: Mapping[str, str],
) -> list[int]:
    """PATCH semantics: update every contact matched by the query's values. Their ids."""
    schema = list_schema(sb.conn, list_id)
    if not match:
        raise bad_request("PATCH needs `match` and a query value for each matched field.")
    schema.check_names(match, "Match field")
    pairs: list[tuple[str, Any]] = []
    for name in match:
        if name not in query:
            raise bad_request(f"Match field '{name}' has no value in the query string.")
        pairs.append((name, query[name]))
    kept, warnings = schema.clean(values or {}, strict=True)
    ids, _ = _matching.find(sb.conn, list_id, pairs)
    for contact_id in ids:
        update_contact(sb.conn, contact_id, kept, warnings)
    return ids


def upsert_from_request(
    sb: Sandbox, request: Request, list_id: int, contact: ContactInput | None
) -> list[int]:
    """Upsert a body's contact with the query's `match`, then record its `customevents`."""
    contact = contact or ContactInput()
    ids = upsert(
        sb,
        list_id,
        contact.values,
        query_list(request, "match"),
        enc_contact_id=contact.enc_contact_id,
    )
    record_custom_events(sb, query_list(request, "customevents"), ids)
    return ids


def record_custom_events(sb: Sandbox, names: Sequence[str], contact_ids: Sequence[int]) -> None:
    now = sb.clock.iso()
    sb.conn.executemany(
        "INSERT INTO custom_events (name, contact_id, occurred) VALUES (?, ?, ?)",
        [(name, contact_id, now) for name in names for contact_id in contact_ids],
    )


def contact_row(sb: Sandbox, contact_id: int | None) -> sqlite3.Row:
    """The stored contact, or 404."""
    sql = "SELECT * FROM contacts WHERE id = ?"
    row = None if contact_id is None else sb.conn.execute(sql, (contact_id,)).fetchone()
    return found(row, "contact")


def contact_from_token(sb: Sandbox, token: str) -> sqlite3.Row:
    return contact_row(sb, sb.ids.decode(token))


def render(sb: Sandbox, row: sqlite3.Row) -> dict[str, Any]:
    """A stored contact as the `Contact` DTO (by alias)."""
    return {
        "ValidationWarnings": json.loads(row["warnings"]) if row["warnings"] else [],
        "EncContactId": sb.ids.encode(row["id"]),
        "ListId": row["list_id"],
        "Values": json.loads(row["vals"]),
    }


def render_ids(sb: Sandbox, ids: Sequence[int]) -> list[dict[str, Any]]:
    return [render(sb, contact_row(sb, contact_id)) for contact_id in ids]


PAGE_ROWS = 2000
"""Contacts read and sent at a time by `contacts_response`."""


def contacts_response(sb: Sandbox, where: str, params: Sequence[Any]) -> Response:
    """The contacts that ``where`` selects, in id order, as a bare JSON array.

    Read a page at a time (`models_json_pages`: an answer longer than a page streams): each
    page is its own query, after the last id sent, so no cursor stays open between pages while
    other requests write. A page is the stored JSON of its contacts put together as text: what
    `render` gives, without parsing each contact in Python."""
    sql = (
        "SELECT id, list_id, vals, warnings FROM contacts "
        f"WHERE ({where}) AND id > ? ORDER BY id LIMIT {PAGE_ROWS}"
    )
    encode = sb.ids.encode

    def pages() -> Iterator[bytes]:
        last = -1
        while True:
            rows = sb.conn.execute(sql, (*params, last)).fetchall()
            if not rows:
                return
            yield (
                "["
                + ",".join(
                    f'{{"ValidationWarnings":{warnings or "[]"},"EncContactId":"{encode(cid)}",'
                    f'"ListId":{list_id},"Values":{vals}}}'
                    for cid, list_id, vals, warnings in rows
                )
                + "]"
            ).encode()
            if len(rows) < PAGE_ROWS:
                return
            last = rows[-1][0]

    return models_json_pages(Contact, pages())


def require(condition: bool, error: ApiError) -> None:
    if not condition:
        raise error
