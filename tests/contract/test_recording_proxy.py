"""The recording's validating proxy catches what it is there to catch.

A stub upstream serves one valid and one invalid contact list; Prism 5.14.2 (`prism proxy`, as
`make record` runs it) sits in front, and the recording's own check (`check_prism`) reads what
comes back. With `--errors`, a response that breaks the spec is a violation and a valid one is
not; without `--errors` (the spec-invalid module's proxy), an invalid request is forwarded and
counted, and only the request is blamed.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tests.conftest import SPEC_PATH
from tests.recorded._servers import prism_proxy
from tests.recorded.conftest import Violations, check_prism

BODIES = {
    "/Which50API/contactLists/1057": {"Id": 1057, "Name": "Customers", "Count": 3},
    "/Which50API/contactLists/1042": {"Id": "not a number", "Name": "Broken", "Count": 1},
    "/Which50API/contactLists/1042/linkeddata/31/records": [],
}


class Upstream(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps(BODIES.get(self.path.split("?", 1)[0], {"Message": "?"})).encode()
        self.send_response(200 if self.path.split("?", 1)[0] in BODIES else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture(scope="module")
def upstream() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/Which50API"
    server.shutdown()
    server.server_close()


def _seen(proxy: str, path: str, lenient: bool) -> Violations:
    response = httpx.get(proxy + path, headers={"Authorization": "Bearer t"})
    stored = {
        "status": {"code": response.status_code},
        "headers": {name: response.headers.get_list(name) for name in response.headers},
        "body": {"string": response.content},
    }
    found = Violations()
    check_prism(stored, lenient, found)
    return found


def test_the_strict_proxy_fails_a_response_that_breaks_the_spec(upstream: str) -> None:
    with prism_proxy(upstream, SPEC_PATH, errors=True) as proxy:
        assert _seen(proxy, "/contactLists/1057", lenient=False) == []
        broken = _seen(proxy, "/contactLists/1042", lenient=False)
    assert broken and "Prism answered 500" in broken[0]


def test_the_strict_proxy_fails_a_request_that_breaks_the_spec(upstream: str) -> None:
    with prism_proxy(upstream, SPEC_PATH, errors=True) as proxy:
        found = _seen(proxy, "/contactLists/1042/linkeddata/31/records", lenient=False)
    assert found and "Prism answered 422" in found[0]


def test_the_lenient_proxy_forwards_an_invalid_request_and_blames_only_it(upstream: str) -> None:
    with prism_proxy(upstream, SPEC_PATH, errors=False) as proxy:
        found = _seen(proxy, "/contactLists/1042/linkeddata/31/records", lenient=True)
        assert found.invalid_requests == 1
        # forwarded: the stub answered 200, so the "invalid request got 400" rule objects
        assert found == ["an invalid request got 200, not 400"]
        blamed = _seen(proxy, "/contactLists/1042", lenient=True)
    assert blamed and blamed[0].startswith("the response broke the spec")
