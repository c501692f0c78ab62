"""The pytest plugin of the sandbox (registered through the `pytest11` entry point).

Fixtures:

- `which50_sandbox`: a fresh sandbox per test, with `run_sandbox`'s defaults (seed 1, 50
  contacts, frozen time, no faults); yields a `SandboxServer`.
- `which50_sandbox_factory`: call it with `run_sandbox`'s keyword options to start another
  sandbox; every sandbox it started is stopped at teardown.

`run_sandbox(...)` is the context manager behind both (from `which50_sandbox._process`), usable
outside pytest too, where pytest need not be installed: `from which50_sandbox import
run_sandbox`. It starts `python -m which50_sandbox --port 0` as a subprocess, reads the ready
line, and stops the process with SIGTERM (then SIGKILL after a timeout) on exit.

Fault rates (`rate_limit`, `error_rate`, `drop_rate`, `truncate_rate`) are fractions of
requests, 0..1, drawn from a generator seeded by `fault_seed`; `rate_limit` answers 429 with
`Retry-After: 0` unless `extra_args` sets `--retry-after`. This module needs only the standard
library and pytest, so the plugin loads (and costs next to nothing) wherever `which50` is
installed; without the `sandbox` extra, a fixture fails with a `SandboxStartError` that says
`pip install "which50[sandbox]"`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import pytest

from ._process import (
    READY_TIMEOUT,
    STOP_TIMEOUT,
    USERNAME,
    SandboxServer,
    SandboxStartError,
    run_sandbox,
)

__all__ = [
    "READY_TIMEOUT",
    "STOP_TIMEOUT",
    "USERNAME",
    "SandboxServer",
    "SandboxStartError",
    "run_sandbox",
    "which50_sandbox",
    "which50_sandbox_factory",
]


@pytest.fixture
def which50_sandbox() -> Iterator[SandboxServer]:
    """A fresh sandbox for one test (seed 1, 50 contacts, frozen time, no faults)."""
    with run_sandbox() as server:
        yield server


@pytest.fixture
def which50_sandbox_factory() -> Iterator[Callable[..., SandboxServer]]:
    """Start sandboxes with `run_sandbox`'s options; all are stopped at teardown."""
    with contextlib.ExitStack() as stack:

        def start(**options: object) -> SandboxServer:
            return stack.enter_context(run_sandbox(**options))  # type: ignore[arg-type]

        yield start
