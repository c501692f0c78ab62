"""The servers a recording talks to: the sandbox, and Prism validating proxies in front of it.

`make record` (scripts/record.py) runs pytest with `WHICH50_RECORD=sandbox`; the recorded
tests' session fixture then starts:

- one sandbox, seeded (seed 1, 50 contacts), with `--frozen-time` and `--allow-reset`, and the
  fixed recording credentials of `_harness`;
- Prism 5.14.2, `prism proxy dist/openapi.yaml <sandbox> --errors`: it forwards every request
  and checks the request and the response against the bundled spec; with `--errors`, a
  violation comes back as Prism's own `application/problem+json` error (422 for the request,
  500 for the response) instead of the exchange, and the recording fails on it;
- a second Prism without `--errors`, only for the tests that send a request the spec forbids
  on purpose (`SPEC_INVALID_MODULE`): it forwards the request and reports the violations in an
  `sl-violations` header, which the recording checks names the request and only the request.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
from which50_sandbox.testing import SandboxServer, run_sandbox

from . import _harness as h

PRISM = h.ROOT / "node_modules" / ".bin" / "prism"
BUNDLED_SPEC = h.ROOT / "dist" / "openapi.yaml"
READY_TIMEOUT = 60.0
READY_MARK = b"Prism is listening on"


class RecordingSetupError(RuntimeError):
    """A server of the recording did not start."""


@dataclass(frozen=True)
class Recording:
    sandbox: SandboxServer
    strict: str  # base URL of the `--errors` proxy (no base path: Prism serves the spec's paths)
    lenient: str  # base URL of the proxy that forwards invalid requests

    def reset(self) -> None:
        """Drop every change the last test made: each cassette starts from the same state."""
        origin = self.sandbox.base_url.rsplit("/Which50API", 1)[0]
        response = httpx.post(
            f"{origin}/_sandbox/reset", headers={"Authorization": f"Bearer {h.TOKEN}"}
        )
        if response.status_code != 204:
            raise RecordingSetupError(f"sandbox reset answered {response.status_code}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def prism_proxy(upstream: str, spec: Path, *, errors: bool) -> Iterator[str]:
    """Run `prism proxy` on a free port of 127.0.0.1 and yield its base URL."""
    if not PRISM.exists():
        raise RecordingSetupError(f"{PRISM} is missing: run `make install`")
    port = _free_port()
    args = [str(PRISM), "proxy", str(spec), upstream, "--host", "127.0.0.1"]
    args += ["--port", str(port), *(["--errors"] if errors else [])]
    process = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    assert process.stdout is not None
    seen = b""
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            while READY_MARK not in seen:
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(left):
                    raise RecordingSetupError(f"Prism did not start:\n{seen.decode()[-2000:]}")
                chunk = os.read(process.stdout.fileno(), 65536)
                if not chunk:
                    raise RecordingSetupError(f"Prism exited:\n{seen.decode()[-2000:]}")
                seen += chunk
        # Prism logs every request; drain its output so that it never blocks on a full pipe.
        fd = process.stdout.fileno()
        threading.Thread(
            target=lambda: all(iter(lambda: os.read(fd, 65536), b"")), daemon=True
        ).start()
        yield f"http://127.0.0.1:{port}"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        process.stdout.close()


@contextlib.contextmanager
def recording_servers() -> Iterator[Recording]:
    credentials = [
        f"--readonly-token={h.READONLY_TOKEN}",
        f"--username={h.USERNAME}",
        f"--password={h.PASSWORD}",
        "--allow-reset",
    ]
    if not BUNDLED_SPEC.exists():
        raise RecordingSetupError(f"{BUNDLED_SPEC} is missing: run `make bundle`")
    with contextlib.ExitStack() as stack:
        # Prism watches its spec file and restarts when it changes: give it a copy of its own,
        # so that another `make bundle` (or recording) cannot restart it mid-run.
        spec = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "openapi.yaml"
        shutil.copyfile(BUNDLED_SPEC, spec)
        sandbox = stack.enter_context(
            run_sandbox(
                seed=1, contacts=50, frozen_time=True, token=h.TOKEN, extra_args=credentials
            )
        )
        strict = stack.enter_context(prism_proxy(sandbox.base_url, spec, errors=True))
        lenient = stack.enter_context(prism_proxy(sandbox.base_url, spec, errors=False))
        yield Recording(sandbox=sandbox, strict=strict, lenient=lenient)
