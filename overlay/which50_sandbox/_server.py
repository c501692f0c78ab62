"""Serving the app with uvicorn on 127.0.0.1, and the ready line."""

from __future__ import annotations

import asyncio
import logging
import signal
import socket
from collections.abc import Callable
from typing import Any, cast

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from ._app import create_app
from ._config import BASE_PATH, SandboxConfig
from ._faults import TRANSPORT_KEY

HOST = "127.0.0.1"


class _Protocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, exposing the transport so faults can drop connections.

    It also sets TCP_NODELAY: uvicorn writes a response's head and body separately, and with
    Nagle's algorithm on, the body of every keep-alive response after the first waits for the
    client's delayed ACK (40 ms).
    """

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)  # type: ignore[arg-type]

    def on_message_begin(self) -> None:
        super().on_message_begin()
        scope: dict[str, Any] = cast(dict[str, Any], self.scope)
        scope["extensions"] = {TRANSPORT_KEY: self.transport}


def ready_line(port: int, config: SandboxConfig) -> str:
    """The one line printed when the sandbox is ready, in `.env` / shell syntax."""
    return f"WHICH50_BASE_URL=http://{HOST}:{port}{BASE_PATH} WHICH50_TOKEN={config.token}"


async def serve(
    config: SandboxConfig, port: int, on_ready: Callable[[int], None], *, log_level: str
) -> None:
    """Serve until SIGINT or SIGTERM, calling `on_ready(port)` once it accepts connections."""
    app = create_app(config)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, port))
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            http=_Protocol,
            lifespan="on",
            log_level=log_level,
            access_log=log_level in ("debug", "trace"),
            timeout_graceful_shutdown=2,
            server_header=False,
            date_header=not config.frozen_time,
        )
    )
    # uvicorn re-raises the signal that stopped it once it has shut down; with these handlers
    # in place that re-raise is a no-op, so a stop by signal exits 0.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _ignore)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            await task
            return
        await asyncio.sleep(0.005)
    on_ready(sock.getsockname()[1])
    await task


def _ignore(signum: int, frame: object) -> None:
    logging.getLogger("which50_sandbox").info("stopping on signal %s", signum)
