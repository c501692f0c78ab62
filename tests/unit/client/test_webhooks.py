"""`which50.webhooks`: the signature scheme (inferred) and `construct_event`, which trusts a call
only when its signature, timestamp and API key verify, and raises only its typed errors."""

from __future__ import annotations

import hashlib
import hmac
import json
import math
from typing import Any

import pytest
import which50
from hypothesis import given, settings
from hypothesis import strategies as st
from which50.types import WebhookEvent
from which50.webhooks import API_KEY_HEADER, construct_event, signature_header

SALT = "s3cret-salt-\u00e9\u00e8"
API_KEY = "whk-7f3a9c"
NOW = 1_764_067_595
EVENT: dict[str, Any] = {
    "EventName": "ContactCreated",
    "SubscriptionId": 812,
    "CreatedDate": "2025-11-25T10:46:35.1282548+00:00",
    "Data": {"EncContactId": "Q2w5TnZ4R2hKa0xtNw", "ListId": 1042, "Values": {"Email": "a@x.ie"}},
}
BODY = json.dumps(EVENT).encode()
HEADER = signature_header(BODY, SALT, timestamp=NOW)
NO_MATCH = "no v1 signature of the X-Which50-Signature header matches the body and the salt key"
EXAMPLES = 300
"""Cases per property; `derandomize` makes them the same on every run."""
PROPERTY = settings(max_examples=EXAMPLES, derandomize=True, deadline=None)


def verify(
    body: bytes | bytearray | memoryview = BODY, header: str | None = HEADER, **options: Any
) -> WebhookEvent:
    return construct_event(body, header, options.pop("salt_key", SALT), now=NOW, **options)


def test_a_signed_call_gives_its_event() -> None:
    event = verify()
    assert isinstance(event, WebhookEvent)
    assert event.model_dump(by_alias=True, mode="json")["Data"] == EVENT["Data"]
    assert (event.event_name, event.subscription_id) == ("ContactCreated", 812)


def test_the_header_is_the_documented_scheme() -> None:
    """`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the salt key>`."""
    digest = hmac.new(SALT.encode(), f"{NOW}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert f"t={NOW},v1={digest}" == HEADER


def test_any_of_several_signatures_may_match() -> None:
    """A sender rotating its key signs with both; other schemes are ignored."""
    old = signature_header(BODY, "old-salt", timestamp=NOW).split(",")[1]
    new = HEADER.split(",")[1]
    for header in (f"t={NOW},{old},{new}", f"t={NOW},{new},{old}", f"v0=abc, t={NOW} ,{new}"):
        assert verify(header=header).subscription_id == 812
    assert verify(header=f"t={NOW},{old},{new}", salt_key="old-salt").subscription_id == 812


def test_a_wrong_key_fails_without_showing_either_key() -> None:
    with pytest.raises(which50.WebhookSignatureError) as caught:
        verify(salt_key="another-salt")
    text = f"{caught.value} {caught.value!r} {vars(caught.value)}"
    assert "matches" in text and SALT not in text and "another-salt" not in text
    assert isinstance(caught.value, which50.WebhookError)
    assert isinstance(caught.value, which50.Which50Error)
    assert type(caught.value).__module__ == "which50"


@pytest.mark.parametrize(
    ("age", "tolerance", "ok"),
    [(0, 300, True), (300, 300, True), (301, 300, False), (-300, 300, True), (-301, 300, False),
     (10**6, None, True), (1, 0, False), (0, 0, True), (31, 30.5, False)],
)  # fmt: skip
def test_the_timestamp_must_be_within_the_tolerance(
    age: int, tolerance: float | None, ok: bool
) -> None:
    """A replayed (old) call fails, and so does one dated in the future beyond the tolerance."""
    header = signature_header(BODY, SALT, timestamp=NOW - age)
    if ok:
        assert verify(header=header, tolerance=tolerance).subscription_id == 812
    else:
        with pytest.raises(which50.WebhookSignatureError, match="tolerance"):
            verify(header=header, tolerance=tolerance)


def test_the_clock_is_the_default_now() -> None:
    fresh = signature_header(BODY, SALT)
    assert construct_event(BODY, fresh, SALT).subscription_id == 812
    with pytest.raises(which50.WebhookSignatureError, match="old"):
        construct_event(BODY, HEADER, SALT)  # signed at NOW, in 2025


def test_the_api_key_is_checked_when_one_is_expected() -> None:
    assert verify(api_key=API_KEY, received_api_key=API_KEY).subscription_id == 812
    assert verify(received_api_key="anything").subscription_id == 812  # none expected
    for received, message in ((None, f"no {API_KEY_HEADER}"), ("whk-7f3a9d", "does not match")):
        with pytest.raises(which50.WebhookSignatureError, match=message) as caught:
            verify(api_key=API_KEY, received_api_key=received)
        assert API_KEY not in str(caught.value)


def test_the_signature_is_checked_before_the_api_key() -> None:
    with pytest.raises(which50.WebhookSignatureError, match="matches"):
        verify(salt_key="another-salt", api_key=API_KEY, received_api_key=API_KEY)


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "   ",
        "garbage",
        "t=",
        f"t={NOW}",
        "v1=" + "0" * 64,
        f"t=abc,{HEADER.split(',')[1]}",
        f"t=-{NOW},{HEADER.split(',')[1]}",
        f"t={NOW}.0,{HEADER.split(',')[1]}",
        f"t=1e9,{HEADER.split(',')[1]}",
        f"t=\u0661\u0662\u0663,{HEADER.split(',')[1]}",
        "t=" + "9" * 16 + "," + HEADER.split(",")[1],
        f"t={NOW},t={NOW},{HEADER.split(',')[1]}",
        f"{HEADER},",
        f",{HEADER}",
        f"{HEADER},=x",
        HEADER.replace("=", ":"),
        HEADER.upper(),
        HEADER + "0",
        HEADER[:-1],
        f"t={NOW},v1=" + "\udcff" * 64,
    ],
)
def test_a_malformed_header_is_a_signature_error(header: str | None) -> None:
    with pytest.raises(which50.WebhookSignatureError):
        verify(header=header)


@pytest.mark.parametrize(
    ("body", "where"),
    [
        (b"", "body"),
        (b"not json", "body"),
        (json.dumps({**EVENT, "SubscriptionId": "x"}).encode(), "SubscriptionId"),
        (json.dumps({k: v for k, v in EVENT.items() if k != "Data"}).encode(), "Data"),
        (b"[" * 10_000, "body"),
    ],
)
def test_a_signed_body_that_is_not_an_event_is_a_webhook_error(body: bytes, where: str) -> None:
    header = signature_header(body, SALT, timestamp=NOW)
    with pytest.raises(which50.WebhookError) as caught:
        verify(body, header)
    assert not isinstance(caught.value, which50.WebhookSignatureError)
    assert where in str(caught.value)


def test_bad_arguments_raise_before_anything_is_checked() -> None:
    with pytest.raises(TypeError, match="bytes, not str"):
        construct_event(BODY.decode(), HEADER, SALT)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="bytes"):
        construct_event(None, HEADER, SALT)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="salt_key must not be empty"):
        construct_event(BODY, HEADER, "")
    with pytest.raises(TypeError, match="salt_key"):
        construct_event(BODY, HEADER, SALT.encode())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="signature_header"):
        construct_event(BODY, HEADER.encode(), SALT)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="api_key must not be empty"):
        construct_event(BODY, HEADER, SALT, api_key="")
    with pytest.raises(TypeError, match="received_api_key"):
        construct_event(BODY, HEADER, SALT, received_api_key=b"k")  # type: ignore[arg-type]
    for tolerance in (-1, math.nan, math.inf, True, "300"):
        with pytest.raises(ValueError, match="tolerance"):
            construct_event(BODY, HEADER, SALT, tolerance=tolerance)  # type: ignore[arg-type]
    for timestamp in (-1, 1.5, "1", True):
        with pytest.raises((TypeError, ValueError), match="timestamp"):
            signature_header(BODY, SALT, timestamp=timestamp)  # type: ignore[arg-type]
    assert verify(bytearray(BODY), HEADER).subscription_id == 812
    assert verify(memoryview(BODY), HEADER).subscription_id == 812


# --- properties -------------------------------------------------------------------------------


@PROPERTY
@given(position=st.integers(min_value=0), flip=st.integers(min_value=1, max_value=255))
def test_any_byte_of_the_body_changed_fails(position: int, flip: int) -> None:
    tampered = bytearray(BODY)
    tampered[position % len(BODY)] ^= flip
    with pytest.raises(which50.WebhookSignatureError):
        verify(bytes(tampered))


@PROPERTY
@given(position=st.integers(min_value=0), replacement=st.characters())
def test_any_character_of_the_header_changed_fails(position: int, replacement: str) -> None:
    index = position % len(HEADER)
    if HEADER[index] == replacement:
        replacement = chr((ord(replacement) + 1) % 0x110000)
    tampered = HEADER[:index] + replacement + HEADER[index + 1 :]
    with pytest.raises(which50.WebhookSignatureError):
        verify(header=tampered)


@PROPERTY
@given(key=st.text(min_size=1))
def test_any_other_key_fails(key: str) -> None:
    if key == SALT:
        return
    with pytest.raises(which50.WebhookSignatureError) as caught:
        verify(salt_key=key)
    assert caught.value.args == (NO_MATCH,)  # the same words whatever the key: none shows


@PROPERTY
@given(age=st.integers(min_value=1, max_value=10**9), tolerance=st.integers(0, 10**6))
def test_a_timestamp_beyond_the_tolerance_fails_either_way(age: int, tolerance: int) -> None:
    for stamp in (NOW - tolerance - age, NOW + tolerance + age):
        header = signature_header(BODY, SALT, timestamp=max(stamp, 0))
        if abs(NOW - max(stamp, 0)) <= tolerance:
            continue
        with pytest.raises(which50.WebhookSignatureError, match="tolerance"):
            verify(header=header, tolerance=tolerance)


@PROPERTY
@given(header=st.text())
def test_an_arbitrary_header_is_only_ever_a_signature_error(header: str) -> None:
    with pytest.raises(which50.WebhookSignatureError):
        verify(header=header)


@PROPERTY
@given(body=st.binary() | st.text().map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_an_arbitrary_signed_body_is_an_event_or_a_webhook_error(body: bytes) -> None:
    try:
        event = verify(body, signature_header(body, SALT, timestamp=NOW))
    except which50.WebhookError as error:
        assert not isinstance(error, which50.WebhookSignatureError)
    else:
        assert isinstance(event, WebhookEvent)


@PROPERTY
@given(
    key=st.text(min_size=1),
    body=st.binary(),
    stamp=st.integers(min_value=0, max_value=10**15 - 1),
)
def test_what_is_signed_verifies(key: str, body: bytes, stamp: int) -> None:
    """Any key (lone surrogates too), any body and any timestamp: the signature verifies; the
    body then parses or is a `WebhookError`, never a signature error."""
    try:
        construct_event(body, signature_header(body, key, timestamp=stamp), key, tolerance=None)
    except which50.WebhookError as error:
        assert not isinstance(error, which50.WebhookSignatureError)
