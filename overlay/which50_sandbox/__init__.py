"""which50_sandbox: a stateful local Which50 API for trying, recording and testing the client.

Run it with `python -m which50_sandbox --port 0` (it prints one `WHICH50_BASE_URL=...
WHICH50_TOKEN=...` line when ready), for a `with` block with `run_sandbox()` (a subprocess; no
pytest needed), use the pytest fixtures of `which50_sandbox.testing`, or build the ASGI app
in-process with `create_app(SandboxConfig(token=...))`.

Importing this package needs only the standard library: the server's dependencies (the
`which50[sandbox]` extra) are imported when an app is created, so the pytest plugin loads
wherever `which50` is installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._config import BASE_PATH, FROZEN_AT, MAX_BATCH, FaultConfig, SandboxConfig
from ._process import SandboxServer, SandboxStartError, run_sandbox

if TYPE_CHECKING:
    from starlette.applications import Starlette


def create_app(config: SandboxConfig) -> Starlette:
    """A fresh, seeded sandbox as an ASGI app (see `which50_sandbox._app.create_app`)."""
    from ._app import create_app as create

    return create(config)


__all__ = [
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
