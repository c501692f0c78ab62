"""A sandbox app in this process, with its lifespan, behind an `httpx.AsyncClient`."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Mapping
from typing import Any

import httpx
from starlette.applications import Starlette
from which50_sandbox import SandboxConfig, _app

TOKEN = "T"


@contextlib.asynccontextmanager
async def in_process(
    config: SandboxConfig, *, spec: Mapping[str, Any] | None = None, **options: Any
) -> AsyncIterator[tuple[httpx.AsyncClient, Starlette]]:
    """The client (full-access token ``T``, base URL the API's) and the running app, built from
    `spec` (by default the spec the packages were generated from)."""
    app = _app.create_app(config, spec=spec)
    headers = {"Authorization": f"Bearer {TOKEN}", **options.pop("headers", {})}
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://sandbox/Which50API",
            headers=headers,
            **options,
        ) as client,
    ):
        yield client, app
