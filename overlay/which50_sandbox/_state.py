"""The state one sandbox app holds: storage, clock, id minting, files folder, import runner,
webhook dispatcher."""

from __future__ import annotations

import pathlib
import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from starlette.requests import Request

from ._clock import Clock
from ._config import SandboxConfig
from ._ids import ContactIds

if TYPE_CHECKING:
    from ._imports import ImportRunner
    from ._webhooks import Dispatcher


@dataclass
class Sandbox:
    config: SandboxConfig
    conn: sqlite3.Connection
    clock: Clock
    ids: ContactIds
    files_root: pathlib.Path
    #: private scratch space (deleted files being streamed back); never under files_root
    scratch: pathlib.Path
    importer: ImportRunner = field(init=False)
    webhooks: Dispatcher = field(init=False)


def sandbox(request: Request) -> Sandbox:
    state: Sandbox = request.app.state.sandbox
    return state
