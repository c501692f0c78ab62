"""A call never outlives its deadline, whatever the server does: against a real socket that
answers one byte at a time, and with the retry waits counted in."""

from __future__ import annotations

import asyncio
import contextvars
import socket
import ssl
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import httpcore
import httpx
import pytest
import which50
from which50._deadline import AsyncDeadlineBackend, DeadlineBackend, deadline_at, install

from tests._twins import call_on

from .conftest import CONTACT, Harness, json_response

DRIP_INTERVAL = 0.05
RESPONSE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n"
    + b" " * 2000
)


@dataclass
class Dripper:
    """A loopback HTTP server that sends its answer one byte every `DRIP_INTERVAL` seconds
    (100 s for the whole answer), from the first byte of the headers on."""

    base_url: str
    stop: threading.Event


def _serve(listener: socket.socket, stop: threading.Event) -> None:
    listener.settimeout(0.1)
    while not stop.is_set():
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        threading.Thread(target=_drip, args=(conn, stop), daemon=True).start()


def _drip(conn: socket.socket, stop: threading.Event) -> None:
    with conn:
        conn.recv(65536)
        for index in range(len(RESPONSE)):
            if stop.wait(DRIP_INTERVAL):
                return
            try:
                conn.sendall(RESPONSE[index : index + 1])
            except OSError:
                return


@pytest.fixture
def dripper() -> Iterator[Dripper]:
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()
    thread = threading.Thread(target=_serve, args=(listener, stop), daemon=True)
    thread.start()
    port = listener.getsockname()[1]
    yield Dripper(f"http://127.0.0.1:{port}/Which50API", stop)
    stop.set()
    thread.join()
    listener.close()


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("settings", [{"timeout": 1}, {"deadline": 1}])
def test_a_dripping_server_cannot_hold_a_call_past_its_deadline(
    dripper: Dripper, kind: str, settings: dict[str, float]
) -> None:
    started = time.monotonic()
    with pytest.raises(which50.APITimeoutError, match="passed its deadline of 1 s") as caught:
        call_on(
            kind,
            {"base_url": dripper.base_url, "token": "t", **settings},
            lambda c: c.contacts.get("Q2w5"),
        )
    elapsed = time.monotonic() - started
    # Without a deadline each byte comes well within the read timeout: 100 s in all.
    assert elapsed < 10, elapsed
    assert caught.value.method == "GET"


def test_the_default_transport_bounds_every_socket_operation() -> None:
    with which50.Which50(base_url="http://x.test/api") as client:
        backend = client._network._pool._network_backend  # type: ignore[attr-defined]
        assert isinstance(backend, DeadlineBackend)

    async def main() -> None:
        async with which50.AsyncWhich50(base_url="http://x.test/api") as client:
            backend = client._network._pool._network_backend  # type: ignore[attr-defined]
            assert isinstance(backend, AsyncDeadlineBackend)

    asyncio.run(main())


def test_a_retry_wait_that_would_pass_the_deadline_is_not_taken(harness: Harness) -> None:
    with pytest.raises(which50.InternalServerError):
        harness.call(
            lambda r: httpx.Response(503, headers={"Retry-After": "5"}),
            lambda c: c.contacts.get("Q2w5"),
            deadline=2,
        )
    assert harness.sleeps == [] and len(harness.requests) == 1


def test_retries_that_fit_the_deadline_are_taken(harness: Harness) -> None:
    responses = iter(
        [httpx.Response(503, headers={"Retry-After": "1"}), json_response(200, CONTACT)]
    )
    found = harness.call(lambda r: next(responses), lambda c: c.contacts.get("Q2w5"), deadline=30)
    assert found.enc_contact_id == "Q2w5" and harness.sleeps == [1.0]


class _SlowStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body whose chunks come slowly, from a transport the client cannot bound per read."""

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(200):
            time.sleep(0.02)
            yield b" "

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for _ in range(200):
            await asyncio.sleep(0.02)
            yield b" "


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_transport_of_the_callers_is_bounded_between_chunks(kind: str) -> None:
    transport = httpx.MockTransport(lambda r: httpx.Response(200, stream=_SlowStream()))
    started = time.monotonic()
    with pytest.raises(which50.APITimeoutError, match="deadline"):
        call_on(
            kind,
            {"base_url": "http://x.test/api", "transport": transport, "deadline": 0.5},
            lambda c: c.contacts.get("Q2w5"),
        )
    assert time.monotonic() - started < 3  # 4 s without the bound


def _with_deadline(seconds: float) -> contextvars.Token[float | None]:
    return deadline_at.set(time.monotonic() + seconds)


def test_the_backend_cuts_every_operation_to_the_time_left() -> None:
    backend = DeadlineBackend(httpcore.MockBackend([b"HTTP/1.1 200 OK\r\n"]))
    token = _with_deadline(30)
    try:
        stream = backend.connect_tcp("x.test", 80, timeout=60)
        assert stream.read(100, timeout=60) == b"HTTP/1.1 200 OK\r\n"
        stream.write(b"GET / HTTP/1.1\r\n", timeout=None)
        tls = stream.start_tls(ssl.create_default_context(), "x.test", timeout=5)
        tls.get_extra_info("is_readable")
        backend.connect_unix_socket("/tmp/x.sock", timeout=None).close()
        backend.sleep(0)
    finally:
        deadline_at.reset(token)
    token = _with_deadline(-1)
    try:
        with pytest.raises(httpcore.ReadTimeout):
            stream.read(100)
        with pytest.raises(httpcore.WriteTimeout):
            stream.write(b"x")
        with pytest.raises(httpcore.ConnectTimeout):
            backend.connect_tcp("x.test", 80)
    finally:
        deadline_at.reset(token)
    stream.close()


def test_the_async_backend_cuts_every_operation_to_the_time_left() -> None:
    async def main() -> None:
        backend = AsyncDeadlineBackend(httpcore.AsyncMockBackend([b"HTTP/1.1 200 OK\r\n"]))
        token = _with_deadline(30)
        try:
            stream = await backend.connect_tcp("x.test", 80, timeout=60)
            assert await stream.read(100) == b"HTTP/1.1 200 OK\r\n"
            await stream.write(b"GET / HTTP/1.1\r\n")
            tls = await stream.start_tls(ssl.create_default_context(), "x.test", timeout=5)
            tls.get_extra_info("is_readable")
            await (await backend.connect_unix_socket("/tmp/x.sock")).aclose()
            await backend.sleep(0)
        finally:
            deadline_at.reset(token)
        token = _with_deadline(-1)
        try:
            with pytest.raises(httpcore.ReadTimeout):
                await stream.read(100)
            with pytest.raises(httpcore.WriteTimeout):
                await stream.write(b"x")
            with pytest.raises(httpcore.ConnectTimeout):
                await backend.connect_tcp("x.test", 80)
        finally:
            deadline_at.reset(token)
        await stream.aclose()

    asyncio.run(main())


def test_a_proxy_pool_is_bounded_and_other_transports_are_left_alone() -> None:
    assert install(httpx.HTTPTransport(proxy="http://127.0.0.1:9")) is True
    assert install(httpx.MockTransport(lambda r: httpx.Response(200))) is False
