"""Webhooks end to end, on both clients: subscribe a receiver on loopback, create a contact, get
the sandbox's signed call, and verify it with `which50.webhooks.construct_event`."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

import pytest
from which50.types import WebhookSubscription
from which50.webhooks import construct_event
from which50_sandbox.testing import SandboxServer

from tests._webhook_receiver import Call, check_against_spec, receiving

from .conftest import LIST_ID, Live

#: Long enough for a delivery that would happen to have happened, when a test shows one does not.
SETTLE_S = 0.5


def event_of(live: Live, call: Call) -> tuple[int, str]:
    """(subscription id, contact id) of a call, once it is found to be what the spec describes
    and to verify with the account's keys, as the clients read them."""
    check_against_spec(call)
    salt_key = live.call(lambda c: c.webhooks.get_salt_key()).salt_key
    api_key = live.call(lambda c: c.webhooks.get_api_key()).api_key
    event = construct_event(
        call.body,
        call.headers.get("X-Which50-Signature"),
        salt_key,
        api_key=api_key,
        received_api_key=call.headers.get("X-Which50-Api-Key"),
    )
    contact_id: str = event.data["EncContactId"]
    return event.subscription_id, contact_id


def create_contact(live: Live, email: str) -> str:
    made = live.call(lambda c: c.contact_lists.upsert(LIST_ID, {"Email": email}, match=["Email"]))
    contact_id: str = made.enc_contact_id
    return contact_id


def subscribe(live: Live, url: str) -> WebhookSubscription:
    made: WebhookSubscription = live.call(
        lambda c: c.webhooks.create_subscription("ContactCreated", url=url)
    )
    return made


def test_a_receiver_gets_each_new_contact_and_verifies_it(fresh: Live) -> None:
    with receiving() as receiver:
        made = subscribe(fresh, receiver.url())
        assert (made.event_name, made.url, made.is_active) == (
            "ContactCreated",
            receiver.url(),
            True,
        )
        contact_id = create_contact(fresh, "hooked@example.ie")
        [call] = receiver.wait_for(1)
        assert event_of(fresh, call) == (made.id, contact_id)
        # an update is no new contact: only the next new one arrives
        fresh.call(
            lambda c: c.contact_lists.upsert(
                LIST_ID, {"Email": "hooked@example.ie", "City": "Galway"}, match=["Email"]
            )
        )
        other = create_contact(fresh, "second@example.ie")
        calls = receiver.wait_for(2)
        time.sleep(SETTLE_S)
        assert len(receiver.calls) == 2
        assert event_of(fresh, calls[1]) == (made.id, other)


def test_a_deactivated_subscription_gets_nothing_more(fresh: Live) -> None:
    with receiving() as receiver:
        dropped = subscribe(fresh, receiver.url("/dropped"))
        create_contact(fresh, "before@example.ie")
        receiver.wait_for(1)
        kept = subscribe(fresh, receiver.url("/kept"))
        gone = fresh.call(lambda c: c.webhooks.delete_subscription(dropped.id))
        assert gone.id == dropped.id and not gone.is_active
        listed = fresh.call(lambda c: c.webhooks.list_subscriptions(page_size=10))
        assert [(s.id, s.is_active) for s in listed] == [(dropped.id, False), (kept.id, True)]
        after = create_contact(fresh, "after@example.ie")
        calls = receiver.wait_for(2)
        time.sleep(SETTLE_S)
        assert len(receiver.calls) == 2 and len(receiver.calls_to("/dropped")) == 1
        assert calls[1].path == "/kept" and event_of(fresh, calls[1]) == (kept.id, after)


def test_a_rotated_salt_key_signs_the_next_calls(fresh: Live) -> None:
    with receiving() as receiver:
        subscribe(fresh, receiver.url())
        fresh.call(lambda c: c.webhooks.update_salt_key(salt_key="rotated salt, \u00e9"))
        fresh.call(lambda c: c.webhooks.update_api_key(api_key="whk-rotated"))
        create_contact(fresh, "rotated@example.ie")
        [call] = receiver.wait_for(1)
        event_of(fresh, call)  # verified with the keys the clients read back
        assert call.headers["X-Which50-Api-Key"] == "whk-rotated"


#: Hosts that are loopback, or resolve to it, but are not written as loopback: the sandbox must
#: not call them (a filter that resolved names, or read such forms, would reach the receiver).
DISGUISED = ["2130706433", "127.1", "0x7f.0.0.1", "[::ffff:127.0.0.1]", "localhost.localdomain"]


def test_a_url_not_written_as_loopback_is_never_called(
    which50_sandbox_factory: Callable[..., SandboxServer],
    capfd: pytest.CaptureFixture[str],
) -> None:
    server = which50_sandbox_factory(extra_args=["-v"])  # the sandbox logs to our stderr
    live = Live("sync", server)
    with receiving() as receiver:
        for host in DISGUISED:
            subscribe(live, receiver.url("/disguised", host=host))
        subscribe(live, "https://hooks.example.com/which50")
        real = subscribe(live, receiver.url("/real"))
        contact_id = create_contact(live, "ssrf@example.ie")
        [call] = receiver.wait_for(1)
        time.sleep(SETTLE_S)
        assert receiver.calls_to("/disguised") == [] and len(receiver.calls) == 1
        assert event_of(live, call) == (real.id, contact_id)
    logged = capfd.readouterr().err
    assert logged.count("not called: the sandbox calls loopback hosts only") == len(DISGUISED) + 1
    assert "hooks.example.com not called" in logged


def test_subscribing_twice_gives_two_subscriptions(live: Live) -> None:
    """Subscribing is not idempotent, as the API's own POST is not said to be."""
    url = "https://hooks.example.com/twice"
    first, second = subscribe(live, url), subscribe(live, url)
    assert first.id != second.id and first.url == second.url == url


def _page(client: Any, number: int) -> Any:
    return client.webhooks.list_subscriptions(page_number=number, page_size=2)


def test_paging_walks_every_subscription_once(live: Live) -> None:
    made = {subscribe(live, f"https://hooks.example.com/page/{n}").id for n in range(3)}
    seen: list[int] = []
    for number in range(1, 1000):
        page = live.call(functools.partial(_page, number=number))
        if not page:
            break
        assert len(page) <= 2
        seen.extend(s.id for s in page)
    assert made <= set(seen) and len(seen) == len(set(seen)) and seen == sorted(seen)
