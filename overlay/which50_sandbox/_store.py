"""SQLite storage: the schema, the connection and its transactions.

All reads and writes happen on the event loop's thread (the import runner too, one batch at a
time; every endpoint is a coroutine, so none runs in Starlette's threadpool), so one connection
serves everything. The connection is in autocommit mode; a write of several statements (one
single-contact write with its events, devices or interactions, or one batch of an import job)
is one `transaction`, which never spans an `await`: all or nothing, and no other write can come
between its reads and its writes. Contact values are stored as one JSON text per contact;
matching (`_matching`) compares the text form of a value on both sides.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

SCHEMA = """
CREATE TABLE lists (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
-- schema fields of a contact list (owner 'list') or of a Linked Data list (owner 'ld')
CREATE TABLE fields (
    id INTEGER PRIMARY KEY, owner TEXT NOT NULL, owner_id INTEGER NOT NULL, name TEXT NOT NULL,
    default_value TEXT NOT NULL, map_type TEXT NOT NULL, position INTEGER NOT NULL
);
CREATE INDEX fields_owner ON fields (owner, owner_id);
CREATE TABLE field_values (
    id INTEGER PRIMARY KEY, field_id INTEGER NOT NULL, value TEXT NOT NULL,
    ord INTEGER NOT NULL, in_use INTEGER NOT NULL
);
-- match_key: set when a matching write created the contact, cleared when a write changes one
-- of its fields (see `_matching`); unique per list, so no interleaving creates a duplicate
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY, list_id INTEGER NOT NULL, vals TEXT NOT NULL, warnings TEXT,
    match_key TEXT
);
CREATE INDEX contacts_list ON contacts (list_id);
CREATE UNIQUE INDEX contacts_match_key ON contacts (list_id, match_key)
    WHERE match_key IS NOT NULL;
CREATE TRIGGER contacts_match_key_kept AFTER UPDATE OF vals ON contacts
WHEN NEW.match_key IS NOT NULL AND EXISTS (
    SELECT 1 FROM json_each(NEW.match_key) AS k
    WHERE CAST(json_extract(NEW.vals, k.value ->> 0) AS TEXT) IS NOT k.value ->> 1
)
BEGIN
    UPDATE contacts SET match_key = NULL WHERE id = NEW.id;
END;
CREATE TABLE devices (
    id INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL, device_id TEXT NOT NULL,
    registered TEXT NOT NULL
);
CREATE TABLE custom_events (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, contact_id INTEGER NOT NULL,
    occurred TEXT NOT NULL
);
CREATE TABLE linked_data (
    id INTEGER PRIMARY KEY, list_id INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
    is_public INTEGER NOT NULL
);
CREATE TABLE ld_records (id INTEGER PRIMARY KEY, ld_id INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE journeys (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, account_id INTEGER NOT NULL,
    list_id INTEGER NOT NULL, start_date TEXT, end_date TEXT, comment TEXT NOT NULL,
    status TEXT NOT NULL, show_in_portal INTEGER NOT NULL, tags TEXT NOT NULL
);
-- the emails, text messages, landing pages and web forms of a journey
-- kind: 'Email', 'SMS', 'LandingPage', 'WebForm', 'Event', 'Competition'
CREATE TABLE items (
    kind TEXT NOT NULL, id INTEGER NOT NULL, journey_id INTEGER NOT NULL, name TEXT NOT NULL,
    landing_page_id INTEGER, PRIMARY KEY (kind, id)
);
CREATE TABLE targets (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, notes TEXT NOT NULL, list_id INTEGER NOT NULL,
    filter_field TEXT
);
CREATE TABLE activities (
    id INTEGER PRIMARY KEY, journey_id INTEGER NOT NULL, name TEXT NOT NULL,
    created TEXT NOT NULL, target_at_runtime INTEGER NOT NULL, target_id INTEGER NOT NULL,
    kind TEXT NOT NULL, item_id INTEGER NOT NULL
);
CREATE TABLE interactions (
    id INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL, journey_id INTEGER NOT NULL,
    activity_id INTEGER, kind TEXT NOT NULL, item_id INTEGER NOT NULL, name TEXT NOT NULL,
    occurred TEXT NOT NULL, status TEXT NOT NULL, delivered INTEGER NOT NULL DEFAULT 0,
    opened INTEGER NOT NULL DEFAULT 0, read INTEGER NOT NULL DEFAULT 0,
    link INTEGER NOT NULL DEFAULT 0, submission INTEGER NOT NULL DEFAULT 0,
    landing_page_id INTEGER
);
CREATE INDEX interactions_contact ON interactions (contact_id);
CREATE INDEX interactions_item ON interactions (journey_id, kind, item_id);
-- import_jobs.total counts the records received (ProgressPercent's base), not TotalContacts
-- (inserted + updated); dropped stays 0: no import deletes a contact
CREATE TABLE import_jobs (
    id INTEGER PRIMARY KEY, list_id INTEGER NOT NULL, field_names TEXT NOT NULL,
    status TEXT NOT NULL, progress INTEGER NOT NULL DEFAULT 0, start_date TEXT,
    finish_date TEXT, inserted INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL DEFAULT 0,
    dropped INTEGER NOT NULL DEFAULT 0, not_updated INTEGER NOT NULL DEFAULT 0,
    invalid_email INTEGER NOT NULL DEFAULT 0, invalid_sms INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0, processed INTEGER NOT NULL DEFAULT 0,
    match TEXT NOT NULL DEFAULT '[]', custom_events TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY, job_id INTEGER NOT NULL, count INTEGER NOT NULL, body BLOB NOT NULL
);
CREATE INDEX import_batches_job ON import_batches (job_id, id);
-- what the dataset was built with: 'seed' (which also keys every EncContactId); and the
-- account's webhook keys, 'webhook_salt_key' and 'webhook_api_key'
CREATE TABLE sandbox (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE webhook_subscriptions (
    id INTEGER PRIMARY KEY, event_name TEXT NOT NULL, url TEXT NOT NULL,
    is_active INTEGER NOT NULL, created TEXT NOT NULL
);
-- events waiting for delivery, one per active subscription, queued by the trigger
-- `contacts_created_webhook`, which exists while a subscription is active (see `_webhooks`)
CREATE TABLE webhook_outbox (
    id INTEGER PRIMARY KEY, subscription_id INTEGER NOT NULL, contact_id INTEGER NOT NULL,
    occurred TEXT NOT NULL
);
"""
#: `PRAGMA application_id` of a sandbox database ("W50S"): how a file is known to be one.
APPLICATION_ID = 0x57353053
#: `PRAGMA user_version`: the version of `SCHEMA` (a reopened database must have this one).
SCHEMA_VERSION = 2

#: The largest id SQLite stores; a bigger id in a path or body is simply not found.
MAX_ID = 2**63 - 1


class StoreError(ValueError):
    """A database file the sandbox cannot use (not a sandbox database, or another version)."""


def connect(path: str) -> sqlite3.Connection:
    """A connection to a sandbox database, tuned for speed over durability (it is a sandbox).

    `:memory:`, a new file or an empty database gets the schema. An existing sandbox database
    (`APPLICATION_ID`, `SCHEMA_VERSION`) is reopened as it is. Anything else is a StoreError:
    the sandbox never writes to a file that is not its own. With WAL and `synchronous=OFF`, a
    committed write survives the process stopping or being killed, not a power cut.
    """
    try:
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the database {path}: {exc}") from None
    try:
        _check(conn, path)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA cache_size=-65536")
        if conn.execute("PRAGMA application_id").fetchone()[0] == 0:
            conn.executescript(
                f"BEGIN IMMEDIATE; {SCHEMA}; PRAGMA application_id = {APPLICATION_ID}; "
                f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
            )
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"cannot use the database {path}: {exc}") from None
    except StoreError:
        conn.close()
        raise
    return conn


def _check(conn: sqlite3.Connection, path: str) -> None:
    """StoreError unless the database is empty or a sandbox database of this version."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        objects = conn.execute("SELECT COUNT(*) FROM sqlite_schema").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a which50 sandbox database ({exc})") from None
    if app_id == 0 and objects == 0:
        return
    if app_id != APPLICATION_ID:
        raise StoreError(f"{path} is not a which50 sandbox database")
    if version != SCHEMA_VERSION:
        raise StoreError(
            f"{path} is a sandbox database of schema version {version}; "
            f"this sandbox reads version {SCHEMA_VERSION}"
        )


def stored_seed(conn: sqlite3.Connection) -> int | None:
    """The seed the database's dataset was built with; None until it is seeded."""
    row = conn.execute("SELECT value FROM sandbox WHERE key = 'seed'").fetchone()
    return None if row is None else int(row[0])


def record_seed(conn: sqlite3.Connection, seed: int) -> None:
    conn.execute("INSERT INTO sandbox (key, value) VALUES ('seed', ?)", (str(seed),))


_ENCODER = json.JSONEncoder(separators=(",", ":"))


def dumps(value: Any) -> str:
    """JSON text as stored: compact, ASCII-only (so no text can trip SQLite's UTF-8)."""
    return _ENCODER.encode(value)


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction (`BEGIN IMMEDIATE`: the write lock is taken before the first read).

    Inside another, it joins it. Never `await` inside: other requests would join it too.
    """
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def json_path(field_name: str) -> str:
    """The json_extract path of a top-level member.

    Stored JSON is ASCII-only (`dumps`), and SQLite compares a path's quoted label with the
    member's name as written, escapes and all, so the label is escaped the same way.
    """
    return "$." + json.dumps(field_name)


def sql_literal(text: str) -> str:
    """`text` as an SQL string literal (for the few places a parameter cannot go)."""
    return "'" + text.replace("'", "''") + "'"


def insert_many(conn: sqlite3.Connection, table: str, rows: Iterable[Mapping[str, Any]]) -> None:
    """Insert dict rows that all have the same keys (in one executemany)."""
    rows = list(rows)
    if not rows:
        return
    columns = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    conn.executemany(sql, [tuple(row[c] for c in columns) for row in rows])


def next_id(conn: sqlite3.Connection, table: str, floor: int) -> int:
    """The next free id of `table`, at least `floor`."""
    row = conn.execute(f"SELECT MAX(id) FROM {table}").fetchone()
    return max(floor, (row[0] or 0) + 1)
