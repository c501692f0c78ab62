"""The `which50` command's own pieces: arguments and the progress bar."""

from __future__ import annotations

import io

import pytest
import which50
from which50._cli import ProgressBar, main


def test_import_needs_match(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["import", "1042", "x.csv"])
    assert caught.value.code == 2
    assert "--match" in capsys.readouterr().err


def test_a_missing_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHICH50_BASE_URL", "http://127.0.0.1:9/Which50API")
    err = io.StringIO()
    assert main(["import", "1042", "/no/such/file.csv", "--match", "Email"], err=err) == 2
    assert err.getvalue().startswith("which50: ")


def test_progress_bar_draws_one_line() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream)
    bar(which50.ImportProgress("batches", 10_000, 2, 9_998, 1))
    bar(
        which50.ImportProgress("done", 10_000, 2, 9_998, 1, job_percent=100, job_status="Completed")
    )
    first, second = stream.getvalue().split("\r")[1:]
    assert first.startswith("[" + "." * 30 + "] 9,998 sent")
    assert second.startswith("[" + "#" * 30 + "] job Completed 100%")
    assert second.endswith("\n") and "2 rejected" in second
