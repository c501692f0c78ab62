"""Run the sandbox as a subprocess for the length of a `with` block: `run_sandbox`.

It needs only the standard library (not pytest, not the `sandbox` extra's packages in this
process): it starts `python -m which50_sandbox --port 0`, reads the ready line, and stops the
process with SIGTERM (then SIGKILL after a timeout) on exit. `which50_sandbox.testing` builds
its pytest fixtures on it; `from which50_sandbox import run_sandbox` works anywhere.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import secrets
import selectors
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ._config import missing_extra

__all__ = ["SandboxServer", "SandboxStartError", "run_sandbox"]

READY_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0
USERNAME = "sandbox"


@dataclass(frozen=True)
class SandboxServer:
    """A running sandbox: where it is and how to authenticate."""

    base_url: str  # "http://127.0.0.1:PORT/Which50API"
    token: str  # full-access bearer token
    username: str  # full-access basic credentials
    password: str
    readonly_token: str  # bearer token that gets 403 on writes
    files_dir: pathlib.Path
    process: subprocess.Popen[bytes] | None


class SandboxStartError(RuntimeError):
    """The sandbox cannot run here (its extra is missing), exited, or printed no ready line in
    time."""


def _read_ready_line(process: subprocess.Popen[bytes], timeout: float) -> str:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            raise SandboxStartError(f"no ready line within {timeout} s")
    line = process.stdout.readline().decode().strip()
    if not line.startswith("WHICH50_BASE_URL="):
        if not line and process.wait(STOP_TIMEOUT) is not None:
            raise SandboxStartError(
                f"the sandbox exited with code {process.returncode} before it was ready "
                "(its error is on stderr, above)"
            )
        raise SandboxStartError(f"unexpected first line from the sandbox: {line!r}")
    return line


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


@contextlib.contextmanager
def run_sandbox(
    *,
    seed: int = 1,
    contacts: int = 50,
    frozen_time: bool = True,
    latency_ms: float = 0,
    rate_limit: float = 0,
    error_rate: float = 0,
    drop_rate: float = 0,
    truncate_rate: float = 0,
    fault_seed: int = 0,
    db: str = ":memory:",
    files_dir: pathlib.Path | None = None,
    token: str | None = None,
    extra_args: Sequence[str] = (),
) -> Iterator[SandboxServer]:
    """Run a sandbox subprocess on a free port of 127.0.0.1 for the `with` block."""
    problem = missing_extra()
    if problem is not None:
        raise SandboxStartError(problem)
    token = token or secrets.token_urlsafe(24)
    readonly_token = "ro-" + secrets.token_urlsafe(24)
    password = secrets.token_urlsafe(16)
    with contextlib.ExitStack() as stack:
        if files_dir is None:
            files_dir = pathlib.Path(stack.enter_context(tempfile.TemporaryDirectory()))
        args = [
            sys.executable,
            "-m",
            "which50_sandbox",
            "--port=0",
            f"--token={token}",
            f"--username={USERNAME}",
            f"--password={password}",
            f"--readonly-token={readonly_token}",
            f"--seed={seed}",
            f"--contacts={contacts}",
            f"--db={db}",
            f"--files-dir={files_dir}",
            f"--latency-ms={latency_ms}",
            f"--rate-limit={rate_limit}",
            f"--error-rate={error_rate}",
            f"--drop-rate={drop_rate}",
            f"--truncate-rate={truncate_rate}",
            f"--fault-seed={fault_seed}",
            *(["--frozen-time"] if frozen_time else []),
            *extra_args,
        ]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        process = subprocess.Popen(args, stdout=subprocess.PIPE, env=env)
        stack.callback(_stop, process)
        try:
            line = _read_ready_line(process, READY_TIMEOUT)
        except SandboxStartError:
            process.kill()
            raise
        # The URL only: the token is the one passed, which may hold spaces or quotes.
        base_url = line.split(maxsplit=1)[0].removeprefix("WHICH50_BASE_URL=")
        yield SandboxServer(
            base_url=base_url,
            token=token,
            username=USERNAME,
            password=password,
            readonly_token=readonly_token,
            files_dir=files_dir,
            process=process,
        )
