"""The app in-process (httpx + ASGI transport): match logic, recorded side effects, config."""

from __future__ import annotations

import dataclasses
import inspect
import pathlib
from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.routing import Mount, Route
from which50_sandbox import FaultConfig, SandboxConfig, create_app
from which50_sandbox._state import Sandbox

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def app_client() -> AsyncIterator[tuple[httpx.AsyncClient, Sandbox]]:
    app = create_app(SandboxConfig(token="T", contacts=10, frozen_time=True))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://sandbox/Which50API",
            headers={"Authorization": "Bearer T"},
        ) as client:
            yield client, app.state.sandbox


async def test_match_compares_text_forms(app_client: tuple[httpx.AsyncClient, Sandbox]) -> None:
    client, _ = app_client
    url = "/contactLists/1042/contact"
    made = await client.post(url, json={"Values": {"ReferanceAccountId": 7, "OptIn": True}})
    again = await client.post(
        url + "?match=ReferanceAccountId", json={"Values": {"ReferanceAccountId": "7"}}
    )
    assert made.json()["EncContactId"] == again.json()["EncContactId"]
    patched = await client.patch(
        url + "?match=ReferanceAccountId&ReferanceAccountId=7", json={"Values": {"City": "Cork"}}
    )
    assert [c["EncContactId"] for c in patched.json()] == [made.json()["EncContactId"]]
    # a null match value matches nothing, so a new contact is made
    fresh = await client.post(url + "?match=Mobile", json={"Values": {"Mobile": None}})
    assert fresh.json()["EncContactId"] != made.json()["EncContactId"]


async def test_custom_events_and_devices_are_recorded(
    app_client: tuple[httpx.AsyncClient, Sandbox],
) -> None:
    client, sb = app_client
    response = await client.post(
        "/contactLists/1042/registerDevice?match=Email&customevents=Welcome,Invite",
        json={"DeviceId": "fcm:1", "Contact": {"Values": {"Email": "e@example.ie"}}},
    )
    assert response.status_code == 200
    devices = sb.conn.execute("SELECT device_id FROM devices").fetchall()
    assert [d[0] for d in devices] == ["fcm:1"]
    events = sb.conn.execute("SELECT name FROM custom_events ORDER BY name").fetchall()
    assert [e[0] for e in events] == ["Invite", "Welcome"]


async def test_unknown_routes_and_methods_get_error_bodies(
    app_client: tuple[httpx.AsyncClient, Sandbox],
) -> None:
    client, _ = app_client
    missing = await client.get("/nothing/here")
    assert missing.status_code == 404 and "Message" in missing.json()
    wrong = await client.delete("/contactLists")
    assert wrong.status_code == 405 and wrong.headers["allow"] == "GET, HEAD"
    bad_json = await client.post("/contactLists/1042/contact", content=b"{")
    assert bad_json.status_code == 400 and bad_json.json()["Message"]


async def test_in_process_faults_raise_connection_errors() -> None:
    app = create_app(SandboxConfig(token="T", faults=FaultConfig(drop_rate=1)))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
        with pytest.raises(ConnectionAbortedError):
            await client.get("/Which50API/contactLists", headers={"Authorization": "Bearer T"})


async def test_reset_drops_every_change_and_seeds_again(tmp_path: pathlib.Path) -> None:
    files = tmp_path / "files"
    files.mkdir()
    config = SandboxConfig(token="T", contacts=10, frozen_time=True, files_dir=files)
    app = create_app(dataclasses.replace(config, allow_reset=True))
    headers = {"Authorization": "Bearer T"}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://sandbox", headers=headers
        ) as client:
            seeded = (await client.get("/Which50API/contactLists/1042")).json()
            seeded_files = sorted(p.name for p in files.rglob("*"))
            await client.post(
                "/Which50API/contactLists/1042/contact", json={"Values": {"Email": "x@ex.ie"}}
            )
            (files / "stray.txt").write_text("left by a test")
            assert (await client.get("/Which50API/contactLists/1042")).json() != seeded
            anonymous = await client.post("/_sandbox/reset", headers={"Authorization": ""})
            assert anonymous.status_code == 401
            reset = await client.post("/_sandbox/reset")
            assert reset.status_code == 204
            assert (await client.get("/Which50API/contactLists/1042")).json() == seeded
            assert sorted(p.name for p in files.rglob("*")) == seeded_files
    # without allow_reset there is no such route
    plain = create_app(config)
    async with plain.router.lifespan_context(plain):
        transport = httpx.ASGITransport(app=plain)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://sandbox", headers=headers
        ) as client:
            assert (await client.post("/_sandbox/reset")).status_code == 404


async def test_every_endpoint_runs_on_the_event_loop() -> None:
    """A plain `def` endpoint would run in Starlette's threadpool, beside the loop's own use of
    the one SQLite connection; every endpoint is a coroutine, so all store work stays on the
    loop's thread (see `which50_sandbox._store`)."""
    app = create_app(SandboxConfig(token="T", contacts=0, allow_reset=True))
    async with app.router.lifespan_context(app):
        routes = [r for r in app.routes if isinstance(r, Route)]
        for mount in (r for r in app.routes if isinstance(r, Mount)):
            routes += [r for r in mount.routes if isinstance(r, Route)]
    assert len(routes) > 50
    sync = [r.path for r in routes if not inspect.iscoroutinefunction(r.endpoint)]
    assert sync == []


def test_config_is_checked() -> None:
    with pytest.raises(ValueError, match="token"):
        SandboxConfig(token="")
    with pytest.raises(ValueError, match="in-memory"):
        SandboxConfig(token="T", allow_reset=True, db="/tmp/x.db")
    with pytest.raises(ValueError, match="between 0 and 1"):
        FaultConfig(error_rate=1.5)


def test_public_names() -> None:
    import which50_sandbox

    assert which50_sandbox.__all__ == [
        "BASE_PATH",
        "FROZEN_AT",
        "MAX_BATCH",
        "FaultConfig",
        "SandboxConfig",
        "SandboxServer",
        "SandboxStartError",
        "create_app",
        "run_sandbox",
    ]
