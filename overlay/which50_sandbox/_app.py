"""The ASGI app: routes under `/Which50API`, auth, faults, errors, and the sandbox's state."""

from __future__ import annotations

import contextlib
import logging
import pathlib
import shutil
import tempfile
from collections.abc import AsyncIterator, Mapping
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from . import (
    _fallback,
    _routes_contacts,
    _routes_data,
    _routes_files,
    _routes_journeys,
    _routes_lists,
    _routes_sends,
    _routes_webhooks,
)
from ._auth import AuthMiddleware
from ._clock import Clock
from ._config import BASE_PATH, RESET_PATH, SandboxConfig
from ._faults import FaultMiddleware
from ._http import ApiError, error_response
from ._ids import ContactIds
from ._imports import ImportRunner
from ._seed import seed, seed_files
from ._state import Sandbox
from ._store import StoreError, connect, stored_seed
from ._webhooks import Dispatcher

log = logging.getLogger("which50_sandbox")


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    messages = {404: "No resource matches the request URI.", 405: "The method is not allowed."}
    message = messages.get(exc.status_code, str(exc.detail))
    headers = dict(exc.headers or {})
    if "Allow" in headers:  # Starlette joins a set: sort it, so that answers repeat exactly
        headers["Allow"] = ", ".join(sorted(m.strip() for m in headers["Allow"].split(",")))
    return error_response(ApiError(exc.status_code, message, headers=headers))


async def _server_error(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(ApiError(500, "An error has occurred.", type(exc).__name__))


def build_state(config: SandboxConfig) -> Sandbox:
    """Storage, data and folders for one sandbox.

    A new database is seeded. A reopened one (`--db` naming a sandbox database) keeps its data
    and is not seeded again; it must be opened with the seed it was built with, which keys
    every `EncContactId`. Undelivered webhook events it holds are delivered when the app starts
    (`Dispatcher.resume`). Files are not in the database: an empty files folder (a fresh
    temporary one, say) gets the dataset's files, and one with anything in it is left as it
    is. Import jobs it left `Queued` or `Running` are resumed when the app starts
    (`ImportRunner.resume`). A file that is not a sandbox database is a `StoreError` (a
    ValueError), and is left untouched.
    """
    conn = connect(config.db)
    stored = stored_seed(conn)
    if stored is not None and stored != config.seed:
        conn.close()
        raise StoreError(
            f"{config.db} was built with --seed {stored} (it keys every EncContactId); "
            "reopen it with that seed"
        )
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="which50-sandbox-"))
    files_root = config.files_dir or scratch / "files"
    files_root.mkdir(parents=True, exist_ok=True)
    (scratch / "deleted").mkdir()
    state = Sandbox(
        config=config,
        conn=conn,
        clock=Clock(frozen=config.frozen_time),
        ids=ContactIds(config.seed),
        files_root=files_root,
        scratch=scratch / "deleted",
    )
    state.importer = ImportRunner(state)
    state.webhooks = Dispatcher(state)
    if stored is None:
        seed(conn, files_root, seed=config.seed, contacts=config.contacts)
    elif not any(files_root.iterdir()):
        seed_files(files_root)
    return state


async def close_state(state: Sandbox) -> None:
    """Stop the import runner and the webhook deliveries, close the database and remove the
    sandbox's scratch folder."""
    await state.importer.stop()
    await state.webhooks.stop()
    state.conn.close()
    shutil.rmtree(state.scratch.parent, ignore_errors=True)


async def _reset(request: Request) -> Response:
    """`POST /_sandbox/reset` (only with `allow_reset`): drop every change, seed again."""
    old: Sandbox = request.app.state.sandbox
    await close_state(old)
    if old.config.files_dir is not None:  # the caller's folder: empty it, keep the folder
        for entry in old.config.files_dir.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    request.app.state.sandbox = build_state(old.config)
    return Response(status_code=204)


def stateful_routes() -> list[BaseRoute]:
    """The hand-written routes, under `BASE_PATH`: the operations the sandbox keeps state for."""
    return [
        *_routes_contacts.routes,
        *_routes_lists.routes,
        *_routes_data.routes,
        *_routes_files.routes,
        *_routes_sends.routes,
        *_routes_journeys.routes,
        *_routes_webhooks.routes,
    ]


def api_routes(spec: Mapping[str, Any]) -> list[BaseRoute]:
    """Every route under `BASE_PATH`: the hand-written ones, and an example-backed one for each
    operation of `spec` that none of them serves (see `_fallback`), a concrete path segment
    before a template."""
    stateful = stateful_routes()
    return _fallback.ordered([*stateful, *_fallback.example_routes(spec, stateful)])


def create_app(config: SandboxConfig, *, spec: Mapping[str, Any] | None = None) -> Starlette:
    """A sandbox as an ASGI app (seeded at once unless `config.db` is a sandbox database to
    reopen; its folders go at lifespan shutdown). Raises ValueError when `config.db` names a
    file that is not a sandbox database.

    It serves every operation of `spec` (by default the spec the packages were generated from,
    `_fallback.packaged_spec()`): statefully where a hand-written route serves it, from the
    spec's example otherwise.

    Usable in-process, e.g. with `httpx.ASGITransport(app=create_app(config))`; import jobs a
    reopened database left running resume at lifespan startup.
    """

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.sandbox.importer.resume()
        app.state.sandbox.webhooks.resume()
        try:
            yield
        finally:
            await close_state(app.state.sandbox)

    routes = api_routes(_fallback.packaged_spec() if spec is None else spec)
    top: list[BaseRoute] = [Mount(BASE_PATH, routes=routes)]
    if config.allow_reset:
        top.append(Route(RESET_PATH, _reset, methods=["POST"]))
    app = Starlette(
        routes=top,
        middleware=[
            Middleware(FaultMiddleware, faults=config.faults),
            Middleware(AuthMiddleware, config=config),
        ],
        exception_handlers={
            ApiError: _api_error,
            HTTPException: _http_error,
            Exception: _server_error,
        },
        lifespan=lifespan,
    )
    app.state.sandbox = build_state(config)
    return app
