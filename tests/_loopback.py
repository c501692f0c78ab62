"""Loopback in a fresh network namespace: `unshare -n make test` gets `lo` down, and the
sandboxes the tests start listen on 127.0.0.1. Bring it up when it is down and we may (root in
the namespace has CAP_NET_ADMIN there); on an ordinary machine `lo` is up and nothing happens.
"""

from __future__ import annotations

import fcntl
import socket
import struct
import sys

SIOCGIFFLAGS = 0x8913
SIOCSIFFLAGS = 0x8914
IFF_UP = 0x1
_IFREQ = "16sh"


def _flags(sock: socket.socket) -> int:
    answer = fcntl.ioctl(sock, SIOCGIFFLAGS, struct.pack(_IFREQ, b"lo", 0))
    flags: int = struct.unpack(_IFREQ, answer[: struct.calcsize(_IFREQ)])[1]
    return flags


def ensure_loopback_up() -> str | None:
    """None when `lo` is up (or was just brought up); else why the tests cannot listen."""
    if sys.platform != "linux":
        return None
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            flags = _flags(sock)
            if flags & IFF_UP:
                return None
            fcntl.ioctl(sock, SIOCSIFFLAGS, struct.pack(_IFREQ, b"lo", flags | IFF_UP))
        except OSError as exc:
            return f"the loopback interface is down and could not be brought up: {exc}"
    return None
