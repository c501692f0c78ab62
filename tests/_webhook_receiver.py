"""A tiny webhook receiver on loopback, and the spec's word on what it receives.

`receiving()` runs a server on 127.0.0.1 that records every call made to it and answers
`status` (with `headers`, after waiting for `release` when a test holds it). Tests subscribe its
`url(...)` to the sandbox's events, then wait for the calls to arrive, and check each against
the callback `event` of `createWebhookSubscription` (`check_against_spec`).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from openapi_schema_validator import OAS30Validator, oas30_format_checker
from which50.types import Contact

from tests.conftest import load_spec

CALLBACK_OF = ("/webhook/subscribe/{eventNameOrId}", "post", "event")


@dataclass(frozen=True)
class Call:
    """One call the receiver got."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class Receiver:
    """The calls made to the server so far, and a way to wait for more."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.status = 200
        self.headers: dict[str, str] = {}
        #: while cleared, each call waits (up to 10 s) before it is answered
        self.release = threading.Event()
        self.release.set()
        self.calls: list[Call] = []
        self._arrived = threading.Condition()

    def url(self, path: str = "/hook", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def record(self, call: Call) -> None:
        with self._arrived:
            self.calls.append(call)
            self._arrived.notify_all()

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Call]:
        """The first `count` calls, once they have arrived; AssertionError after `timeout`."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.calls) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{len(self.calls)} calls arrived, not {count}")
                self._arrived.wait(left)
            return self.calls[:count]

    def calls_to(self, path: str) -> list[Call]:
        with self._arrived:
            return [call for call in self.calls if call.path == path]


@contextmanager
def receiving() -> Iterator[Receiver]:
    """A receiver listening on a free port of 127.0.0.1 for the `with` block."""
    holder: list[Receiver] = []

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            receiver = holder[0]
            receiver.record(Call(self.command, self.path, dict(self.headers.items()), body))
            receiver.release.wait(10)
            self.send_response(receiver.status)
            for name, value in receiver.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_POST = do_GET = do_PUT = _handle

        def log_message(self, format: str, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    holder.append(Receiver(server.server_address[1]))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield holder[0]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass(frozen=True)
class _Callback:
    body: OAS30Validator
    contact: OAS30Validator
    headers: dict[str, tuple[bool, OAS30Validator]] = field(default_factory=dict)


def _validator(spec: dict[str, Any], schema: dict[str, Any]) -> OAS30Validator:
    # the spec's components beside the schema, so that its `#/components/...` refs resolve
    return OAS30Validator(
        {**schema, "components": spec["components"]}, format_checker=oas30_format_checker
    )


@cache
def _callback() -> _Callback:
    spec = load_spec()
    path, method, name = CALLBACK_OF
    [(_, item)] = spec["paths"][path][method]["callbacks"][name].items()
    operation = item["post"]
    headers = {
        param["name"].lower(): (bool(param.get("required")), _validator(spec, param["schema"]))
        for param in operation["parameters"]
        if param["in"] == "header"
    }
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    contact = {"$ref": "#/components/schemas/Contact"}
    return _Callback(_validator(spec, body), _validator(spec, contact), headers)


def check_against_spec(call: Call) -> dict[str, Any]:
    """The call's JSON body, once the call is found to be what the spec's callback describes:
    a POST of `application/json`, its body a `WebhookEvent` whose `Data` is a `Contact` (the
    `ContactCreated` event), its headers of the schemas the callback gives them."""
    spec = _callback()
    assert call.method == "POST"
    headers = {name.lower(): value for name, value in call.headers.items()}
    assert headers["content-type"] == "application/json"
    for name, (required, validator) in spec.headers.items():
        if name in headers:
            validator.validate(headers[name])
        else:
            assert not required, f"no {name} header"
    body: dict[str, Any] = json.loads(call.body)
    spec.body.validate(body)
    assert body["EventName"] == "ContactCreated"
    spec.contact.validate(body["Data"])
    Contact.model_validate(body["Data"])
    return body
