"""No credential in any cassette or fixture; and the scrubbing that keeps them out works.

The recorded tests also check, test by test, that the `which50` log they capture holds no
credential (tests/recorded/conftest.py, `_checks`).
"""

from __future__ import annotations

import base64
import json
import os
import re
from pathlib import Path

import pytest
import yaml
from vcr.request import Request

from tests.recorded import _harness as h

FIXTURE_DIRS = (h.SANDBOX_CASSETTES, h.LIVE_CASSETTES, h.ROOT / "tests" / "data")
FIXTURES = sorted(
    path
    for folder in FIXTURE_DIRS
    if folder.is_dir()
    for path in folder.rglob("*")
    if path.is_file()
)
#: A bearer or basic credential (a challenge's `Bearer realm="..."` is not one).
CREDENTIAL_VALUE = re.compile(r"\b(Bearer|Basic) (?!realm=)[A-Za-z0-9._~+/-]{8,}=*")
JSON = {"Content-Type": "application/json"}
#: Header names that carry credentials or session state.
CREDENTIAL_HEADERS = {"authorization", "proxy-authorization", "cookie", "set-cookie"}


def secrets() -> list[str]:
    """The recording credentials, their basic-auth form, and any live ones in the environment."""
    basic = base64.b64encode(f"{h.USERNAME}:{h.PASSWORD}".encode()).decode()
    live = [os.environ.get(name, "") for name in ("WHICH50_TOKEN", "WHICH50_PASSWORD")]
    return [*h.SECRETS, basic, *(value for value in live if len(value) >= 8)]


def test_there_are_fixtures_to_scan() -> None:
    assert any(path.suffix == ".yaml" for path in FIXTURES)


@pytest.mark.parametrize("path", FIXTURES, ids=[str(p.relative_to(h.ROOT)) for p in FIXTURES])
def test_no_credential_in_a_fixture(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", errors="replace")
    assert not [secret for secret in secrets() if secret in text]
    assert not CREDENTIAL_VALUE.search(text), CREDENTIAL_VALUE.search(text)
    if path.suffix == ".yaml" and path.is_relative_to(h.SANDBOX_CASSETTES.parent.parent):
        for interaction in (yaml.safe_load(text) or {}).get("interactions", []):
            for side in ("request", "response"):
                names = {name.lower() for name in interaction[side].get("headers") or {}}
                assert not names & CREDENTIAL_HEADERS, f"{side} header kept: {names}"


def _request(uri: str, body: bytes, headers: dict[str, str]) -> Request:
    return Request("POST", uri, body, headers)


def test_scrubbing_drops_credential_headers_and_keeps_the_content_type() -> None:
    request = _request(
        "http://127.0.0.1:4010/contactLists",
        b"{}",
        {
            "Authorization": f"Bearer {h.TOKEN}",
            "Cookie": "session=abc",
            "User-Agent": "which50/0.1.0",
            "Content-Type": "application/json",
        },
    )
    h.BASES.active = ["http://127.0.0.1:4010"]
    try:
        scrubbed = h.scrub_request(request)
    finally:
        h.BASES.active = []
    assert dict(scrubbed.headers) == {"content-type": "application/json"}
    assert scrubbed.uri == h.CANONICAL_BASE + "/contactLists"


def test_scrubbing_redacts_credentials_in_the_query_and_the_body() -> None:
    request = _request(
        h.CANONICAL_BASE + "/files?subFolder=docs&access_token=abc&api_key=def",
        b'{"Values":{"Email":"a@x.ie","Password":"hunter2"},"DeviceId":"fcm:1"}',
        {"Content-Type": "application/json"},
    )
    scrubbed = h.scrub_request(request)
    assert "abc" not in scrubbed.uri and "def" not in scrubbed.uri
    assert "subFolder=docs" in scrubbed.uri
    assert (
        b"hunter2" not in scrubbed.body and b"fcm:1" in scrubbed.body and b"a@x.ie" in scrubbed.body
    )
    form = _request(
        h.CANONICAL_BASE + "/x",
        b"user=a&password=hunter2",
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert b"hunter2" not in h.scrub_request(form).body


def test_scrubbing_fixes_the_multipart_boundary() -> None:
    request = _request(
        h.CANONICAL_BASE + "/files",
        b'--3f2a\r\nContent-Disposition: form-data; name="file"\r\n\r\nhi\r\n--3f2a--\r\n',
        {"Content-Type": "multipart/form-data; boundary=3f2a"},
    )
    scrubbed = h.scrub_request(request)
    assert scrubbed.headers["content-type"] == f"multipart/form-data; boundary={h.BOUNDARY}"
    assert scrubbed.body.startswith(f"--{h.BOUNDARY}\r\n".encode())
    assert b"3f2a" not in scrubbed.body


def test_only_the_headers_the_client_reads_are_kept_from_responses() -> None:
    kept = h.scrub_response_headers(
        {
            "Set-Cookie": ["s=1"],
            "Date": ["Fri, 27 Nov 2026 05:10:03 GMT"],
            "Access-Control-Allow-Origin": ["*"],
            "Content-Type": ["application/json"],
            "Retry-After": ["3"],
        }
    )
    assert kept == {"content-type": ["application/json"], "retry-after": ["3"]}


def test_the_webhook_keys_are_redacted_in_requests_and_responses() -> None:
    """The salt key and the API key travel in request bodies (PUT) and in answers (GET)."""
    salt, key = h.SEEDED_WEBHOOK_KEYS
    for name, value in (("SaltKey", salt), ("ApiKey", key), ("salt_key", salt)):
        body = json.dumps({name: value, "Other": "kept"}).encode()
        request = h.scrub_request(_request(h.CANONICAL_BASE + "/webhook/x", body, JSON))
        assert value.encode() not in request.body and b"kept" in request.body
        response = h.scrub_response(
            {
                "status": {"code": 200, "message": "OK"},
                "headers": {"Content-Type": ["application/json"], "Content-Length": ["999"]},
                "body": {"string": body},
            }
        )
        stored = h.body_text(response["body"])
        assert value.encode() not in stored and b"kept" in stored
        assert json.loads(stored)[name] == h.REDACTED
        assert response["headers"]["content-length"] == [str(len(stored))]


def test_a_response_without_credentials_is_stored_byte_for_byte() -> None:
    body = b'{ "Values": {"Email": "a@x.ie"} }'
    response = h.scrub_response(
        {
            "status": {"code": 200, "message": "OK"},
            "headers": {"Content-Type": ["application/json"], "Content-Length": ["33"]},
            "body": {"string": body},
        }
    )
    assert h.body_text(response["body"]) == body
    assert response["headers"] == {"content-length": ["33"], "content-type": ["application/json"]}
