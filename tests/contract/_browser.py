"""Debian's headless Chromium, driven over the DevTools protocol on a pipe (no port, no network).

Started with the flags this machine needs (no sandbox as root, nothing in the background) and a
fresh empty profile. Host names resolve to nothing, so the page can reach no server at all; the
protocol's Network events still show every request the page tries.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

CHROMIUM = "/usr/bin/chromium"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-pipe",
)
TIMEOUT = 30.0
VIEWPORT = (1280, 900)


def high_fd(fd: int) -> int:
    """`fd` moved to a number of 10 or more."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


class Browser:
    """One Chromium with one page; `with Browser() as b: b.open(url); b.evaluate(js)`."""

    def __init__(self) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="which50-chromium-"))
        to_chrome, self._w = os.pipe()
        self._r, from_chrome = os.pipe()
        # Above 4, so that placing them on 3 and 4 in the child cannot clobber one another.
        to_chrome, from_chrome = (high_fd(fd) for fd in (to_chrome, from_chrome))
        # The protocol pipe is Chromium's fd 3 (commands in) and fd 4 (replies out).
        self.proc = subprocess.Popen(
            [
                "/bin/bash",
                "-c",
                f'exec "$@" 3<&{to_chrome} 4>&{from_chrome}',
                "bash",
                CHROMIUM,
                *FLAGS,
                f"--user-data-dir={self.profile}",
            ],
            pass_fds=(to_chrome, from_chrome),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome)
        os.close(from_chrome)
        self._buffer = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []
        try:
            self._open_page()
        except BaseException:
            self.close()  # no Chromium process or pipe outlives a failed start
            raise

    def _open_page(self) -> None:
        target = self.call("Target.createTarget", url="about:blank", session=False)
        self.session = self.call(
            "Target.attachToTarget", targetId=target["targetId"], flatten=True, session=False
        )["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=VIEWPORT[0],
            height=VIEWPORT[1],
            deviceScaleFactor=1,
            mobile=False,
        )

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._r], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._r, 1 << 20)
            if not chunk:
                raise EOFError("Chromium closed the protocol pipe")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, *, session: bool = True, **params: Any) -> dict[str, Any]:
        """Send one protocol command and wait for its result (events are kept meanwhile)."""
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._w, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._message(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply["result"]
                return result
            self.events.append(reply)

    def wait_for(self, event: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        for i, seen in enumerate(self.events):
            if seen.get("method") == event:
                return self.events.pop(i)
        while True:
            message = self._message(deadline)
            if message.get("method") == event:
                return message
            self.events.append(message)

    def open(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"JavaScript failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, target: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        target.write_bytes(base64.b64decode(data))

    def requests(self) -> dict[str, str]:
        """Every request the page tried so far: its URL, and how it ended ("loaded", "failed",
        or why the browser blocked it, such as "csp")."""
        urls: dict[str, str] = {}
        ends: dict[str, str] = {}
        for event in self.events:
            params = event.get("params", {})
            method = event.get("method")
            if method == "Network.requestWillBeSent":
                urls[params["requestId"]] = params["request"]["url"]
            elif method == "Network.loadingFinished":
                ends[params["requestId"]] = "loaded"
            elif method == "Network.loadingFailed":
                ends[params["requestId"]] = params.get("blockedReason") or "failed"
        return {url: ends.get(rid, "pending") for rid, url in urls.items()}

    def log(self) -> list[str]:
        """The browser's log entries for the page (CSP violations among them)."""
        return [
            e["params"]["entry"]["text"] for e in self.events if e.get("method") == "Log.entryAdded"
        ]

    def close(self) -> None:
        try:
            self.call("Browser.close", session=False)
        except (OSError, TimeoutError, EOFError, RuntimeError):
            self.proc.kill()
        self.proc.wait(timeout=TIMEOUT)
        os.close(self._w)
        os.close(self._r)
        shutil.rmtree(self.profile, ignore_errors=True)
