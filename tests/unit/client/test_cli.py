"""`which50 import`: its arguments, its progress bar and its exit codes."""

from __future__ import annotations

import functools
import io
from pathlib import Path

import httpx
import pytest
import which50
from rich.console import Console
from which50 import _cli_app
from which50._cli import main
from which50._cli_jobs import ImportBar, _count_rows, progress_bars

from ._import_fake import FakeAPI
from .conftest import BASE, TOKEN


def test_import_needs_match() -> None:
    err = io.StringIO()
    assert main(["import", "1042", "x.csv"], err=err) == 2
    assert err.getvalue() == ("which50: Missing option '--match'. Try 'which50 import --help'.\n")


def test_a_missing_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHICH50_BASE_URL", "http://127.0.0.1:9/Which50API")
    monkeypatch.setenv("WHICH50_TOKEN", TOKEN)
    err = io.StringIO()
    assert main(["import", "1042", "/no/such/file.csv", "--match", "Email", "-q"], err=err) == 2
    assert err.getvalue().startswith("which50: FileNotFoundError: ")
    assert err.getvalue().count("\n") == 1


def test_progress_bar_counts_rows_then_the_job() -> None:
    stream = io.StringIO()
    progress = progress_bars(quiet=False, console=Console(file=stream, width=100))
    with ImportBar(progress, 10_000) as bar:
        bar(which50.ImportProgress("batches", 10_000, 2, 9_998, 1))
        bar(which50.ImportProgress("running", 10_000, 2, 9_998, 1, 40, "Running"))
        bar(which50.ImportProgress("done", 10_000, 2, 9_998, 1, 100, "Completed"))
    rows, job = stream.getvalue().splitlines()
    assert rows.startswith("sending, 2 rejected") and "10,000/10,000" in rows
    assert job.startswith("job Completed") and "100/100" in job


# --- exit codes against the fake import API: 2 and one line for an error, 1 for rejected rows --


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch, sleeps: list[float]) -> FakeAPI:
    """The fake import API behind the command's client; no wait is real."""
    fake = FakeAPI()
    transport = httpx.MockTransport(fake.handler)
    monkeypatch.setattr(
        _cli_app, "Which50", functools.partial(which50.Which50, transport=transport)
    )
    monkeypatch.setenv("WHICH50_BASE_URL", BASE)
    monkeypatch.setenv("WHICH50_TOKEN", TOKEN)
    return fake


def _csv(path: Path, lines: list[str]) -> Path:
    path.write_text("Email,FirstName\n" + "".join(line + "\n" for line in lines), "utf-8")
    return path


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["import", "1042", *argv, "--match", "Email", "--batch-size", "10"], out, err)
    return code, out.getvalue(), err.getvalue()


def test_a_checkpoint_over_other_input_exits_2_with_one_line(api: FakeAPI, tmp_path: Path) -> None:
    checkpoint = str(tmp_path / "c.ckpt")
    first = _csv(tmp_path / "first.csv", [f"a{n}@x.ie,A{n}" for n in range(20)])
    assert _run(str(first), "--checkpoint", checkpoint)[0] == 0
    other = _csv(tmp_path / "other.csv", [f"b{n}@x.ie,B{n}" for n in range(20)])
    code, out, err = _run(str(other), "--checkpoint", checkpoint)
    assert (code, out) == (2, "")
    assert err == (
        f"which50.CheckpointError: {checkpoint}: the input changed since the checkpoint: "
        f"batch 0 (rows 1..10) holds other rows than when it was sent. A checkpoint resumes "
        f"only the input it was made with; to start over, delete {checkpoint} or pass another "
        f"checkpoint path\n"
    )
    assert api.batches_received == 2 and len(api.contacts) == 20


def test_a_corrupt_checkpoint_exits_2_with_one_line(api: FakeAPI, tmp_path: Path) -> None:
    checkpoint = tmp_path / "c.ckpt"
    checkpoint.write_text('{"version": 2, "done": {', "utf-8")
    source = _csv(tmp_path / "rows.csv", ["a@x.ie,A"])
    code, out, err = _run(str(source), "--checkpoint", str(checkpoint), "--quiet")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith(f"which50.CheckpointError: {checkpoint} ")


def test_a_job_that_does_not_end_exits_2_on_a_line_of_its_own(api: FakeAPI, tmp_path: Path) -> None:
    api.statuses = ["Running"]
    source = _csv(tmp_path / "rows.csv", ["a@x.ie,A"])
    code, out, err = _run(str(source), "--job-timeout", "5")
    assert (code, out) == (2, "")
    *bar, last = err.split("\n")[:-1]
    assert bar and "job Running" in bar[-1]  # the progress bar's last frame, ended
    assert last.startswith(
        "which50.ImportJobError: import job 1 of list 1042 is still Running after 5 s"
    )
    api.statuses = ["Exploded"]
    code, _, err = _run(str(source), "--quiet")
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("which50.ImportJobError: import job 2 of list 1042 reports the status")


def test_rejected_rows_still_exit_1(api: FakeAPI, tmp_path: Path) -> None:
    source = _csv(tmp_path / "rows.csv", ["a@x.ie,A", ",B"])
    code, out, err = _run(str(source), "--quiet")
    assert (code, err) == (1, "")
    assert "1 inserted, 0 updated, 1 rejected" in out and "row 2: match field" in out


def test_the_report_writes_its_counts_as_the_bar_does(api: FakeAPI, tmp_path: Path) -> None:
    """Thousands separators in the report line, as in the bar beside it."""
    source = _csv(tmp_path / "rows.csv", [f"a{n}@x.ie,A" for n in range(1_200)])
    out, err = io.StringIO(), io.StringIO()
    argv = ["import", "1042", str(source), "--match", "Email", "--batch-size", "1000"]
    assert main(argv, out, err) == 0
    assert out.getvalue() == "job 1 Completed: 1,200 inserted, 0 updated, 0 rejected\n"


def test_the_bar_counts_the_rows_the_import_reads(tmp_path: Path) -> None:
    """Blank lines are no rows to the import, so none to the bar's total either."""
    source = tmp_path / "rows.csv"
    source.write_text("Email,FirstName\n\na@x.ie,A\n\n\nb@x.ie,B\n\n", "utf-8")
    assert _count_rows(source) == 2
    assert _count_rows(tmp_path / "missing.csv") is None
