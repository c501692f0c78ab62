"""What recordings share: where cassettes live, how exchanges are scrubbed, the test credentials.

Used by `tests/recorded/conftest.py` (recording and replay) and by the contract tests, which
read the cassettes back.

Every cassette stores requests under one canonical base URL, `CANONICAL_BASE`, whatever server
they were recorded against (Prism in front of the sandbox, or the real API). Replays run the
client against that base URL, and matching ignores the host, so no port or host name of the
recording machine ends up in a cassette.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml
from which50_sandbox._seed import webhook_keys

ROOT = Path(__file__).resolve().parents[2]
SANDBOX_CASSETTES = ROOT / "tests" / "recorded" / "cassettes"
LIVE_CASSETTES = ROOT / "tests" / "live" / "cassettes"

#: The base URL every cassette is stored under, and the one replays send to (never resolved:
#: `.test` is reserved, and replays run with the network blocked).
CANONICAL_BASE = "https://api.which50.test/Which50API"

#: The module whose tests send requests the spec forbids, on purpose, to record the API's
#: documented answer to them. Recorded through a Prism proxy without `--errors`, which forwards
#: such requests and reports the violations in a header; the contract tests require that each
#: of its requests is invalid and each response valid.
SPEC_INVALID_MODULE = "test_spec_invalid_requests"

#: The credentials `make record` starts the sandbox with. They are fixed so that the secret scan
#: can look for them; replays send them too (matching ignores headers).
TOKEN = "w50-recording-token-7d1f0c2b9e"
READONLY_TOKEN = "w50-recording-readonly-4a8e61"
USERNAME = "recorder"
PASSWORD = "w50-recording-password-c35b"
WRONG_TOKEN = "w50-recording-wrong-token-0000"
#: The webhook keys the recorded tests set (tests/recorded/test_webhooks.py), and the ones the
#: recording sandbox is seeded with (`--seed 1`): cassettes hold neither, only `REDACTED`.
WEBHOOK_SALT_KEY = "w50-recording-salt-key-5e0b"
WEBHOOK_API_KEY = "w50-recording-webhook-api-key-91d2"
SEEDED_WEBHOOK_KEYS = webhook_keys(1)
SECRETS = (
    TOKEN,
    READONLY_TOKEN,
    PASSWORD,
    WRONG_TOKEN,
    WEBHOOK_SALT_KEY,
    WEBHOOK_API_KEY,
    *SEEDED_WEBHOOK_KEYS,
)

#: Request headers kept in cassettes; everything else (Authorization, cookies, User-Agent with
#: its version numbers) is dropped.
REQUEST_HEADERS = frozenset({"content-type"})
#: Response headers kept in cassettes: the ones the client reads. Prism's CORS headers, Date and
#: connection headers are dropped, so re-recording gives the same bytes.
RESPONSE_HEADERS = frozenset(
    {"content-type", "content-length", "content-disposition", "retry-after", "www-authenticate"}
)
#: A query or body key that holds a credential (matched case-insensitively) is redacted, in
#: requests and in JSON responses (`SaltKey` and `ApiKey`, the webhook keys, are answered).
CREDENTIAL_KEY = re.compile(
    r"pass(word)?|secret|token|api[-_]?key|salt[-_]?key|auth|session", re.IGNORECASE
)
REDACTED = "<redacted>"
#: The fixed multipart boundary of cassettes (httpx draws a random one per request).
BOUNDARY = "which50-recorded-boundary"


class Bases:
    """The base URLs being recorded against; requests under them are rewritten to the canonical."""

    def __init__(self) -> None:
        self.active: list[str] = []

    def canonical(self, url: str) -> str:
        for base in (*self.active, CANONICAL_BASE):
            prefix = base.rstrip("/")
            if url == prefix or url.startswith(prefix + "/") or url.startswith(prefix + "?"):
                return CANONICAL_BASE + url[len(prefix) :]
        return url


BASES = Bases()


def _redact_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(k, REDACTED if CREDENTIAL_KEY.search(k) else v) for k, v in pairs]


def _redact_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: REDACTED if CREDENTIAL_KEY.search(k) and isinstance(v, str) else _redact_json(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_redact_json(item) for item in value]
    return value


def _body_bytes(body: Any) -> bytes:
    if body is None:
        return b""
    return body.encode() if isinstance(body, str) else bytes(body)


def scrub_body(content_type: str, body: bytes) -> tuple[str, bytes]:
    """The content type and body as stored: a fixed boundary, and credentials redacted."""
    media = content_type.split(";", 1)[0].strip().lower()
    if media == "multipart/form-data":
        found = re.search(r"boundary=\"?([^\";]+)\"?", content_type)
        if found:
            body = body.replace(found.group(1).encode(), BOUNDARY.encode())
            content_type = f"multipart/form-data; boundary={BOUNDARY}"
    elif media == "application/json" and body:
        try:
            parsed = json.loads(body)
        except ValueError:
            return content_type, body
        redacted = _redact_json(parsed)
        if redacted != parsed:
            body = json.dumps(redacted, separators=(",", ":")).encode()
    elif media == "application/x-www-form-urlencoded" and body:
        pairs = parse_qsl(body.decode(), keep_blank_values=True)
        body = urlencode(_redact_pairs(pairs)).encode()
    return content_type, body


def scrub_request(request: Any) -> Any:
    """vcrpy's `before_record_request`: applied when recording and when matching a replay."""
    parts = urlsplit(BASES.canonical(request.uri))
    query = urlencode(_redact_pairs(parse_qsl(parts.query, keep_blank_values=True)))
    request.uri = urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    content_type = request.headers.get("content-type") or request.headers.get("Content-Type") or ""
    kept = {k: v for k, v in request.headers.items() if k.lower() in REQUEST_HEADERS}
    request.headers = {}
    for key, value in kept.items():
        request.headers[key.lower()] = value
    if content_type:
        content_type, body = scrub_body(content_type, _body_bytes(request.body))
        request.headers["content-type"] = content_type
        request.body = body
    return request


def scrub_response_headers(headers: dict[str, list[str]]) -> dict[str, list[str]]:
    return {k.lower(): v for k, v in sorted(headers.items()) if k.lower() in RESPONSE_HEADERS}


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """vcrpy's response as stored: only the headers the client reads, and the credentials of a
    JSON body redacted (its `Content-Length` then counts the body as stored)."""
    headers = scrub_response_headers(response["headers"])
    content_type = " ".join(headers.get("content-type", []))
    body = response["body"]
    raw = body_text(body)
    if content_type:
        _, scrubbed = scrub_body(content_type, raw)
        if scrubbed != raw:
            body = {**body, "string": scrubbed} if isinstance(body, dict) else scrubbed
            if "content-length" in headers:
                headers["content-length"] = [str(len(scrubbed))]
    return {**response, "headers": headers, "body": body}


def cassette_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.yaml")) if root.is_dir() else []


def interactions(path: Path) -> Iterator[dict[str, Any]]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    yield from loaded.get("interactions", [])


def body_text(body: Any) -> bytes:
    """A stored body (`{"string": ...}` or a bare value) as bytes."""
    if isinstance(body, dict):
        body = body.get("string")
    return _body_bytes(body)
