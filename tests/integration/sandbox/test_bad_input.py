"""Bad input over a real keep-alive connection: a 400 with the Error body, then the same
connection carries on."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from which50_sandbox.testing import SandboxServer

LONG_NAME = "a" * 256


def deep_json(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


def local_port(response: httpx.Response) -> int:
    """The client-side port of the connection that carried `response`."""
    stream = response.extensions["network_stream"]
    port: int = stream.get_extra_info("client_addr")[1]
    return port


# (name, request) of input that once reached an unhandled exception or was stored unreadable
BAD: list[tuple[str, Callable[[httpx.Client], httpx.Response]]] = [
    (
        "a million nested arrays",
        lambda c: c.post("/contactLists/1042/contact", content=deep_json(1_000_000)),
    ),
    (
        "NaN in a contact",
        lambda c: c.post("/contactLists/1042/contact", content=b'{"Values": {"City": NaN}}'),
    ),
    (
        "Infinity in a send",
        lambda c: c.put(
            "/journeys/sendEmail",
            content=b'{"EmailId": 9120, "Contact": {"ListId": 1042, "Values": '
            b'{"Email": "n@example.ie", "Points": Infinity}}}',
        ),
    ),
    (
        "an overflowing number in a PATCH",
        lambda c: c.patch(
            "/contactLists/1042/contact?match=Email&Email=n@example.ie",
            content=b'{"Values": {"City": 1e400}}',
        ),
    ),
    (
        "a lone surrogate in a device registration",
        lambda c: c.post(
            "/contactLists/1042/registerDevice",
            content=b'{"DeviceId": "d", "Contact": {"Values": {"City": "\\udc00"}}}',
        ),
    ),
    (
        "an over-long upload name",
        lambda c: c.post("/files", files={"file": (LONG_NAME, b"x")}),
    ),
    (
        "an over-long subFolder",
        lambda c: c.post("/files", params={"subFolder": LONG_NAME}, files={"file": ("x", b"x")}),
    ),
    ("an over-long filePath", lambda c: c.get("/files", params={"filePath": LONG_NAME})),
    (
        "an over-long filePath to delete",
        lambda c: c.delete("/files", params={"filePath": LONG_NAME, "download": "true"}),
    ),
]


@pytest.mark.parametrize("send", [send for _, send in BAD], ids=[name for name, _ in BAD])
def test_bad_input_is_a_400_and_the_connection_stays_healthy(
    shared_sandbox: SandboxServer, send: Callable[[httpx.Client], httpx.Response]
) -> None:
    with httpx.Client(
        base_url=shared_sandbox.base_url,
        headers={"Authorization": f"Bearer {shared_sandbox.token}"},
        timeout=30,
    ) as client:
        ports = []
        first = client.get("/contactLists/1042")
        ports.append(local_port(first))
        assert first.status_code == 200
        bad = send(client)
        ports.append(local_port(bad))
        assert bad.status_code == 400, bad.text
        assert set(bad.json()) == {"Message", "MessageDetail"}
        after = client.post(
            "/contactLists/1042/contact?match=Email", json={"Values": {"Email": "n@example.ie"}}
        )
        ports.append(local_port(after))
        assert after.status_code == 200
        listed = client.get("/contactLists/1042/contacts")
        ports.append(local_port(listed))
        assert listed.status_code == 200
        assert len(set(ports)) == 1  # one connection carried all four requests
