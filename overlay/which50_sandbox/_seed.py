"""The deterministic dataset a sandbox starts with.

Everything is drawn from `random.Random(seed)` and dated from a fixed epoch, so the same seed
and contact count always give the same rows, ids and files. The ids of the fixed entities are
the ids of the spec's examples (list 1042, journey 377, email 9120, ...), so the examples
address real data.
"""

from __future__ import annotations

import hashlib
import pathlib
import random
import sqlite3
from datetime import datetime, timedelta
from typing import Any

from ._store import dumps, insert_many, record_seed, transaction

EPOCH = datetime.fromisoformat("2025-11-01T09:00:00+00:00")

FIRST = ["Aoife", "Cian", "Niamh", "Seán", "Róisín", "Oisín", "Saoirse", "Darragh", "Ciara"]
LAST = ["Byrne", "Murphy", "Kelly", "Walsh", "Doyle", "Ryan", "O'Brien", "Lynch", "Quinn"]
CITIES = ["Galway", "Dublin", "Cork", "Limerick", "Sligo", "Athlone", "Waterford"]
STORES = ["Galway", "Dublin", "Athlone", "Cork"]
TIERS = ["Bronze", "Silver", "Gold"]

# (id, list, name, map type, default, choices)
LIST_FIELDS: list[tuple[int, int, str, str, str, list[str]]] = [
    (1, 1042, "Email", "Email", "", []),
    (2, 1042, "FirstName", "Text", "", []),
    (3, 1042, "LastName", "Text", "", []),
    (4, 1042, "Mobile", "Mobile", "", []),
    (5, 1042, "ReferanceAccountId", "Number", "", []),
    (6, 1042, "City", "Text", "", []),
    (7, 1042, "PreferredStore", "PickList", "Galway", STORES),
    (8, 1042, "OptIn", "Boolean", "false", []),
    (9, 1042, "Address1", "Text", "", []),
    (10, 1042, "LastPurchase", "Date", "", []),
    (11, 1057, "Email", "Email", "", []),
    (12, 1057, "FirstName", "Text", "", []),
    (13, 1057, "LastName", "Text", "", []),
    (14, 1057, "Mobile", "Mobile", "", []),
    (15, 1057, "LoyaltyTier", "PickList", "Bronze", TIERS),
    (16, 1057, "Points", "Number", "0", []),
]
LINKED_DATA = [
    (31, 1042, "Online orders", "Contact", 0),
    (32, 1042, "Store locations", "Lookup", 1),
    (33, 1057, "Loyalty rewards", "Lookup", 0),
]
LD_FIELDS = [
    (310, 31, "OrderNumber", "Text", ""),
    (311, 31, "OrderDate", "Date", ""),
    (312, 31, "Total", "Decimal", "0"),
    (313, 31, "Email", "Email", ""),
    (320, 32, "StoreName", "Text", ""),
    (321, 32, "City", "Text", ""),
    (322, 32, "Phone", "Text", ""),
    (330, 33, "Reward", "Text", ""),
    (331, 33, "Points", "Number", "0"),
]
JOURNEYS = [
    (
        377,
        "Winter Sale 2025",
        1042,
        "2025-11-01T09:00:00+00:00",
        "2025-12-31T23:59:00+00:00",
        "Email, SMS and landing page for the winter sale",
        "Running",
        1,
        ["sale", "winter", "retail"],
    ),
    (
        381,
        "Christmas Events 2025",
        1057,
        "2025-11-15T09:00:00+00:00",
        None,
        "",
        "Draft",
        0,
        ["events"],
    ),
]
# (kind, id, journey, name, landing page of a web form)
ITEMS: list[tuple[str, int, int, str, int | None]] = [
    ("Email", 9120, 377, "Welcome to the newsletter", None),
    ("Email", 9177, 377, "Sale launch email", None),
    ("SMS", 4410, 377, "Sale starts tomorrow", None),
    ("LandingPage", 2301, 377, "Winter Sale landing page", None),
    ("WebForm", 612, 377, "Winter Sale early access", 2301),
    ("Email", 9200, 381, "Christmas invitation", None),
    ("SMS", 4450, 381, "Doors open at seven", None),
    ("LandingPage", 2350, 381, "Christmas events page", None),
    ("Event", 7001, 381, "Christmas open evening", None),
    ("Competition", 7101, 381, "Win a Christmas hamper", None),
]
TARGETS = [
    (804, "Opted-in subscribers", "Built at send time from OptIn", 1042, "OptIn"),
    (811, "Subscribers with a mobile number", "", 1042, "Mobile"),
    (820, "All loyalty members", "", 1057, None),
]
# (id, journey, name, target, runtime, kind, item)
ACTIVITIES = [
    (15502, 377, "Sale launch email", 804, 1, "Email", 9177),
    (15503, 377, "Reminder SMS", 811, 0, "SMS", 4410),
    (15504, 377, "Welcome email", 804, 0, "Email", 9120),
    (15505, 377, "Sale landing page", 804, 0, "LandingPage", 2301),
    (15601, 381, "Invitation email", 820, 0, "Email", 9200),
    (15602, 381, "Doors-open SMS", 820, 0, "SMS", 4450),
    (15603, 381, "Events page", 820, 0, "LandingPage", 2350),
]
FILES = {
    "imports/2025-11/newsletter-signups.csv": "Email,FirstName,LastName,City\n",
    "exports/README.txt": "Exports written by the Which50 sandbox.\n",
}
_EMAIL_STATUSES = ["Delivered", "Delivered", "Opened", "Clicked", "SoftBounced", "HardBounced"]


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def seed(conn: sqlite3.Connection, files_root: pathlib.Path, *, seed: int, contacts: int) -> None:
    """Fill a fresh database (in one transaction, recording the seed) and files folder."""
    rng = random.Random(seed)
    with transaction(conn):
        conn.executemany(
            "INSERT INTO lists (id, name) VALUES (?, ?)",
            [(1042, "Newsletter subscribers"), (1057, "Loyalty members")],
        )
        _fields(conn)
        list_sizes = {1042: contacts - contacts // 3, 1057: contacts // 3}
        members = _contacts(conn, rng, list_sizes)
        _linked_data(conn, rng, members[1042])
        _journeys(conn, rng, members)
        conn.execute(
            "INSERT INTO import_jobs (id, list_id, field_names, status, progress, start_date, "
            "finish_date, inserted, total, processed) VALUES (58211, 1042, ?, 'Completed', 100, "
            "?, ?, 0, 0, 0)",
            (dumps(["Email", "FirstName", "LastName", "City"]), _iso(EPOCH), _iso(EPOCH)),
        )
        salt_key, api_key = webhook_keys(seed)
        conn.executemany(
            "INSERT INTO sandbox (key, value) VALUES (?, ?)",
            [("webhook_salt_key", salt_key), ("webhook_api_key", api_key)],
        )
        record_seed(conn, seed)
    seed_files(files_root)


def webhook_keys(seed: int) -> tuple[str, str]:
    """The account's webhook salt key and API key: made up, and the same for the same seed
    (drawn apart from the dataset's generator, so the dataset is what it was without them)."""
    salt, key = (
        hashlib.sha256(f"which50-sandbox:{seed}:{name}".encode()).hexdigest()[:24]
        for name in ("salt", "apikey")
    )
    return f"sandbox-salt-{salt}", f"sandbox-webhook-key-{key}"


def seed_files(files_root: pathlib.Path) -> None:
    """The dataset's files (a reopened database's, when its files folder is a fresh one)."""
    for relative, text in FILES.items():
        path = files_root.joinpath(*relative.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _fields(conn: sqlite3.Connection) -> None:
    value_id = 70
    for position, (field_id, list_id, name, map_type, default, choices) in enumerate(
        LIST_FIELDS, start=1
    ):
        conn.execute(
            "INSERT INTO fields VALUES (?, 'list', ?, ?, ?, ?, ?)",
            (field_id, list_id, name, default, map_type, position),
        )
        for order, choice in enumerate(choices, start=1):
            value_id += 1
            conn.execute(
                "INSERT INTO field_values VALUES (?, ?, ?, ?, ?)",
                (value_id, field_id, choice, order, int(choice != "Athlone")),
            )
    for position, (field_id, ld_id, name, map_type, default) in enumerate(LD_FIELDS, start=1):
        conn.execute(
            "INSERT INTO fields VALUES (?, 'ld', ?, ?, ?, ?, ?)",
            (field_id, ld_id, name, default, map_type, position),
        )


def _contacts(
    conn: sqlite3.Connection, rng: random.Random, sizes: dict[int, int]
) -> dict[int, list[tuple[int, dict[str, Any]]]]:
    members: dict[int, list[tuple[int, dict[str, Any]]]] = {}
    contact_id = 0
    rows: list[dict[str, Any]] = []
    for list_id, size in sizes.items():
        members[list_id] = []
        for _ in range(size):
            contact_id += 1
            first, last = rng.choice(FIRST), rng.choice(LAST)
            local = f"{first}.{last}".lower().replace("'", "").encode("ascii", "ignore").decode()
            values: dict[str, Any] = {
                "Email": f"{local}.{contact_id}@example.ie",
                "FirstName": first,
                "LastName": last,
                "Mobile": f"+35387{rng.randrange(10**7):07d}" if rng.random() < 0.7 else None,
            }
            if list_id == 1042:
                values |= {
                    "ReferanceAccountId": 100000 + contact_id,
                    "City": rng.choice(CITIES),
                    "PreferredStore": rng.choice(STORES),
                    "OptIn": rng.random() < 0.8,
                }
            else:
                values |= {"LoyaltyTier": rng.choice(TIERS), "Points": rng.randrange(5000)}
            rows.append({"id": contact_id, "list_id": list_id, "vals": dumps(values)})
            members[list_id].append((contact_id, values))
    insert_many(conn, "contacts", rows)
    return members


def _linked_data(
    conn: sqlite3.Connection, rng: random.Random, members: list[tuple[int, dict[str, Any]]]
) -> None:
    insert_many(
        conn,
        "linked_data",
        [
            {"id": i, "list_id": lst, "name": n, "type": t, "is_public": p}
            for i, lst, n, t, p in LINKED_DATA
        ],
    )
    records: list[dict[str, Any]] = []
    for number, (_, values) in enumerate(members[: max(2, len(members) // 2)], start=100231):
        records.append(
            {
                "ld_id": 31,
                "data": dumps(
                    {
                        "OrderNumber": f"WS-{number}",
                        "OrderDate": _iso(EPOCH + timedelta(hours=rng.randrange(24 * 50))),
                        "Total": rng.randrange(500, 20000) / 100,
                        "Email": values["Email"],
                    }
                ),
            }
        )
    for store in STORES:
        data = {"StoreName": f"Which50 {store}", "City": store, "Phone": "+353 91 555 0100"}
        records.append({"ld_id": 32, "data": dumps(data)})
    for reward, points in [("Coffee voucher", 500), ("Hamper", 4000)]:
        records.append({"ld_id": 33, "data": dumps({"Reward": reward, "Points": points})})
    insert_many(conn, "ld_records", records)


def _journeys(
    conn: sqlite3.Connection,
    rng: random.Random,
    members: dict[int, list[tuple[int, dict[str, Any]]]],
) -> None:
    for jid, name, list_id, start, end, comment, status, portal, tags in JOURNEYS:
        conn.execute(
            "INSERT INTO journeys VALUES (?, ?, 12, ?, ?, ?, ?, ?, ?, ?)",
            (jid, name, list_id, start, end, comment, status, portal, dumps(tags)),
        )
    conn.executemany("INSERT INTO items VALUES (?, ?, ?, ?, ?)", ITEMS)
    conn.executemany("INSERT INTO targets VALUES (?, ?, ?, ?, ?)", TARGETS)
    conn.executemany(
        "INSERT INTO activities (id, journey_id, name, target_id, target_at_runtime, kind, "
        "item_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(*activity, _iso(EPOCH - timedelta(days=4))) for activity in ACTIVITIES],
    )
    journey_of_list = {list_id: jid for jid, _, list_id, *_ in JOURNEYS}
    rows: list[dict[str, Any]] = []
    interaction_id = 880000
    for list_id, contacts in members.items():
        jid = journey_of_list[list_id]
        for activity_id, a_jid, _, _, _, kind, item_id in ACTIVITIES:
            if a_jid != jid:
                continue
            item_name = next(i[3] for i in ITEMS if i[1] == item_id and i[0] == kind)
            for contact_id, _ in contacts:
                if rng.random() > 0.6:
                    continue
                interaction_id += 1
                when = _iso(EPOCH + timedelta(minutes=rng.randrange(60 * 24 * 40)))
                row = _interaction(rng, kind, item_id)
                rows.append(
                    {
                        "id": interaction_id,
                        "contact_id": contact_id,
                        "journey_id": jid,
                        "activity_id": activity_id,
                        "kind": kind,
                        "item_id": item_id,
                        "name": item_name,
                        "occurred": when,
                        **row,
                    }
                )
        for kind, item_id, item_name in [
            ("WebForm", 612, "Winter Sale early access"),
            ("Event", 7001, "Christmas open evening"),
            ("Competition", 7101, "Win a Christmas hamper"),
        ]:
            if next(i[2] for i in ITEMS if i[1] == item_id) != jid:
                continue
            for contact_id, _ in contacts[::3]:
                interaction_id += 1
                rows.append(
                    {
                        "id": interaction_id,
                        "contact_id": contact_id,
                        "journey_id": jid,
                        "activity_id": None,
                        "kind": kind,
                        "item_id": item_id,
                        "name": item_name,
                        "occurred": _iso(EPOCH + timedelta(days=20, minutes=interaction_id % 997)),
                        "status": "Submitted" if kind == "WebForm" else "Accepted",
                        "delivered": 0,
                        "opened": 0,
                        "read": 0,
                        "link": 0,
                        "submission": int(kind == "WebForm"),
                        "landing_page_id": 2301 if kind == "WebForm" else None,
                    }
                )
    insert_many(conn, "interactions", rows)


def _interaction(rng: random.Random, kind: str, item_id: int) -> dict[str, Any]:
    """The flags and status of one seeded interaction of a journey activity."""
    row = {
        "status": "Visited",
        "delivered": 0,
        "opened": 0,
        "read": 0,
        "link": 0,
        "submission": 0,
        "landing_page_id": None,
    }
    if kind == "Email":
        status = rng.choice(_EMAIL_STATUSES)
        bounced = status.endswith("Bounced")
        opened = status in ("Opened", "Clicked")
        row |= {
            "status": status,
            "delivered": int(not bounced),
            "opened": int(opened),
            "read": int(opened and rng.random() < 0.7),
            "link": int(status == "Clicked"),
        }
    elif kind == "SMS":
        delivered = rng.random() < 0.9
        row |= {"status": "Delivered" if delivered else "Failed", "delivered": int(delivered)}
    else:
        row |= {
            "link": int(rng.random() < 0.4),
            "submission": int(rng.random() < 0.1),
            "landing_page_id": item_id,
        }
    return row
