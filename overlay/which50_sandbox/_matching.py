"""Matching writes: fresh lookups, the indexes behind them, and the uniqueness the store keeps.

A *matching write* looks contacts up by the values of some fields (`match`) and creates a
contact only when none is found: a single POST or PUT with `match` (contacts, devices, sends,
`generatePDF`, the contact form by Email), and every record of an import job run with `match`.

**Fresh lookups.** Every lookup reads the store as it is at write time, inside the same
transaction (`_store.transaction`, `BEGIN IMMEDIATE`) as the inserts and updates it decides:
one single write, or one batch of an import job. Writes run on the event loop's thread and
never `await` inside a transaction, and the transaction holds SQLite's write lock, so no other
write (another job's batch, a single upsert, another process on the same database file) can
come between a lookup and its insert. An import job used to build an in-memory index once, when
it started, so contacts created afterwards by another job or a single upsert were invisible to
it and it inserted duplicates: two concurrent jobs over the same 100,000 emails left 120,000
to 160,000 contacts in our runs (`benchmarks/concurrent_imports.py`).

**What uniqueness the store enforces, and why not more.** The API lets a POST without `match`
create a contact whatever its values, so two contacts of a list may share an email, and a
store-wide UNIQUE (list, Email) would refuse writes the API takes. What a matching write
promises is narrower: it updates every contact that matches and creates one only when none
does. So the store guarantees that *no two contacts of a list hold the same key from the
matching writes that created them*:

- each contact a matching write creates records its key in `contacts.match_key` (the matched
  fields' paths and text forms, sorted by path, as compact JSON built by SQLite);
- a partial UNIQUE index on `(list_id, match_key)` makes a second insert with the same key fail,
  whatever the interleaving, instead of storing a duplicate;
- a trigger clears the key when a write changes one of those fields, so a key always holds of
  its contact's values (and a PATCH that moves a contact to another email frees the old one).

So a lookup that sees the store as it is never meets the index (a contact holding the key
matches, and is updated), and one that did not would fail (an import batch rolls back, and the
job is `Failed`) rather than duplicate. A contact created without `match` holds no key: it
blocks nothing, and a later matching write updates it with the rest.

**Indexes.** A lookup compares `CAST(json_extract(vals, '$."Field"') AS TEXT)`. For each field
a match names, an expression index on `(list_id, that expression)` is created the first time,
so a lookup is a B-tree search, not a scan of the list. An index is usable only when the query's
expression is the indexed one, so the path is written into the SQL as a literal
(`_store.sql_literal`; field names come from the list's schema, and are checked against it
first).

**Text forms.** Both sides are compared in the text form SQLite gives a JSON value, so `123456`
matches `"123456"` and `true` matches `1`; a null or missing value matches nothing.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ._store import dumps, json_path, sql_literal


@dataclass
class Found:
    """What a lookup found for its rows of values, by position."""

    #: the `contacts.match_key` a contact created for each row holds (the key, as compact
    #: JSON); None where a value is null (a null matches nothing, so it claims nothing)
    keys: list[str | None]
    #: the matching contacts of each row that has any, in id order
    ids: dict[int, list[int]]


def text_of(field_name: str, source: str = "vals") -> str:
    """The SQL expression of a field's text form in the JSON column `source` (indexable)."""
    return f"CAST(json_extract({source}, {sql_literal(json_path(field_name))}) AS TEXT)"


def ensure_indexes(conn: sqlite3.Connection, names: Iterable[str]) -> None:
    """The expression index of each field, created the first time it is matched on."""
    for name in names:
        digest = hashlib.sha256(name.encode()).hexdigest()[:16]
        conn.execute(
            f"CREATE INDEX IF NOT EXISTS contacts_match_{digest} "
            f"ON contacts (list_id, {text_of(name)})"
        )


def lookup(
    conn: sqlite3.Connection, list_id: int, names: Sequence[str], rows: Sequence[Sequence[Any]]
) -> Found:
    """The match key of each row of values (one value per name), and the ids of the contacts
    whose fields match it.

    One query for all the rows: they are passed as one JSON array, and each is looked up
    through the fields' indexes.
    """
    found = Found([None] * len(rows), {})
    if not rows:
        return found
    ensure_indexes(conn, names)
    given = [f"CAST(json_extract(j.value, '$[{i}]') AS TEXT)" for i in range(len(names))]
    equal = " AND ".join(
        f"{text_of(name, 'c.vals')} = {value}" for name, value in zip(names, given, strict=True)
    )
    # the match key: the (path, text) pairs sorted by path, as compact JSON; NULL if a text is
    pairs = sorted(zip([json_path(name) for name in names], given, strict=True))
    key = ", ".join(f"json_array({sql_literal(path)}, {value})" for path, value in pairs)
    no_null = " AND ".join(f"{value} IS NOT NULL" for value in given)
    sql = (
        f"SELECT j.key, CASE WHEN {no_null} THEN json_array({key}) END, c.id "
        f"FROM json_each(?) AS j LEFT JOIN contacts AS c ON c.list_id = ? AND {equal} "
        "ORDER BY j.key, c.id"
    )
    keys, ids = found.keys, found.ids
    for position, match_key, contact_id in conn.execute(sql, (dumps(rows), list_id)):
        keys[position] = match_key
        if contact_id is not None:
            ids.setdefault(position, []).append(contact_id)
    return found


def find(
    conn: sqlite3.Connection, list_id: int, pairs: Sequence[tuple[str, Any]]
) -> tuple[list[int], str | None]:
    """The ids of the contacts matching one row of values (`lookup`), and its match key."""
    found = lookup(conn, list_id, [name for name, _ in pairs], [[value for _, value in pairs]])
    return found.ids.get(0, []), found.keys[0]
