"""tests/_loopback.py: in a fresh network namespace, loopback comes up and connections work."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests._loopback import ensure_loopback_up
from tests.conftest import ROOT

PROBE = """
import socket, sys
sys.path.insert(0, sys.argv[1])
from tests._loopback import ensure_loopback_up

def talk():
    with socket.create_server(("127.0.0.1", 0)) as server:
        socket.create_connection(server.getsockname(), timeout=2).close()

try:
    talk()
    print("up before")
except OSError:
    print("down before")
print(ensure_loopback_up())
talk()
print("up after")
"""


def test_loopback_is_up_here() -> None:
    assert ensure_loopback_up() is None


def test_loopback_comes_up_in_a_new_network_namespace() -> None:
    unshare = shutil.which("unshare")
    made = unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0
    if not made:  # no namespaces on this machine: the case above is the only one there is
        return
    assert unshare
    probe = subprocess.run(
        [unshare, "-rn", sys.executable, "-c", PROBE, str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.split("\n")[:3] == ["down before", "None", "up after"]
