"""`which50 <resource> <method>` and the daily jobs against a live sandbox: get, list, upsert, a
report, an import interrupted and resumed, an export, a file round trip, `api`, both output
forms, and the error exits."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from which50._cli import main
from which50_sandbox.testing import SandboxServer, run_sandbox

from .conftest import JOURNEY_ID, LIST_ID

WHICH50 = [sys.executable, "-m", "which50"]
EMAIL_ID = 9120


def _env(server: SandboxServer) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WHICH50_")}
    return {**env, "WHICH50_BASE_URL": server.base_url, "WHICH50_TOKEN": server.token}


@pytest.fixture
def cli(shared_server: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> Cli:
    for name, value in _env(shared_server).items():
        if name.startswith("WHICH50_"):
            monkeypatch.setenv(name, value)
    return Cli(shared_server)


class Cli:
    """Runs the command in this process, on the sandbox of the environment."""

    def __init__(self, server: SandboxServer) -> None:
        self.server = server

    def __call__(self, *words: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(words), out, err)
        assert self.server.token not in out.getvalue() + err.getvalue()
        return code, out.getvalue(), err.getvalue()

    def json(self, *words: str) -> Any:
        code, out, err = self(*words)
        assert (code, err) == (0, ""), err
        return json.loads(out)


def test_list_get_upsert_and_a_report(cli: Cli) -> None:
    lists = cli.json("contact-lists", "list")
    assert LIST_ID in {found["Id"] for found in lists}
    before = cli.json("contact-lists", "get", str(LIST_ID))["Count"]
    written = cli.json(
        "contact-lists", "upsert", str(LIST_ID), "--values", "Email=cli.upsert@example.ie",
        "--values", "City=Cork", "--match", "Email",
    )  # fmt: skip
    again = cli.json(
        "contact-lists", "upsert", str(LIST_ID), "--data",
        '{"Values": {"Email": "cli.upsert@example.ie", "City": "Galway"}}', "--match", "Email",
    )  # fmt: skip
    assert again["EncContactId"] == written["EncContactId"]  # matched: updated, not added
    got = cli.json("contacts", "get", written["EncContactId"])
    assert got["Values"]["City"] == "Galway"
    assert cli.json("contact-lists", "get", str(LIST_ID))["Count"] == before + 1
    report = cli.json("journeys", "reports", "get", str(JOURNEY_ID))
    assert isinstance(report, dict) and report
    code, out, _ = cli(
        "journeys", "reports", "list-email-contacts-by-state", str(JOURNEY_ID), str(EMAIL_ID),
        "Opened", "--output", "jsonl",
    )  # fmt: skip
    assert code == 0
    opened = [json.loads(line) for line in out.splitlines()]
    assert opened and all(contact["ListId"] == LIST_ID for contact in opened)


def test_a_table_and_json_from_the_same_command(cli: Cli) -> None:
    code, table, _ = cli("contact-lists", "get", str(LIST_ID), "--output", "table")
    assert code == 0 and "Newsletter subscribers" in table and "┃ member" in table
    assert cli.json("contact-lists", "get", str(LIST_ID))["Name"] == "Newsletter subscribers"


def _process(server: SandboxServer, *words: str) -> subprocess.CompletedProcess[str]:
    """The installed command, in a process of its own, its stdout and stderr pipes."""
    return subprocess.run(
        [*WHICH50, *words],
        env=_env(server),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_stdout_that_is_not_a_terminal_gets_json(shared_server: SandboxServer) -> None:
    done = _process(shared_server, "journeys", "list")
    assert (done.returncode, done.stderr) == (0, "")
    assert JOURNEY_ID in {journey["Id"] for journey in json.loads(done.stdout)}


def test_export_writes_every_contact_of_the_list(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    code, out, _ = cli("export", str(LIST_ID), str(target), "--quiet")
    assert (code, out.split()[:2]) == (0, ["exported", f"{len(_contacts(cli)):,}"])
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    fields = [f["Name"] for f in cli.json("contact-lists", "fields", "list", str(LIST_ID))]
    assert list(rows[0]) == ["EncContactId", *fields]
    by_id = {c["EncContactId"]: c["Values"] for c in _contacts(cli)}
    assert {row["EncContactId"] for row in rows} == set(by_id)
    for row in rows:
        values = by_id[row["EncContactId"]]
        assert row["Email"] == values.get("Email", "")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_failed_export_leaves_no_file(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "none.csv"
    code, _, err = cli("export", "999999", str(target), "--quiet")
    assert code == 2 and err.startswith("which50.NotFoundError: GET ")
    assert list(tmp_path.iterdir()) == []


def _contacts(cli: Cli) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = cli.json("contact-lists", "list-contacts", str(LIST_ID))
    return found


def test_a_file_round_trip(cli: Cli, tmp_path: Path) -> None:
    local = tmp_path / "report.csv"
    local.write_bytes(b"Email\nround.trip@example.ie\n")
    uploaded = cli.json("files", "upload", str(local), "--sub-folder", "cli")
    assert uploaded["FilePath"] == "cli/report.csv"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    code, out, _ = cli("files", "download", "cli/report.csv", str(inbox))
    assert (code, out) == (0, f"{inbox / 'report.csv'}\n")
    assert (inbox / "report.csv").read_bytes() == local.read_bytes()
    assert cli("files", "rm", "cli/report.csv")[0] == 0
    code, _, err = cli("files", "read", "cli/report.csv")
    assert code == 2 and err.startswith("which50.NotFoundError: GET ")


def test_api_sends_any_request(cli: Cli) -> None:
    found = cli.json("api", "GET", f"/contactLists/{LIST_ID}")
    assert found["Id"] == LIST_ID
    contact = cli.json(
        "api", "POST", f"/contactLists/{LIST_ID}/contact", "-q", "match=Email",
        "--data", '{"Values": {"Email": "cli.api@example.ie"}}',
    )  # fmt: skip
    assert contact["Values"]["Email"] == "cli.api@example.ie"
    code, _, err = cli("api", "GET", "/contactLists/999999")
    assert code == 2 and err.startswith("which50.NotFoundError: GET ")


def test_the_webhook_commands_answer(cli: Cli) -> None:
    assert isinstance(cli.json("webhooks", "list-subscriptions", "--page-size", "5"), list)
    assert "ApiKey" in cli.json("webhooks", "get-api-key")


@pytest.mark.parametrize(
    ("words", "start"),
    [
        (["contacts", "get", "nobody"], "which50.NotFoundError: GET "),
        (["contact-lists", "get"], "which50: Missing argument 'CONTACT_LIST_ID'."),
        (["contact-lists", "get", "1042", "--token", "wrong"], "which50.AuthenticationError: "),
    ],
)
def test_error_exits(shared_server: SandboxServer, words: list[str], start: str) -> None:
    done = _process(shared_server, *words)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(start) and done.stderr.count("\n") == 1


def test_an_import_interrupted_by_ctrl_c_exits_130_and_resumes(tmp_path: Path) -> None:
    """SIGINT in the middle of the batches: exit 130, the acknowledged batches are in the
    checkpoint; the same command again carries on, and every row is in the list once."""
    rows = 600
    source = tmp_path / "many.csv"
    source.write_text(
        "Email,FirstName\n" + "".join(f"resume{n}@example.ie,R{n}\n" for n in range(rows)),
        "utf-8",
    )
    checkpoint = tmp_path / "many.ckpt"
    command = [
        *WHICH50, "import", str(LIST_ID), str(source), "--match", "Email", "--batch-size", "50",
        "--concurrency", "1", "--checkpoint", str(checkpoint),
    ]  # fmt: skip
    with run_sandbox(latency_ms=150) as server:
        env = _env(server)
        before = _count(server)
        # SIGINT at its default in the command: a shell without job control starts a background
        # job (`make test &`) with SIGINT ignored, every child inherits that, and Python then
        # installs no KeyboardInterrupt handler. A user's Ctrl-C reaches a foreground command.
        with subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        ) as first:
            deadline = time.monotonic() + 60
            while not _acknowledged(checkpoint) and time.monotonic() < deadline:
                time.sleep(0.05)
            first.send_signal(signal.SIGINT)
            out, _ = first.communicate(timeout=60)
        assert (first.returncode, out) == (130, "")
        sent = _acknowledged(checkpoint)
        assert 0 < sent < rows // 50
        second = _process(server, *command[len(WHICH50) :])
        assert second.returncode == 0, second.stderr
        assert f": {rows} inserted, 0 updated, 0 rejected" in second.stdout
        assert _count(server) == before + rows


def _acknowledged(checkpoint: Path) -> int:
    """Batches the checkpoint records as sent (0 while there is none)."""
    try:
        saved = json.loads(checkpoint.read_text("utf-8"))
    except (OSError, ValueError):
        return 0
    done = saved.get("done", {})
    return len(done) if isinstance(done, dict | list) else 0


def _count(server: SandboxServer) -> int:
    done = _process(server, "contact-lists", "get", str(LIST_ID))
    count: int = json.loads(done.stdout)["Count"]
    return count


def test_export_chosen_columns_to_stdout_and_a_json_summary(cli: Cli, tmp_path: Path) -> None:
    code, out, err = cli("export", str(LIST_ID), "-", "--fields", "Email,City")
    *bar, summary = err.splitlines()  # the progress bar's last frame, then the summary
    assert code == 0 and summary.startswith("exported ")
    assert bar[0].startswith("exporting")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["EncContactId", "Email", "City"]
    assert len(rows) - 1 == len(_contacts(cli))
    summary = cli.json("export", str(LIST_ID), str(tmp_path / "x.csv"), "--json", "-q")
    fields = cli.json("contact-lists", "fields", "list", str(LIST_ID))
    assert summary == {
        "columns": 1 + len([f for f in fields if f["Name"]]),
        "contacts": len(rows) - 1,
        "file": str(tmp_path / "x.csv"),
        "list": LIST_ID,
    }


def test_an_import_report_as_json(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "two.csv"
    source.write_text("Email\ncli.json1@example.ie\n\n,\n", "utf-8")
    code, out, _ = cli("import", str(LIST_ID), str(source), "--match", "Email", "--json", "-q")
    report = json.loads(out)
    assert code == 1  # a row was rejected
    assert (report["status"], report["inserted"]) == ("Completed", 1)
    assert [r["row"] for r in report["rejected"]] == [2]
    assert report["job"]["CurrentStatus"] == "Completed"


def test_download_says_where_the_file_went_as_json(cli: Cli, tmp_path: Path) -> None:
    local = tmp_path / "j.txt"
    local.write_bytes(b"json\n")
    cli.json("files", "upload", str(local), "--sub-folder", "cli-json")
    found = cli.json("files", "download", "cli-json/j.txt", str(tmp_path / "back.txt"), "--json")
    assert found == {"path": str(tmp_path / "back.txt")}
    assert (tmp_path / "back.txt").read_bytes() == b"json\n"
