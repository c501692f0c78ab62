"""The sandbox's webhooks, in-process: subscriptions and keys as the spec infers them, and the
delivery of a signed `ContactCreated` event, after the write, to loopback URLs only.

Deliveries go to a real receiver on 127.0.0.1 (`tests._webhook_receiver`), through a transport
that records every request the dispatcher makes, so a URL the sandbox must not call is shown
never to have been requested at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from which50.webhooks import construct_event
from which50_sandbox import FROZEN_AT, SandboxConfig, _webhooks
from which50_sandbox._config import allowed_hosts
from which50_sandbox._seed import webhook_keys
from which50_sandbox._state import Sandbox
from which50_sandbox._store import transaction

from tests._webhook_receiver import Call, Receiver, check_against_spec, receiving
from tests.conftest import load_spec

from ._inprocess import in_process

pytestmark = pytest.mark.anyio

LIST = "/contactLists/1042"
SUBSCRIBE = "/webhook/subscribe/ContactCreated"
CONFIG = SandboxConfig(token="T", contacts=10, frozen_time=True, allow_reset=True)
#: Long enough for a delivery that would happen to have happened, when a test shows one does not.
SETTLE_S = 0.3


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Watch(httpx.AsyncBaseTransport):
    """The network beneath the deliveries: every request the dispatcher makes, then sent."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self._inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.urls.append(str(request.url))
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


@dataclass
class Box:
    """A running sandbox, its state, the watched network, and a receiver on loopback."""

    client: httpx.AsyncClient
    sb: Sandbox
    watch: Watch
    receiver: Receiver

    async def subscribe(self, url: str, event: str = "ContactCreated") -> dict[str, Any]:
        made = await self.client.post(f"/webhook/subscribe/{event}", json={"Url": url})
        assert made.status_code == 200, made.text
        body: dict[str, Any] = made.json()
        return body

    async def create_contact(self, email: str) -> str:
        made = await self.client.post(f"{LIST}/contact", json={"Values": {"Email": email}})
        assert made.status_code == 200, made.text
        enc: str = made.json()["EncContactId"]
        return enc

    async def calls(self, count: int) -> list[Call]:
        return await asyncio.to_thread(self.receiver.wait_for, count)

    async def keys(self) -> tuple[str, str]:
        salt = (await self.client.get("/webhook/saltkey")).json()["SaltKey"]
        api = (await self.client.get("/webhook/apikey")).json()["ApiKey"]
        return salt, api


@contextlib.asynccontextmanager
async def running(config: SandboxConfig = CONFIG) -> AsyncIterator[Box]:
    with receiving() as receiver:
        async with in_process(config) as (client, app):
            sb: Sandbox = app.state.sandbox
            watch = Watch()
            sb.webhooks.transport = watch
            yield Box(client, sb, watch, receiver)


@pytest.fixture
async def box() -> AsyncIterator[Box]:
    async with running() as made:
        yield made


def verified(call: Call, salt_key: str, api_key: str) -> dict[str, Any]:
    """The event of a call that is what the spec describes and verifies with the keys."""
    body = check_against_spec(call)
    event = construct_event(
        call.body,
        call.headers["X-Which50-Signature"],
        salt_key,
        api_key=api_key,
        received_api_key=call.headers.get("X-Which50-Api-Key"),
    )
    assert event.model_dump(by_alias=True, mode="json")["Data"] == body["Data"]
    return body


# --- subscriptions and keys -------------------------------------------------------------------


async def test_subscribe_answers_the_new_active_subscription(box: Box) -> None:
    first = await box.subscribe("https://hooks.example.com/which50")
    second = await box.subscribe(box.receiver.url())
    assert first == {
        "Id": 812,
        "EventName": "ContactCreated",
        "Url": "https://hooks.example.com/which50",
        "IsActive": True,
        "CreatedDate": FROZEN_AT.replace("+00:00", "Z"),
    }
    assert second["Id"] == 813 and second["Url"] == box.receiver.url()
    listed = (await box.client.get("/webhook/webhooksubscriptions")).json()
    assert listed == [first, second]


@pytest.mark.parametrize(
    ("event", "body", "detail"),
    [
        ("ContactCreated", None, "body"),
        ("ContactCreated", {}, "Url"),
        ("ContactCreated", {"Url": ""}, "Url"),
        ("ContactCreated", {"Url": "ftp://hooks.example.com/"}, "Url"),
        ("ContactCreated", {"Url": "hooks.example.com/which50"}, "Url"),
        ("ContactCreated", {"Url": 7}, "Url"),
        ("ContactCreated", {"Url": "http://"}, "absolute"),
        ("ContactCreated", {"Url": "http:///which50"}, "absolute"),
        ("ContactCreated", {"Url": "https://hooks.example.com:99999/"}, "absolute"),
        ("ContactCreated", {"Url": "https://hooks.example.com:0/"}, "absolute"),
        ("ContactCreated", {"Url": "http://exa mple.com/"}, "absolute"),
        ("ContactUpdated", {"Url": "https://hooks.example.com/"}, "ContactCreated"),
        ("contactcreated", {"Url": "https://hooks.example.com/"}, "ContactCreated"),
        ("812", {"Url": "https://hooks.example.com/"}, "ContactCreated"),
    ],
)
async def test_subscribe_refuses_what_the_spec_does_not_allow(
    box: Box, event: str, body: Any, detail: str
) -> None:
    refused = await box.client.post(f"/webhook/subscribe/{event}", json=body)
    assert refused.status_code == 400
    assert refused.json()["Message"] == "The request is invalid."
    assert detail in refused.json()["MessageDetail"]
    assert (await box.client.get("/webhook/webhooksubscriptions")).json() == []


async def test_the_list_pages_in_id_order(box: Box) -> None:
    made = [(await box.subscribe(f"https://hooks.example.com/{n}"))["Id"] for n in range(5)]
    assert made == list(range(812, 817))

    async def page(**query: Any) -> list[int]:
        answer = await box.client.get("/webhook/webhooksubscriptions", params=query)
        assert answer.status_code == 200, answer.text
        return [item["Id"] for item in answer.json()]

    assert await page() == made
    assert [await page(pageNumber=n, pageSize=2) for n in (1, 2, 3, 4)] == [
        made[:2],
        made[2:4],
        made[4:],
        [],
    ]
    assert await page(pageSize=2) == made[:2]  # pageNumber is 1 when left out
    assert await page(pageNumber=2) == []  # pageSize is 50 when left out
    assert await page(pageNumber=2_147_483_647, pageSize=2_147_483_647) == []


@pytest.mark.parametrize(
    "query",
    [
        "pageNumber=0",
        "pageSize=0",
        "pageNumber=-1",
        "pageNumber=abc",
        "pageNumber=1.5",
        "pageNumber=",
        "pageSize=2147483648",
        "pageSize=99999999999999999999",
        "pageNumber=+1",
        "pageNumber=%D9%A1",  # an Arabic-Indic 1: a digit, but not one the API reads
        "pageNumber=1&pageNumber=2",
    ],
)
async def test_bad_paging_is_a_400(box: Box, query: str) -> None:
    answer = await box.client.get(f"/webhook/webhooksubscriptions?{query}")
    assert answer.status_code == 400
    assert "whole number from 1 to 2147483647" in answer.json()["MessageDetail"]


async def test_delete_deactivates_and_keeps_the_subscription(box: Box) -> None:
    made = await box.subscribe("https://hooks.example.com/which50")
    for _ in range(2):  # deactivating an inactive subscription answers it again
        deleted = await box.client.delete(f"/webhook/subscribe/{made['Id']}")
        assert deleted.status_code == 200
        assert deleted.json() == {**made, "IsActive": False}
    listed = (await box.client.get("/webhook/webhooksubscriptions")).json()
    assert listed == [{**made, "IsActive": False}]


@pytest.mark.parametrize("subscription", ["813", "ContactCreated", "2147483648", "-1"])
async def test_delete_of_an_unknown_subscription_is_the_specs_404(
    box: Box, subscription: str
) -> None:
    await box.subscribe("https://hooks.example.com/which50")
    answer = await box.client.delete(f"/webhook/subscribe/{subscription}")
    assert answer.status_code == 404
    expected = load_spec()["components"]["examples"]["WebhookSubscriptionNotFoundError"]
    assert answer.json() == expected["value"]


async def test_the_keys_are_seeded_and_a_put_replaces_them(box: Box) -> None:
    assert await box.keys() == webhook_keys(CONFIG.seed)
    assert webhook_keys(1) != webhook_keys(2)
    put = await box.client.put("/webhook/saltkey", json={"SaltKey": "a new salt, with spaces"})
    assert put.status_code == 200 and put.json() == {"SaltKey": "a new salt, with spaces"}
    put = await box.client.put("/webhook/apikey", json={"ApiKey": "whk-new"})
    assert put.status_code == 200 and put.json() == {"ApiKey": "whk-new"}
    assert await box.keys() == ("a new salt, with spaces", "whk-new")


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/webhook/saltkey", {}),
        ("/webhook/saltkey", {"SaltKey": ""}),
        ("/webhook/saltkey", {"SaltKey": None}),
        ("/webhook/saltkey", {"ApiKey": "x"}),
        ("/webhook/apikey", {"ApiKey": ""}),
        ("/webhook/apikey", {"ApiKey": "with space"}),
        ("/webhook/apikey", {"ApiKey": "caf\u00e9"}),
        ("/webhook/apikey", {"ApiKey": "line\nbreak"}),
        ("/webhook/apikey", ["whk"]),
    ],
)
async def test_a_bad_key_is_a_400_and_changes_nothing(box: Box, path: str, body: Any) -> None:
    answer = await box.client.put(path, json=body)
    assert answer.status_code == 400
    assert await box.keys() == webhook_keys(CONFIG.seed)


async def test_a_reset_drops_subscriptions_and_restores_the_keys(box: Box) -> None:
    await box.subscribe("https://hooks.example.com/which50")
    await box.client.put("/webhook/saltkey", json={"SaltKey": "changed"})
    reset = await box.client.post("http://sandbox/_sandbox/reset")
    assert reset.status_code == 204
    assert (await box.client.get("/webhook/webhooksubscriptions")).json() == []
    assert await box.keys() == webhook_keys(CONFIG.seed)


# --- delivery ---------------------------------------------------------------------------------


async def test_a_created_contact_is_delivered_signed_as_the_spec_says(box: Box) -> None:
    made = await box.subscribe(box.receiver.url())
    enc = await box.create_contact("hooked@example.ie")
    [call] = await box.calls(1)
    salt_key, api_key = await box.keys()
    body = verified(call, salt_key, api_key)
    assert call.path == "/hook"
    assert body["SubscriptionId"] == made["Id"]
    assert body["CreatedDate"] == FROZEN_AT.replace("+00:00", "Z")  # the sandbox's clock
    stored = (await box.client.get(f"/contacts/{enc}")).json()
    assert body["Data"] == stored
    assert call.headers["X-Which50-Api-Key"] == api_key
    assert box.watch.urls == [box.receiver.url()]


async def test_every_active_subscription_gets_each_new_contact(box: Box) -> None:
    for path in ("/a", "/b"):
        await box.subscribe(box.receiver.url(path))
    made = [await box.create_contact(f"n{n}@example.ie") for n in range(3)]
    calls = await box.calls(6)
    salt_key, api_key = await box.keys()
    seen = sorted(
        (call.path, verified(call, salt_key, api_key)["Data"]["EncContactId"]) for call in calls
    )
    assert seen == sorted((path, enc) for path in ("/a", "/b") for enc in made)


async def _upsert(client: httpx.AsyncClient, email: str) -> httpx.Response:
    return await client.post(f"{LIST}/contact?match=Email", json={"Values": {"Email": email}})


async def _put_upsert(client: httpx.AsyncClient, email: str) -> httpx.Response:
    return await client.post(f"{LIST}/contact", json={"Values": {"Email": email}})


async def _device(client: httpx.AsyncClient, email: str) -> httpx.Response:
    body = {"DeviceId": "fcm:1", "Contact": {"Values": {"Email": email}}}
    return await client.post(f"{LIST}/registerDevice?match=Email", json=body)


async def _form(client: httpx.AsyncClient, email: str) -> httpx.Response:
    return await client.post("/contactLists/contactForm", data={"ListId": "1042", "Email": email})


async def _send_email(client: httpx.AsyncClient, email: str) -> httpx.Response:
    body = {"EmailId": 9120, "Contact": {"ListId": 1042, "Values": {"Email": email}}}
    return await client.post("/journeys/sendEmail?match=Email", json=body)


async def _send_text(client: httpx.AsyncClient, email: str) -> httpx.Response:
    contact = {"ListId": 1042, "Values": {"Email": email, "Mobile": "+353871234567"}}
    body = {"TextMessageId": 4410, "Contact": contact}
    return await client.put("/journeys/sendTextMessage?match=Email", json=body)


async def _pdf(client: httpx.AsyncClient, email: str) -> httpx.Response:
    url = "/journeys/377/landingpages/2301/generatePDF?match=Email"
    return await client.post(url, json={"Values": {"Email": email}})


async def _import(client: httpx.AsyncClient, email: str) -> httpx.Response:
    job = (await client.post(f"{LIST}/import", json={"FieldNames": ["Email"]})).json()["Id"]
    await client.post(f"{LIST}/import/{job}", json=[{"Values": {"Email": email}}])
    await client.post(f"{LIST}/import/{job}/run?match=Email")
    while (answer := await client.get(f"{LIST}/import/{job}")).json()["CurrentStatus"] not in (
        "Completed",
        "Failed",
    ):
        pass
    assert answer.json()["InsertedContacts"] == 1
    return answer


WRITES = {
    "upsert": _upsert,
    "upsert without match": _put_upsert,
    "device": _device,
    "form": _form,
    "send email": _send_email,
    "send text message": _send_text,
    "landing-page pdf": _pdf,
    "import job": _import,
}


@pytest.mark.parametrize("write", WRITES)
async def test_every_write_that_creates_a_contact_fires_it(box: Box, write: str) -> None:
    await box.subscribe(box.receiver.url())
    email = f"{write.replace(' ', '-')}@example.ie"
    assert (await WRITES[write](box.client, email)).status_code == 200
    [call] = await box.calls(1)
    body = verified(call, *await box.keys())
    assert body["Data"]["Values"]["Email"] == email


async def test_updates_fire_nothing(box: Box) -> None:
    """A write that updates a contact is no `ContactCreated`: only the new one arrives."""
    await _upsert(box.client, "old@example.ie")
    await box.subscribe(box.receiver.url())
    updated = await box.client.post(
        f"{LIST}/contact?match=Email", json={"Values": {"Email": "old@example.ie", "City": "X"}}
    )
    assert updated.json()["Values"]["City"] == "X"
    await box.client.patch(
        f"{LIST}/contact",
        params={"match": "Email", "Email": "old@example.ie"},
        json={"Values": {"City": "Y"}},
    )
    marker = await box.create_contact("marker@example.ie")
    [call] = await box.calls(1)
    await asyncio.sleep(SETTLE_S)
    assert len(box.receiver.calls) == 1
    assert verified(call, *await box.keys())["Data"]["EncContactId"] == marker


async def test_the_trigger_exists_only_while_a_subscription_is_active(box: Box) -> None:
    """Without an active subscription, an insert costs what it did before webhooks."""

    def triggers() -> list[str]:
        rows = box.sb.conn.execute("SELECT name FROM sqlite_schema WHERE type = 'trigger'")
        return sorted(name for (name,) in rows if "webhook" in name)

    assert triggers() == []
    first = await box.subscribe("https://hooks.example.com/1")
    second = await box.subscribe("https://hooks.example.com/2")
    assert triggers() == ["contacts_created_webhook"]
    await box.client.delete(f"/webhook/subscribe/{first['Id']}")
    assert triggers() == ["contacts_created_webhook"]
    await box.client.delete(f"/webhook/subscribe/{second['Id']}")
    assert triggers() == []
    await box.create_contact("unwatched@example.ie")
    assert box.sb.conn.execute("SELECT COUNT(*) FROM webhook_outbox").fetchone()[0] == 0


async def test_a_write_that_rolls_back_queues_nothing(box: Box) -> None:
    """The store queues the event in the write's transaction: no commit, no event."""
    await box.subscribe(box.receiver.url())
    conn = box.sb.conn

    def insert() -> None:
        conn.execute("INSERT INTO contacts (list_id, vals) VALUES (1042, '{}')")

    with pytest.raises(RuntimeError), transaction(conn):
        insert()
        raise RuntimeError("the write fails after its insert")
    assert conn.execute("SELECT COUNT(*) FROM webhook_outbox").fetchone()[0] == 0
    with transaction(conn):
        insert()
    assert conn.execute("SELECT COUNT(*) FROM webhook_outbox").fetchone()[0] == 1
    [call] = await box.calls(1)
    check_against_spec(call)


async def test_a_deactivated_subscription_gets_nothing_more(box: Box) -> None:
    kept = await box.subscribe(box.receiver.url("/kept"))
    dropped = await box.subscribe(box.receiver.url("/dropped"))
    await box.create_contact("before@example.ie")
    await box.calls(2)
    await box.client.delete(f"/webhook/subscribe/{dropped['Id']}")
    after = await box.create_contact("after@example.ie")
    calls = await box.calls(3)
    await asyncio.sleep(SETTLE_S)
    assert len(box.receiver.calls) == 3
    assert calls[2].path == "/kept"
    assert verified(calls[2], *await box.keys())["SubscriptionId"] == kept["Id"]
    assert verified(calls[2], *await box.keys())["Data"]["EncContactId"] == after


async def test_deactivating_drops_the_events_not_yet_sent(box: Box) -> None:
    dropped = await box.subscribe(box.receiver.url())
    conn = box.sb.conn
    with transaction(conn):  # queued, and not sent before the deactivation: no await between
        conn.execute("INSERT INTO contacts (list_id, vals) VALUES (1042, '{}')")
    assert conn.execute("SELECT COUNT(*) FROM webhook_outbox").fetchone()[0] == 1
    await box.client.delete(f"/webhook/subscribe/{dropped['Id']}")
    await asyncio.sleep(SETTLE_S)
    assert box.receiver.calls == [] and box.watch.urls == []


async def test_events_are_signed_with_the_keys_in_force(box: Box) -> None:
    await box.subscribe(box.receiver.url())
    await box.create_contact("first@example.ie")
    [first] = await box.calls(1)
    old_salt, old_api = await box.keys()
    await box.client.put("/webhook/saltkey", json={"SaltKey": "rotated-salt"})
    await box.client.put("/webhook/apikey", json={"ApiKey": "rotated-key"})
    await box.create_contact("second@example.ie")
    second = (await box.calls(2))[1]
    verified(first, old_salt, old_api)
    verified(second, "rotated-salt", "rotated-key")
    with pytest.raises(Exception, match="matches"):
        verified(second, old_salt, old_api)


async def test_the_api_call_never_waits_for_the_delivery(box: Box) -> None:
    """The receiver holds the delivery unanswered; the write that fired it has answered."""
    await box.subscribe(box.receiver.url())
    box.receiver.release.clear()
    try:
        answer = await _upsert(box.client, "held@example.ie")
        assert answer.status_code == 200
        [call] = await box.calls(1)  # arrived, and not answered yet
        assert not box.receiver.release.is_set()
    finally:
        box.receiver.release.set()
    check_against_spec(call)


@contextlib.contextmanager
def sandbox_log(caplog: pytest.LogCaptureFixture) -> Iterator[list[str]]:
    lines: list[str] = []
    with caplog.at_level(logging.INFO, logger="which50_sandbox"):
        yield lines
        lines.extend(r.getMessage() for r in caplog.records if r.name == "which50_sandbox")


async def test_a_failed_delivery_is_logged_without_secrets(
    box: Box, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_webhooks, "DELIVERY_TIMEOUT", 0.5)
    secret_url = box.receiver.url("/hook?token=url-secret-1").replace(
        "http://", "http://user:url-secret-2@"
    )
    await box.subscribe(secret_url)
    with sandbox_log(caplog) as lines:
        box.receiver.status = 500
        await box.create_contact("e500@example.ie")
        await box.calls(1)
        box.receiver.status = 200
        box.receiver.release.clear()  # held past the timeout
        try:
            await box.create_contact("slow@example.ie")
            await box.calls(2)
            await asyncio.sleep(1.0)
        finally:
            box.receiver.release.set()
        await box.subscribe("http://127.0.0.1:9/closed")  # nothing listens there
        await box.create_contact("refused@example.ie")
        await asyncio.sleep(SETTLE_S)
    text = "\n".join(lines)
    host = f"127.0.0.1:{box.receiver.port}"
    assert f"{host} answered 500" in text
    assert f"{host} did not answer in time" in text
    assert "127.0.0.1:9 failed (ConnectError)" in text
    salt_key, api_key = await box.keys()
    for secret in ("url-secret-1", "url-secret-2", salt_key, api_key, "/hook"):
        assert secret not in text
    # and the sandbox answers on, as if nothing had happened
    assert (await box.client.get("/contactLists/1042")).status_code == 200


async def test_a_redirect_is_not_followed(box: Box) -> None:
    await box.subscribe(box.receiver.url("/moved"))
    box.receiver.status = 307
    box.receiver.headers = {"Location": box.receiver.url("/elsewhere")}
    await box.create_contact("moved@example.ie")
    await box.calls(1)
    await asyncio.sleep(SETTLE_S)
    assert box.receiver.calls_to("/elsewhere") == []
    assert box.watch.urls == [box.receiver.url("/moved")]


# --- only loopback is called ------------------------------------------------------------------

REFUSED = [
    "https://hooks.example.com/which50",
    "http://192.0.2.1/hook",
    "http://10.0.0.1:8080/hook",
    "http://[2001:db8::1]/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0:{port}/hook",
    "http://2130706433:{port}/hook",  # 127.0.0.1 as one number: resolves to loopback
    "http://127.1:{port}/hook",
    "http://0x7f.0.0.1:{port}/hook",
    "http://[::ffff:127.0.0.1]:{port}/hook",
    "http://localhost.example.com:{port}/hook",
    "http://127.0.0.1.nip.io:{port}/hook",
    "http://localhost@hooks.example.com/hook",
    "http://127.0.0.1:{port}@hooks.example.com/hook",
]
CALLED = [
    "http://127.0.0.1:{port}/hook",
    "http://localhost:{port}/hook",
    "http://LOCALHOST.:{port}/hook",
    "http://127.0.0.2:{port}/hook",
    "http://[::1]:{port}/hook",
    "https://127.0.0.1:{port}/hook",
    "http://hooks.example.com@127.0.0.1:{port}/hook",
]


@pytest.mark.parametrize("url", REFUSED)
def test_refusal_turns_away_every_host_that_is_not_written_as_loopback(url: str) -> None:
    assert _webhooks.refusal(httpx.URL(url.format(port=1)), allowed_hosts([])) is not None


@pytest.mark.parametrize("url", CALLED)
def test_refusal_lets_loopback_through(url: str) -> None:
    assert _webhooks.refusal(httpx.URL(url.format(port=1)), allowed_hosts([])) is None


def test_webhook_allow_adds_names_and_networks() -> None:
    allowed = allowed_hosts(["Hooks.Example.com", "10.0.0.0/8", "2001:db8::1"])
    for url in ("https://hooks.example.com/", "http://10.1.2.3/", "http://[2001:db8::1]/"):
        assert _webhooks.refusal(httpx.URL(url), allowed) is None
    for url in ("https://evil.example.com/", "http://11.0.0.1/", "http://[2001:db8::2]/"):
        assert _webhooks.refusal(httpx.URL(url), allowed) is not None
    with pytest.raises(ValueError, match="webhook_allow"):
        SandboxConfig(token="T", webhook_allow=("http://hooks.example.com/",))


async def test_a_url_that_is_not_loopback_is_never_requested(
    box: Box, caplog: pytest.LogCaptureFixture
) -> None:
    port = box.receiver.port
    for url in REFUSED:
        await box.subscribe(url.format(port=port))
    await box.subscribe(box.receiver.url())
    with sandbox_log(caplog) as lines:
        await box.create_contact("ssrf@example.ie")
        await box.calls(1)
        await asyncio.sleep(SETTLE_S)
    assert box.watch.urls == [box.receiver.url()]  # the one loopback URL, and nothing else
    assert len(box.receiver.calls) == 1
    assert sum("not called" in line for line in lines) == len(REFUSED)


async def test_an_allowed_host_is_called() -> None:
    """`webhook_allow` lets a host through: the dispatcher requests it (here it goes nowhere,
    as the tests may reach loopback only)."""
    config = SandboxConfig(token="T", contacts=0, webhook_allow=("192.0.2.1",))
    async with running(config) as box:
        await box.subscribe("http://192.0.2.1:9/hook")
        await box.create_contact("allowed@example.ie")
        for _ in range(100):
            if box.watch.urls:
                break
            await asyncio.sleep(0.02)
        assert box.watch.urls == ["http://192.0.2.1:9/hook"]


# --- a reopened database ----------------------------------------------------------------------


async def test_events_left_queued_are_delivered_when_the_database_reopens(tmp_path: Path) -> None:
    config = SandboxConfig(token="T", contacts=0, db=str(tmp_path / "sandbox.db"))
    with receiving() as receiver:
        async with in_process(config) as (client, app):
            made = await client.post(SUBSCRIBE, json={"Url": receiver.url()})
            sb: Sandbox = app.state.sandbox
            await sb.webhooks.stop()  # the process stops before it delivers
            queued = await client.post(f"{LIST}/contact", json={"Values": {"Email": "q@x.ie"}})
            assert queued.status_code == 200
        assert receiver.calls == []
        async with in_process(config) as (client, _):
            [call] = await asyncio.to_thread(receiver.wait_for, 1)
            salt_key = (await client.get("/webhook/saltkey")).json()["SaltKey"]
    body = verified(call, salt_key, webhook_keys(config.seed)[1])
    assert body["SubscriptionId"] == made.json()["Id"]
    assert body["Data"]["EncContactId"] == queued.json()["EncContactId"]
