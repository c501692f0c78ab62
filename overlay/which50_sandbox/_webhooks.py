"""Webhook delivery: a signed `WebhookEvent` to every active subscription when a contact is made.

**What fires.** `ContactCreated`, the one event the sandbox knows (`KNOWN_EVENTS`), on every
contact the store inserts, whichever write made it: upserts, sends, the contact form, devices,
landing-page PDFs, and every contact an import job inserts. The store fires it itself, with the
trigger `contacts_created_webhook` (`TRIGGER`): in the write's transaction it queues one row per
active subscription in `webhook_outbox`, so a write that rolls back queues nothing, and it
calls `webhook_wake`, which wakes the dispatcher. Updates fire nothing. The trigger exists only
while a subscription is active (`sync_trigger`, in the transaction of each subscribe and
deactivate), so that without one an insert costs what it did before webhooks (a trigger that
only checked for subscriptions would cost every contact of every import).

**Delivery** happens in the background, after the write has committed (a transaction never
spans an `await`, so the dispatcher runs only once the write's request has let go of the loop):
it never delays or fails the API call that made the contact. The dispatcher claims queued
events (deleting them), renders each contact as it is stored then, and POSTs the `WebhookEvent`
to the subscription's URL, signed as the callback of `createWebhookSubscription` says
(`which50.webhooks.signature_header`, with the salt key in force when the event is sent; the
timestamp is the wall clock's, even with a frozen clock, as a receiver checks it against its
own), with `X-Which50-Api-Key` when the account has one. One attempt, no retry,
`DELIVERY_TIMEOUT` in all; redirects are not followed, proxies from the environment are not
used, and the answer's body is not read. A failure is logged (the subscription, the host and
port, the status or the kind of error; never the URL's path, query or user info, the body or
a key) and dropped. Deactivating a subscription drops its queued events.

**Only loopback is called** unless the sandbox is told otherwise (`SandboxConfig.webhook_allow`,
`--webhook-allow HOST`). The sandbox is a test tool that anyone who can subscribe can point at
a URL, so a URL is called only when its host, as written, is a loopback address (`127.0.0.0/8`,
`::1`) or `localhost`, or an allowed name or network (`refusal`). No host name is resolved to
decide: `2130706433`, `127.1` or a name whose DNS answers 127.0.0.1 are refused like any other,
so a hostile subscription can make the sandbox reach neither the outside world nor its DNS.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import sqlite3
import time
from dataclasses import dataclass

import httpx
from which50.webhooks import API_KEY_HEADER, SIGNATURE_HEADER, signature_header
from which50_models import WebhookEvent

from ._config import AllowedHosts, allowed_hosts
from ._contacts import render
from ._state import Sandbox
from ._store import transaction

log = logging.getLogger("which50_sandbox")

#: The events a subscription may name (the spec's `x-which50-known-values`; an assumption).
KNOWN_EVENTS = ("ContactCreated",)
#: The most one delivery may take, connecting, sending and waiting for the answer's head.
DELIVERY_TIMEOUT = 5.0
#: How many queued events are claimed, and delivered side by side, at a time.
CLAIM = 16
#: The `sandbox` table's keys of the account's webhook keys.
SALT_KEY, API_KEY = "webhook_salt_key", "webhook_api_key"
LOOPBACK_NAMES = frozenset({"localhost"})
#: Queues `ContactCreated` for every contact inserted; `webhook_now` and `webhook_wake` are the
#: SQL functions each `Dispatcher` gives its connection.
TRIGGER = """
CREATE TRIGGER IF NOT EXISTS contacts_created_webhook AFTER INSERT ON contacts
BEGIN
    INSERT INTO webhook_outbox (subscription_id, contact_id, occurred)
    SELECT id, NEW.id, webhook_now() FROM webhook_subscriptions
    WHERE is_active AND event_name = 'ContactCreated';
    SELECT webhook_wake();
END
"""


def sync_trigger(conn: sqlite3.Connection) -> None:
    """The trigger exists exactly while a `ContactCreated` subscription is active."""
    active = conn.execute(
        "SELECT 1 FROM webhook_subscriptions WHERE is_active AND event_name = 'ContactCreated'"
    ).fetchone()
    conn.execute(TRIGGER if active else "DROP TRIGGER IF EXISTS contacts_created_webhook")


def refusal(url: httpx.URL, allowed: AllowedHosts) -> str | None:
    """None when the sandbox may call `url`; else why not (no secret in it).

    Allowed: http and https URLs whose host, as written, is a loopback address, `localhost`,
    or one of `allowed`. Nothing is resolved.
    """
    if url.scheme not in ("http", "https"):
        return "only http and https URLs are called"
    host = url.host.rstrip(".").lower()
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if host in LOOPBACK_NAMES or host in allowed.names:
            return None
    else:
        if address.is_loopback or any(address in net for net in allowed.networks):
            return None
    return (
        "the sandbox calls loopback hosts only (127.0.0.0/8, ::1, localhost, as written in the "
        "URL); start it with --webhook-allow HOST to allow another"
    )


def where(url: httpx.URL) -> str:
    """The part of a URL that is safe to log: its host and port."""
    return f"{url.host}:{url.port}" if url.port is not None else url.host


def key(conn: sqlite3.Connection, name: str) -> str | None:
    row = conn.execute("SELECT value FROM sandbox WHERE key = ?", (name,)).fetchone()
    return None if row is None else str(row[0])


def set_key(conn: sqlite3.Connection, name: str, value: str) -> None:
    conn.execute(
        "INSERT INTO sandbox (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (name, value),
    )


@dataclass(frozen=True)
class Delivery:
    """One event, ready to send."""

    subscription_id: int
    url: httpx.URL
    body: bytes
    salt_key: str
    api_key: str | None


class Dispatcher:
    """Delivers the queued events of one sandbox, in a task of its own (started on demand).

    `transport` (None: httpx's own) is the network beneath the deliveries; tests watch it.
    """

    def __init__(self, sb: Sandbox) -> None:
        self.sb = sb
        self.allowed = allowed_hosts(sb.config.webhook_allow)
        self.transport: httpx.AsyncBaseTransport | None = None
        self._task: asyncio.Task[None] | None = None
        self._event: asyncio.Event | None = None
        self._closed = False
        sb.conn.create_function("webhook_now", 0, sb.clock.iso)
        sb.conn.create_function("webhook_wake", 0, self.wake)
        with transaction(sb.conn):
            sync_trigger(sb.conn)

    def wake(self) -> None:
        """Make the dispatcher look at the queue (called by the store's trigger, on the loop's
        thread; outside a running loop it does nothing, and `resume` catches up)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        if self._closed:
            return
        if self._event is None:
            self._event = asyncio.Event()
        self._event.set()
        if self._task is None or self._task.done():
            self._task = loop.create_task(self._run(), name="which50-sandbox-webhooks")

    def resume(self) -> None:
        """Deliver what a previous process left queued (a reopened database). At app startup."""
        if self.sb.conn.execute("SELECT 1 FROM webhook_outbox LIMIT 1").fetchone():
            self.wake()

    async def stop(self) -> None:
        """Cancel the dispatcher and its deliveries in flight; queue nothing more."""
        self._closed = True
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self) -> None:
        assert self._event is not None
        async with httpx.AsyncClient(
            transport=self.transport,
            timeout=DELIVERY_TIMEOUT,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": "which50-sandbox"},
        ) as client:
            while True:
                await self._event.wait()
                self._event.clear()
                while True:
                    claimed, deliveries = self._claim()
                    if not claimed:
                        break
                    await asyncio.gather(*(self._deliver(client, d) for d in deliveries))

    def _claim(self) -> tuple[int, list[Delivery]]:
        """Take the next queued events off the queue: how many, and those that can be sent,
        rendered (an event whose subscription or contact is gone is dropped)."""
        conn = self.sb.conn
        try:
            with transaction(conn):
                rows = conn.execute(
                    "SELECT o.id AS outbox_id, o.subscription_id, o.occurred, s.event_name, "
                    "s.url, c.id, c.list_id, c.vals, c.warnings FROM webhook_outbox AS o "
                    "LEFT JOIN webhook_subscriptions AS s ON s.id = o.subscription_id "
                    "LEFT JOIN contacts AS c ON c.id = o.contact_id ORDER BY o.id LIMIT ?",
                    (CLAIM,),
                ).fetchall()
                conn.executemany(
                    "DELETE FROM webhook_outbox WHERE id = ?", [(row[0],) for row in rows]
                )
                salt_key, api_key = key(conn, SALT_KEY), key(conn, API_KEY)
        except sqlite3.Error:
            log.exception("webhooks: the queue could not be read")
            return 0, []
        deliveries: list[Delivery] = []
        for row in rows:
            if row["url"] is None or row["id"] is None:
                continue
            try:
                event = WebhookEvent.model_validate(
                    {
                        "EventName": row["event_name"],
                        "SubscriptionId": row["subscription_id"],
                        "CreatedDate": row["occurred"],
                        "Data": render(self.sb, row),
                    }
                )
                url = httpx.URL(row["url"])
            except Exception:
                log.exception("webhook subscription %d: the event could not be made", row[1])
                continue
            if salt_key is None:
                log.warning("webhook subscription %d: no salt key to sign with", row[1])
                continue
            deliveries.append(
                Delivery(
                    subscription_id=row["subscription_id"],
                    url=url,
                    body=event.model_dump_json(by_alias=True).encode(),
                    salt_key=salt_key,
                    api_key=api_key,
                )
            )
        return len(rows), deliveries

    async def _deliver(self, client: httpx.AsyncClient, delivery: Delivery) -> None:
        """One attempt; never raises (a failure is logged, without secrets)."""
        url, sub = delivery.url, delivery.subscription_id
        refused = refusal(url, self.allowed)
        if refused is not None:
            log.warning("webhook subscription %d: %s not called: %s", sub, where(url), refused)
            return
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature_header(
                delivery.body, delivery.salt_key, timestamp=int(time.time())
            ),
        }
        if delivery.api_key:
            headers[API_KEY_HEADER] = delivery.api_key
        try:
            async with (
                asyncio.timeout(DELIVERY_TIMEOUT),
                client.stream("POST", url, content=delivery.body, headers=headers) as response,
            ):
                status = response.status_code
        except TimeoutError:
            log.warning("webhook subscription %d: %s did not answer in time", sub, where(url))
            return
        except Exception as exc:  # anything at all: a delivery never breaks the sandbox
            log.warning(
                "webhook subscription %d: delivery to %s failed (%s)",
                sub,
                where(url),
                type(exc).__name__,
            )
            return
        if 200 <= status < 300:
            log.info("webhook subscription %d: delivered to %s (%d)", sub, where(url), status)
        else:
            log.warning("webhook subscription %d: %s answered %d", sub, where(url), status)
