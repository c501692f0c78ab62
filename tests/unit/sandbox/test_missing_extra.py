"""Without the `sandbox` extra, every way of starting a sandbox says how to get it, in one line:
`python -m which50_sandbox` (and `which50 sandbox`, which runs it), and the pytest fixtures.
The extra's absence is simulated: a module set to None in `sys.modules` is one Python reports
as missing, to `import` and to `importlib.util.find_spec` alike."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from which50_sandbox import testing

HINT = 'pip install "which50[sandbox]"'


def test_the_module_says_which_extra_is_missing_without_a_traceback() -> None:
    code = (
        "import sys, runpy; sys.modules['uvicorn'] = None; "
        "sys.argv = ['which50_sandbox', '--port', '0']; "
        "runpy.run_module('which50_sandbox', run_name='__main__')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    assert HINT in line and "uvicorn" in line


def test_the_fixture_says_which_extra_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    monkeypatch.setitem(sys.modules, "starlette", None)
    with pytest.raises(testing.SandboxStartError) as missing, testing.run_sandbox():
        pass
    assert HINT in str(missing.value)
    assert "starlette, uvicorn" in str(missing.value)


def test_a_sandbox_that_exits_early_says_so(tmp_path: Path) -> None:
    bad_db = tmp_path / "not-a-folder" / "x.db"
    (tmp_path / "not-a-folder").write_text("a file where a folder should be")
    with pytest.raises(testing.SandboxStartError) as exited, testing.run_sandbox(db=str(bad_db)):
        pass
    assert "exited with code 2 before it was ready" in str(exited.value)
