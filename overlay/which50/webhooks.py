"""Receiving the calls Which50 makes to your server: check the signature, then parse the event.

```python
from which50.webhooks import construct_event

event = construct_event(
    raw_body,                                   # the bytes as received, before any parsing
    request_headers.get("X-Which50-Signature"),
    salt_key,                                   # client.webhooks.get_salt_key().salt_key
)
print(event.event_name, event.data["EncContactId"])
```

**The scheme is a guess.** Which50 does not document whether or how it signs webhook calls.
This module checks the scheme the spec infers and the sandbox uses, after Stripe's, and the
real API may differ:

- the header `X-Which50-Signature` is `t=<unix seconds>,v1=<hex>`, where `<hex>` is the
  HMAC-SHA256, keyed with the account's salt key (UTF-8), of the timestamp, a `.`, and the raw
  body;
- it may hold several `v1=` signatures (a sender rotating its key signs with both), and one
  that matches is enough; other schemes (`v0=`, `v2=`) are ignored;
- the header `X-Which50-Api-Key`, when the account has an API key, carries it.

`construct_event` compares in constant time (`hmac.compare_digest`), refuses a timestamp more
than `tolerance` seconds from now (a replayed call), and raises `which50.WebhookSignatureError`
for anything it cannot trust, or `which50.WebhookError` for a signed body that is not a
`WebhookEvent`. Its messages never hold a key. Bad arguments (a `str` body, an empty key) raise
`TypeError` or `ValueError`. `signature_header` builds the header, for tests and for the
sandbox.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import time

from pydantic import ValidationError
from which50_models import WebhookEvent

from ._errors import WebhookError, WebhookSignatureError

__all__ = [
    "API_KEY_HEADER",
    "DEFAULT_TOLERANCE",
    "SIGNATURE_HEADER",
    "WebhookError",
    "WebhookEvent",
    "WebhookSignatureError",
    "construct_event",
    "signature_header",
]

#: The header that carries the signature.
SIGNATURE_HEADER = "X-Which50-Signature"
#: The header that carries the account's webhook API key, when it has one.
API_KEY_HEADER = "X-Which50-Api-Key"
#: How far from now, in seconds, a signature's timestamp may be (either way).
DEFAULT_TOLERANCE = 300.0

_TIMESTAMP = re.compile(r"[0-9]{1,15}")
_SCHEME = "v1"


def _body(payload: object) -> bytes:
    if isinstance(payload, str):
        raise TypeError(
            "payload must be the raw body as bytes, not str: the signature covers the bytes as "
            "they were sent"
        )
    if not isinstance(payload, bytes | bytearray | memoryview):
        raise TypeError(f"payload must be bytes, not {type(payload).__name__}")
    return bytes(payload)


def _key(key: object, name: str) -> bytes:
    if not isinstance(key, str):
        raise TypeError(f"{name} must be a str, not {type(key).__name__}")
    if not key:
        raise ValueError(f"{name} must not be empty")
    return key.encode("utf-8", "surrogatepass")


def _digest(key: bytes, timestamp: str, payload: bytes) -> bytes:
    """The hex HMAC-SHA256 of `<timestamp>.<payload>`, as ASCII bytes."""
    message = timestamp.encode("ascii") + b"." + payload
    return hmac.new(key, message, hashlib.sha256).hexdigest().encode("ascii")


def signature_header(
    payload: bytes | bytearray | memoryview, salt_key: str, *, timestamp: int | None = None
) -> str:
    """The `X-Which50-Signature` value for `payload`, signed with `salt_key` at `timestamp`
    (unix seconds; now by default): `t=<timestamp>,v1=<hex>`."""
    body, key = _body(payload), _key(salt_key, "salt_key")
    if timestamp is None:
        timestamp = int(time.time())
    if isinstance(timestamp, bool) or not isinstance(timestamp, int):
        raise TypeError(f"timestamp must be an int, not {type(timestamp).__name__}")
    if timestamp < 0:
        raise ValueError("timestamp must not be negative")
    stamp = str(timestamp)
    return f"t={stamp},{_SCHEME}={_digest(key, stamp, body).decode('ascii')}"


def _parse(header: str) -> tuple[str, list[str]]:
    """The timestamp (its digits as sent) and the `v1` signatures of a header."""
    timestamps: list[str] = []
    signatures: list[str] = []
    for item in header.split(","):
        name, equals, value = item.strip().partition("=")
        if not equals or not name:
            raise WebhookSignatureError(
                f"the {SIGNATURE_HEADER} header is malformed: expected t=<unix seconds>,"
                f"{_SCHEME}=<hex>"
            )
        if name == "t":
            timestamps.append(value)
        elif name == _SCHEME:
            signatures.append(value)
    if len(timestamps) != 1 or not _TIMESTAMP.fullmatch(timestamps[0]):
        raise WebhookSignatureError(
            f"the {SIGNATURE_HEADER} header has no valid timestamp: expected one t=<unix seconds>"
        )
    if not signatures:
        raise WebhookSignatureError(f"the {SIGNATURE_HEADER} header has no {_SCHEME} signature")
    return timestamps[0], signatures


def construct_event(
    payload: bytes | bytearray | memoryview,
    signature_header: str | None,
    salt_key: str,
    *,
    tolerance: float | None = DEFAULT_TOLERANCE,
    api_key: str | None = None,
    received_api_key: str | None = None,
    now: float | None = None,
) -> WebhookEvent:
    """The event of a webhook call, once its signature is checked.

    `payload` is the raw request body (bytes, before any parsing: re-serialised JSON does not
    match), `signature_header` the value of its `X-Which50-Signature` header (None when it has
    none), and `salt_key` the account's salt key. `tolerance` is how many seconds the
    signature's timestamp may be from `now` (default: the clock), either way; None turns the
    check off. With `api_key` (the account's webhook API key), `received_api_key` (the call's
    `X-Which50-Api-Key` header) must equal it.

    Raises `WebhookSignatureError` when the call cannot be trusted, `WebhookError` when its
    signed body is not a `WebhookEvent`; the scheme is a guess (see the module's docstring).
    """
    body, key = _body(payload), _key(salt_key, "salt_key")
    expected_key = None if api_key is None else _key(api_key, "api_key")
    if tolerance is not None and (
        isinstance(tolerance, bool)
        or not isinstance(tolerance, int | float)
        or not math.isfinite(tolerance)
        or tolerance < 0
    ):
        raise ValueError("tolerance must be a finite number of seconds, at least 0, or None")
    if signature_header is not None and not isinstance(signature_header, str):
        raise TypeError(f"signature_header must be a str, not {type(signature_header).__name__}")
    if received_api_key is not None and not isinstance(received_api_key, str):
        raise TypeError(f"received_api_key must be a str, not {type(received_api_key).__name__}")
    if signature_header is None or not signature_header.strip():
        raise WebhookSignatureError(f"no {SIGNATURE_HEADER} header: the call is not signed")
    stamp, signatures = _parse(signature_header)
    expected = _digest(key, stamp, body)
    matched = False
    for given in signatures:  # every one is compared: no early exit
        matched |= hmac.compare_digest(expected, given.encode("utf-8", "surrogatepass"))
    if not matched:
        raise WebhookSignatureError(
            f"no {_SCHEME} signature of the {SIGNATURE_HEADER} header matches the body and the "
            "salt key"
        )
    if tolerance is not None:
        drift = (time.time() if now is None else now) - int(stamp)
        if abs(drift) > tolerance:
            when = "old" if drift > 0 else "in the future"
            raise WebhookSignatureError(
                f"the signature's timestamp is {abs(drift):.0f} s {when}, beyond the tolerance "
                f"of {tolerance:g} s: a replayed or delayed call"
            )
    if expected_key is not None:
        if received_api_key is None:
            raise WebhookSignatureError(f"no {API_KEY_HEADER} header, and an api_key is expected")
        if not hmac.compare_digest(expected_key, received_api_key.encode("utf-8", "surrogatepass")):
            raise WebhookSignatureError(f"the {API_KEY_HEADER} header does not match the api_key")
    try:
        return WebhookEvent.model_validate_json(body)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False, include_context=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "body"
        raise WebhookError(
            f"the webhook call is signed, but its body is not a WebhookEvent: {where}: "
            f"{first['msg']}"
        ) from None
