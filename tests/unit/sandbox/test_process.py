"""The sandbox as a process: the ready line, clean stops, and byte-for-byte repeatability."""

from __future__ import annotations

import pathlib
import re
import signal
import subprocess
import sys

import httpx
import pytest
from which50_sandbox.testing import SandboxServer, run_sandbox

READY = re.compile(r"WHICH50_BASE_URL=http://127\.0\.0\.1:\d+/Which50API WHICH50_TOKEN=\S+\n")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_one_ready_line_and_a_clean_stop(sig: signal.Signals) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "which50_sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert READY.fullmatch(line), line
    token = line.split("WHICH50_TOKEN=")[1].strip()
    assert len(token) >= 32  # a random token when none is given
    base_url = line.split()[0].split("=", 1)[1]
    assert httpx.get(
        base_url + "/contactLists", headers={"Authorization": f"Bearer {token}"}
    ).is_success
    process.send_signal(sig)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 0
    assert out == ""  # nothing but the ready line on stdout
    assert err == ""  # quiet by default


def test_cli_refuses_bad_rates() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "which50_sandbox", "--error-rate", "2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "between 0 and 1" in proc.stderr


def test_cli_refuses_a_reset_of_a_database_file(tmp_path: pathlib.Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "which50_sandbox", "--allow-reset", f"--db={tmp_path / 'x.db'}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "in-memory database" in proc.stderr


def test_cli_reopens_a_database_file_with_its_data(tmp_path: pathlib.Path) -> None:
    db = str(tmp_path / "sandbox.db")
    with (
        run_sandbox(db=db, token="T") as first,
        httpx.Client(base_url=first.base_url, headers={"Authorization": "Bearer T"}) as client,
    ):
        made = client.post(
            "/contactLists/1042/contact?match=Email", json={"Values": {"Email": "kept@ex.org"}}
        ).json()
        lists = client.get("/contactLists").json()
    with (
        run_sandbox(db=db, token="T") as second,
        httpx.Client(base_url=second.base_url, headers={"Authorization": "Bearer T"}) as client,
    ):
        assert client.get("/contactLists").json() == lists  # nothing seeded twice
        kept = client.get(f"/contacts/{made['EncContactId']}")
        assert kept.status_code == 200 and kept.json()["Values"] == {"Email": "kept@ex.org"}
        # the dataset's files are served from the new (empty) files folder
        assert client.get("/files", params={"filePath": "exports/README.txt"}).status_code == 200


@pytest.mark.parametrize("content", [b"", b"not a database\n"])
def test_cli_refuses_a_file_that_is_not_a_sandbox_database(
    tmp_path: pathlib.Path, content: bytes
) -> None:
    path = tmp_path / "notes.db"
    if content:
        path.write_bytes(content)
    else:  # an SQLite database of something else
        subprocess.run(
            [
                sys.executable,
                "-c",
                f"import sqlite3; sqlite3.connect({str(path)!r}).execute('CREATE TABLE t (x)')",
            ],
            check=True,
        )
    before = path.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "which50_sandbox", f"--db={path}"],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,  # a sandbox that took the file would serve until stopped
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "not a which50 sandbox database" in proc.stderr
    assert path.read_bytes() == before


def transcript(server: SandboxServer) -> list[bytes]:
    """A fixed sequence of requests, reads and writes, and the raw bytes of every answer."""
    out: list[bytes] = []
    with httpx.Client(
        base_url=server.base_url, headers={"Authorization": f"Bearer {server.token}"}
    ) as client:

        def keep(response: httpx.Response) -> httpx.Response:
            out.append(f"{response.status_code} {sorted(response.headers.items())}".encode())
            out.append(response.content)
            return response

        contacts = keep(client.get("/contactLists/1042/contacts")).json()
        token = contacts[3]["EncContactId"]
        for path in ("", "/summary", "/communications", "/journeys"):
            keep(client.get(f"/contacts/{token}{path}"))
        keep(client.get("/journeys/377/reports"))
        keep(client.get("/contactLists/serverTime"))
        keep(
            client.post(
                "/contactLists/1042/contact?match=Email", json={"Values": {"Email": "r@example.ie"}}
            )
        )
        keep(
            client.put(
                "/journeys/sendEmail?match=Email",
                json={
                    "EmailId": 9120,
                    "Contact": {"ListId": 1042, "Values": {"Email": "r@example.ie"}},
                },
            )
        )
        job = keep(client.post("/contactLists/1042/import", json={"FieldNames": ["Email"]})).json()
        batch = [{"Values": {"Email": f"i{n}@example.org"}} for n in range(30)]
        keep(client.post(f"/contactLists/1042/import/{job['Id']}", json=batch))
        keep(client.post(f"/contactLists/1042/import/{job['Id']}/run?match=Email"))
        for _ in range(2):
            keep(client.get(f"/contactLists/1042/import/{job['Id']}"))
        keep(
            client.post(
                "/journeys/377/landingpages/2301/generatePDF",
                json={"Values": {"Email": "r@example.ie"}},
            )
        )
    return out


def test_fixed_seed_and_frozen_time_repeat_byte_for_byte() -> None:
    with run_sandbox(seed=5, contacts=30, token="T") as first:
        one = transcript(first)
    with run_sandbox(seed=5, contacts=30, token="T") as second:
        two = transcript(second)
    assert one == two
    with run_sandbox(seed=6, contacts=30, token="T") as other:
        assert transcript(other) != one
