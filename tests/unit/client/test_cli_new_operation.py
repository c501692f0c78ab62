"""A new operation in the spec is a new command, with no hand edit.

The spec gets operations it does not have (a GET with a path and a query parameter, a POST with
a JSON body, and a PUT of a file as multipart form data); the generator writes
`which50_resources` from it, as `make generate` does, into a temp folder that a `which50`
process then imports first. That process has the commands, with their help, and sends the
requests to a server on loopback.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts import gen_python
from tests.conftest import ROOT, load_spec

NAMES = yaml.safe_load((ROOT / "openapi" / "python.yaml").read_text(encoding="utf-8"))
LISTS = [{"Id": 1042, "Name": "Segment A", "Count": 3}]


def _spec_with_new_operations() -> dict[str, Any]:
    spec = copy.deepcopy(load_spec())
    answer = {
        "description": "The segments.",
        "content": {
            "application/json": {
                "schema": {"type": "array", "items": {"$ref": "#/components/schemas/ContactsList"}},
                "example": LISTS,
            }
        },
    }
    spec["paths"]["/contactLists/{contactListId}/segments"] = {
        "get": {
            "operationId": "listContactListSegments",
            "tags": ["ContactLists"],
            "summary": "List the segments of a ContactList",
            "parameters": [
                {"$ref": "#/components/parameters/ContactListId"},
                {
                    "name": "limit",
                    "in": "query",
                    "description": "At most this many segments.",
                    "schema": {"type": "integer", "format": "int32"},
                },
            ],
            "responses": {"200": answer},
        },
        "post": {
            "operationId": "createContactListSegment",
            "tags": ["ContactLists"],
            "summary": "Create a segment of a ContactList",
            "parameters": [{"$ref": "#/components/parameters/ContactListId"}],
            "requestBody": {
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/ImportJobCreateRequest"}
                    }
                }
            },
            "responses": {"200": answer},
        },
        "put": {
            "operationId": "uploadContactListSegment",
            "tags": ["ContactLists"],
            "summary": "Upload a segment of a ContactList as a file",
            "parameters": [{"$ref": "#/components/parameters/ContactListId"}],
            "requestBody": {
                "content": {
                    "multipart/form-data": {
                        "schema": {"$ref": "#/components/schemas/FileUploadRequest"}
                    }
                }
            },
            "responses": {"200": answer},
        },
    }
    return spec


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("generated")
    gen_python.build(root / "which50_resources", _spec_with_new_operations(), NAMES)
    return root


class _Server(ThreadingHTTPServer):
    seen: list[tuple[str, str, str, bytes]]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        self.server.seen.append(
            (self.command, self.path, self.headers.get("Authorization", ""), body)
        )
        payload = json.dumps(LISTS).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.seen = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


def _which50(generated: Path, *words: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WHICH50_")}
    env["PYTHONPATH"] = os.pathsep.join([str(generated), env.get("PYTHONPATH", "")])
    code = "import sys; from which50._cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *words],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_new_operations_are_commands_with_help(generated: Path) -> None:
    listed = _which50(generated, "contact-lists", "--help")
    assert listed.returncode == 0
    assert "list-segments" in listed.stdout and "create-segment" in listed.stdout
    shown = _which50(generated, "contact-lists", "list-segments", "--help")
    text = " ".join(shown.stdout.split())
    assert "GET /contactLists/{contactListId}/segments" in text
    assert "CONTACT_LIST_ID" in text and "--limit" in text and "At most this many" in text


def test_the_new_commands_send_their_requests(
    generated: Path, server: _Server, tmp_path: Path
) -> None:
    base = f"http://127.0.0.1:{server.server_address[1]}/Which50API"
    connection = ["--base-url", base, "--token", "tok-new-op"]
    got = _which50(generated, "contact-lists", "list-segments", "1042", "--limit", "5", *connection)
    assert (got.returncode, got.stderr) == (0, "")
    assert json.loads(got.stdout) == LISTS
    made = _which50(
        generated, "contact-lists", "create-segment", "1042", "--field-names", "Email",
        "--field-names", "City", *connection,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    segment = tmp_path / "segment.csv"
    segment.write_bytes(b"Email\nseg@example.ie\n")
    sent = _which50(
        generated, "contact-lists", "upload-segment", "1042", "--file", str(segment), *connection
    )
    assert sent.returncode == 0, sent.stderr
    method, path, auth, body = server.seen.pop()
    assert (method, path, auth) == (
        "PUT",
        "/Which50API/contactLists/1042/segments",
        "Bearer tok-new-op",
    )
    assert b'name="file"; filename="segment.csv"' in body and b"seg@example.ie" in body
    assert server.seen == [
        ("GET", "/Which50API/contactLists/1042/segments?limit=5", "Bearer tok-new-op", b""),
        (
            "POST",
            "/Which50API/contactLists/1042/segments",
            "Bearer tok-new-op",
            b'{"FieldNames":["Email","City"]}',
        ),
    ]


def test_the_installed_package_has_not_got_them() -> None:
    """The commands above come from the temp package alone."""
    from which50_resources.commands import COMMANDS

    new = {"listContactListSegments", "createContactListSegment", "uploadContactListSegment"}
    assert not new & {c.operation_id for c in COMMANDS}
