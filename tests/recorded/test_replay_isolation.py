"""In a replay nothing may leave the process, not even for loopback."""

from __future__ import annotations

import socket

import pytest


def test_a_replay_cannot_open_a_connection(record_mode: str) -> None:
    if record_mode != "none":  # recording: the network is open, by design
        return
    with (
        socket.create_server(("127.0.0.1", 0)) as server,  # listening is local; connecting is not
        socket.socket() as client,
        pytest.raises(RuntimeError, match="Network is disabled"),
    ):
        client.connect(server.getsockname())
