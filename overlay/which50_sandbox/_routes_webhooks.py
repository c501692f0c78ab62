"""Webhooks: subscriptions (subscribe, list, deactivate) and the account's two webhook keys.

Every shape is the spec's inference (the upstream index lists the routes, no page describes
them). Subscriptions are never deleted: deactivating one keeps it, listed, with `IsActive`
false, and drops its undelivered events. Their ids count from 812 (the spec's example). The
keys are seeded with made-up values (`_seed.webhook_keys`); a PUT replaces one, and the events
sent after it use the new one. Delivery is `_webhooks`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from which50_models import (
    WebhookApiKey,
    WebhookSaltKey,
    WebhookSubscription,
    WebhookSubscriptionRequest,
)

from . import _webhooks
from ._http import bad_request, found, id_param, model_body, model_json, models_json
from ._state import Sandbox, sandbox
from ._store import next_id, transaction

Endpoint = Callable[[Request], Awaitable[Response]]

_FIRST_ID = 812
#: `pageSize` when the query has none (the API's own default is not documented).
DEFAULT_PAGE_SIZE = 50
_INT32_MAX = 2**31 - 1
#: A host as httpx gives it: a name (IDNA, so ASCII), an IPv4 or an IPv6 address.
_HOST = re.compile(r"[A-Za-z0-9._:-]+")


def render(row: sqlite3.Row) -> dict[str, Any]:
    """A stored subscription as the `WebhookSubscription` DTO (by alias)."""
    return {
        "Id": row["id"],
        "EventName": row["event_name"],
        "Url": row["url"],
        "IsActive": bool(row["is_active"]),
        "CreatedDate": row["created"],
    }


def _page_param(request: Request, name: str, default: int) -> int:
    """A paging parameter: a whole number from 1 to the int32 maximum, given at most once."""
    given = request.query_params.getlist(name)
    if not given:
        return default
    text = given[0]
    if len(given) > 1 or not (text.isascii() and text.isdigit()) or len(text) > 10:
        raise bad_request(f"{name} must be given once, as a whole number from 1 to {_INT32_MAX}.")
    value = int(text)
    if not 1 <= value <= _INT32_MAX:
        raise bad_request(f"{name} must be given once, as a whole number from 1 to {_INT32_MAX}.")
    return value


def _subscription(sb: Sandbox, subscription_id: int) -> sqlite3.Row:
    row = sb.conn.execute(
        "SELECT * FROM webhook_subscriptions WHERE id = ?", (subscription_id,)
    ).fetchone()
    return found(row, "webhook subscription")


def _checked_url(text: str) -> str:
    """The subscription's URL, or 400 unless it is an absolute http or https URL."""
    problem = "Url must be an absolute http or https URL, with a host."
    try:
        url = httpx.URL(text)
        port = url.port
    except (httpx.InvalidURL, ValueError):
        raise bad_request(problem) from None
    if (
        url.scheme not in ("http", "https")
        or not _HOST.fullmatch(url.host)
        or (port is not None and not 0 < port < 65536)
    ):
        raise bad_request(problem)
    return text


async def list_webhook_subscriptions(request: Request) -> Response:
    sb = sandbox(request)
    number = _page_param(request, "pageNumber", 1)
    size = _page_param(request, "pageSize", DEFAULT_PAGE_SIZE)
    rows = sb.conn.execute(
        "SELECT * FROM webhook_subscriptions ORDER BY id LIMIT ? OFFSET ?",
        (size, (number - 1) * size),
    ).fetchall()
    return models_json(WebhookSubscription, [render(row) for row in rows])


async def create_webhook_subscription(request: Request) -> Response:
    sb = sandbox(request)
    event: str = request.path_params["eventNameOrId"]
    body = await model_body(request, WebhookSubscriptionRequest)
    if event not in _webhooks.KNOWN_EVENTS:
        raise bad_request(
            f"The sandbox knows no event '{event}'; it knows {', '.join(_webhooks.KNOWN_EVENTS)}."
        )
    url = _checked_url(body.url)
    with transaction(sb.conn):
        subscription_id = next_id(sb.conn, "webhook_subscriptions", _FIRST_ID)
        sb.conn.execute(
            "INSERT INTO webhook_subscriptions (id, event_name, url, is_active, created) "
            "VALUES (?, ?, ?, 1, ?)",
            (subscription_id, event, url, sb.clock.iso()),
        )
        _webhooks.sync_trigger(sb.conn)
    return model_json(WebhookSubscription, render(_subscription(sb, subscription_id)))


async def delete_webhook_subscription(request: Request) -> Response:
    sb = sandbox(request)
    subscription_id = id_param(request, "eventNameOrId", "webhook subscription")
    _subscription(sb, subscription_id)
    with transaction(sb.conn):
        sb.conn.execute(
            "UPDATE webhook_subscriptions SET is_active = 0 WHERE id = ?", (subscription_id,)
        )
        sb.conn.execute("DELETE FROM webhook_outbox WHERE subscription_id = ?", (subscription_id,))
        _webhooks.sync_trigger(sb.conn)
    return model_json(WebhookSubscription, render(_subscription(sb, subscription_id)))


def _key_endpoints(
    model: type[WebhookSaltKey] | type[WebhookApiKey], member: str, stored_as: str
) -> tuple[Endpoint, Endpoint]:
    """GET and PUT of one of the account's webhook keys (the body's `member`)."""

    async def get_key(request: Request) -> Response:
        return model_json(model, {member: _webhooks.key(sandbox(request).conn, stored_as)})

    async def put_key(request: Request) -> Response:
        sb = sandbox(request)
        value = (await model_body(request, model)).model_dump(by_alias=True)[member]
        _webhooks.set_key(sb.conn, stored_as, value)
        return model_json(model, {member: value})

    return get_key, put_key


get_salt_key, put_salt_key = _key_endpoints(WebhookSaltKey, "SaltKey", _webhooks.SALT_KEY)
get_api_key, put_api_key = _key_endpoints(WebhookApiKey, "ApiKey", _webhooks.API_KEY)
routes = [
    Route("/webhook/webhooksubscriptions", list_webhook_subscriptions, methods=["GET"]),
    Route("/webhook/subscribe/{eventNameOrId}", create_webhook_subscription, methods=["POST"]),
    Route("/webhook/subscribe/{eventNameOrId}", delete_webhook_subscription, methods=["DELETE"]),
    Route("/webhook/saltkey", get_salt_key, methods=["GET"]),
    Route("/webhook/saltkey", put_salt_key, methods=["PUT"]),
    Route("/webhook/apikey", get_api_key, methods=["GET"]),
    Route("/webhook/apikey", put_api_key, methods=["PUT"]),
]
