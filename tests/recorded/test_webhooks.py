"""Webhooks, recorded: subscribe, list page by page, deactivate, and the two webhook keys.

Covers listWebhookSubscriptions, createWebhookSubscription, deleteWebhookSubscription,
getWebhookSaltKey, updateWebhookSaltKey, getWebhookApiKey and updateWebhookApiKey. Every shape
is the spec's inference. The subscribed URLs are under `hooks.example.com` (a reserved domain:
nothing receives there), and every test deactivates what it subscribes and puts back the keys
it changes, so that a recording against the real API leaves the account as it found it.
Cassettes store no key: the keys the API answers read `<redacted>` in replay (`as_replayed`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pytest
import which50
from which50.types import WebhookApiKey, WebhookSaltKey, WebhookSubscription

from ._harness import WEBHOOK_API_KEY, WEBHOOK_SALT_KEY
from .conftest import Fresh, Twin, as_replayed

EVENT = "ContactCreated"
#: No subscription has this id (the largest int32).
UNKNOWN_SUBSCRIPTION = 2_147_483_647


def _page(client: Any, number: int, size: int) -> Any:
    return client.webhooks.list_subscriptions(page_number=number, page_size=size)


def every_subscription(twin: Twin, page_size: int) -> list[list[WebhookSubscription]]:
    """The pages of the listing, in order, up to the first empty one (not included)."""
    pages: list[list[WebhookSubscription]] = []
    while True:
        page = twin.call(functools.partial(_page, number=len(pages) + 1, size=page_size))
        assert isinstance(page, list) and len(page) <= page_size
        if not page:
            return pages
        pages.append(page)


def by_id(pages: list[list[WebhookSubscription]]) -> dict[int, WebhookSubscription]:
    listed = [item for page in pages for item in page]
    ids = [item.id for item in listed]
    assert ids == sorted(set(ids)), "the listing is in Id order, each subscription once"
    return {item.id: item for item in listed}


def test_subscribe_list_and_deactivate(twin: Twin, fresh: Fresh) -> None:
    url = f"https://hooks.example.com/which50/{fresh.text('recorded')}"
    made = twin.call(lambda c: c.webhooks.create_subscription(EVENT, url=url))
    assert isinstance(made, WebhookSubscription)
    assert (made.event_name, made.url, made.is_active) == (EVENT, url, True)
    assert by_id(every_subscription(twin, page_size=50))[made.id] == made
    gone = twin.call(lambda c: c.webhooks.delete_subscription(made.id))
    assert gone == made.model_copy(update={"is_active": False})
    assert by_id(every_subscription(twin, page_size=50))[made.id] == gone


def test_pages_hold_at_most_page_size_in_id_order(
    client: which50.Which50, twin: Twin, fresh: Fresh
) -> None:
    urls = [f"https://hooks.example.com/which50/{fresh.text(f'page-{n}')}" for n in range(3)]
    made = [client.webhooks.create_subscription(EVENT, url=url) for url in urls]
    try:
        pages = every_subscription(twin, page_size=2)
        listed = by_id(pages)
        assert all(len(page) == 2 for page in pages[:-1])
        assert [listed[item.id] for item in made] == made
    finally:
        for item in made:
            client.webhooks.delete_subscription(item.id)


def test_deactivating_an_unknown_subscription_is_404(twin: Twin) -> None:
    with pytest.raises(which50.NotFoundError) as raised:
        twin.call(lambda c: c.webhooks.delete_subscription(UNKNOWN_SUBSCRIPTION))
    error = raised.value
    assert error.status_code == 404 and error.method == "DELETE"
    assert error.url.endswith(f"/webhook/subscribe/{UNKNOWN_SUBSCRIPTION}")
    assert error.error_message


KEYS: list[tuple[str, str, Callable[[Any], Any], Callable[[Any, str], Any]]] = [
    (
        "salt_key",
        WEBHOOK_SALT_KEY,
        lambda c: c.webhooks.get_salt_key(),
        lambda c, key: c.webhooks.update_salt_key(salt_key=key),
    ),
    (
        "api_key",
        WEBHOOK_API_KEY,
        lambda c: c.webhooks.get_api_key(),
        lambda c, key: c.webhooks.update_api_key(api_key=key),
    ),
]


@pytest.mark.parametrize(("name", "new", "get", "put"), KEYS, ids=[k[0] for k in KEYS])
def test_a_put_replaces_the_key_and_a_get_reads_it(
    twin: Twin,
    name: str,
    new: str,
    get: Callable[[Any], Any],
    put: Callable[[Any, str], Any],
) -> None:
    original = twin.call(get)
    assert isinstance(original, WebhookSaltKey | WebhookApiKey)
    assert getattr(original, name) != new
    try:
        updated = twin.call(lambda c: put(c, new))
        assert getattr(updated, name) == as_replayed(new)
        assert twin.call(get) == updated
    finally:  # the account's own key back
        restored = twin.call(lambda c: put(c, getattr(original, name)))
    assert restored == original == twin.call(get)
