"""The `which50` command against a sandbox: real commands, in process (`main`) and as the
installed command in a process of its own (for exit codes, signals and what stdout gets when
it is not a terminal)."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from which50._cli import main
from which50_sandbox.testing import SandboxServer

from .conftest import LIST_ID

WHICH50 = [sys.executable, "-m", "which50"]


def _env(server: SandboxServer) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WHICH50_")}
    return {**env, "WHICH50_BASE_URL": server.base_url, "WHICH50_TOKEN": server.token}


def test_import_a_csv(
    shared_server: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in _env(shared_server).items():
        if name.startswith("WHICH50_"):
            monkeypatch.setenv(name, value)
    source = tmp_path / "people.csv"
    rows = [f"cli{n}@example.ie,C{n},{'Galway' if n != 7 else 'Atlantis'}" for n in range(30)]
    source.write_text("Email,FirstName,PreferredStore\n" + "\n".join(rows) + "\n", "utf-8")
    out, err = io.StringIO(), io.StringIO()
    argv = [str(LIST_ID), str(source), "--match", "Email", "--batch-size", "10"]
    code = main(["import", *argv, "--checkpoint", str(tmp_path / "ckpt")], out=out, err=err)
    assert code == 1, err.getvalue()  # one row was rejected
    assert "Completed: 29 inserted, 0 updated, 1 rejected" in out.getvalue()
    assert "row 8: 'Atlantis' is not an allowed value of 'PreferredStore'" in out.getvalue()
    bar = err.getvalue().splitlines()  # the progress bar's last frame (stderr is no terminal)
    assert bar[0].startswith("sending, 1 rejected") and "30/30" in bar[0]
    assert bar[1].startswith("job Completed") and "100/100" in bar[1]
    assert shared_server.token not in out.getvalue() + err.getvalue()


def test_a_checkpoint_given_another_file_after_it_completed_exits_2(
    shared_server: SandboxServer, tmp_path: Path
) -> None:
    """The same checkpoint, a different file: refused on one line, and nothing imported."""
    checkpoint = str(tmp_path / "ckpt")
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text("Email\n" + "".join(f"once{n}@example.ie\n" for n in range(5)), "utf-8")
    second.write_text("Email\n" + "".join(f"twice{n}@example.ie\n" for n in range(5)), "utf-8")

    def run(source: Path) -> subprocess.CompletedProcess[str]:
        options = ["--match", "Email", "--checkpoint", checkpoint, "--quiet"]
        return subprocess.run(
            [*WHICH50, "import", str(LIST_ID), str(source), *options],
            env=_env(shared_server),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    assert run(first).returncode == 0
    done = run(second)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"which50.CheckpointError: {checkpoint}: the input changed")
    assert "batch 0 (rows 1..5) holds other rows" in done.stderr


def test_a_bad_list_is_a_clear_error(shared_server: SandboxServer, tmp_path: Path) -> None:
    source = tmp_path / "one.csv"
    source.write_text("Email\na@example.ie\n", "utf-8")
    done = subprocess.run(
        [*WHICH50, "import", "999999", str(source), "--match", "Email"],
        env=_env(shared_server),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("which50.NotFoundError: GET ")
    assert done.stderr.count("\n") == 1


def test_sandbox_command_prints_the_ready_line_and_stops_cleanly() -> None:
    command = [*WHICH50, "sandbox", "--port", "0", "--token", "cli-token"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            assert line.startswith("WHICH50_BASE_URL=http://127.0.0.1:")
            assert line.rstrip().endswith("/Which50API WHICH50_TOKEN=cli-token")
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=20) == 0
        finally:
            if process.poll() is None:
                process.kill()
