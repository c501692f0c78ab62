"""`make dist` and what it builds, met as a packager and a user meet them.

The wheel and the sdist are built once, by scripts/dist.py (what `make dist` runs) into a
temporary folder. Then: the long description links only to absolute URLs; the sdist rebuilds
the same wheel; and the wheel, installed into clean venvs without extras and with `[cli,sandbox]`,
works.

No network. Building is offline (scripts/dist.py). The venvs take their dependencies from
uv.lock out of uv's cache, which `make install` filled (`uv sync --frozen --offline
--no-default-groups --no-install-project` into a new environment), then the wheel itself with
`uv pip install --offline`, which fails unless every requirement of the wheel is already met.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from dataclasses import dataclass
from email.parser import Parser
from pathlib import Path

import pytest

from scripts import dist
from tests._build import hatchling_wheel
from tests.conftest import ROOT, load_spec

UV = ROOT / ".tools" / "uv" / "bin" / "uv"
VERSION: str = load_spec()["info"]["version"]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
REPOSITORY: str = PYPROJECT["project"]["urls"]["Repository"]
HINT = 'pip install "which50[sandbox]"'
# What `make bundle`, `docs` and `types-ts` leave in dist/, which `make dist` must not touch.
NEIGHBOURS = ("openapi.yaml", "openapi.json", "api.html", "which50.d.ts")
# The README's link targets as written: [text](target), the text possibly over several lines.
README_LINK = re.compile(r"\]\(([^)\s]+)\)")


@dataclass(frozen=True)
class Built:
    out: Path
    wheel: Path
    sdist: Path
    report: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("dist")
    for name in NEIGHBOURS:
        (out / name).write_text(f"{name} of make bundle, docs or types-ts\n", encoding="utf-8")
    # Artefacts of an older version: replaced, so that `pip install dist/which50-*.whl` finds one.
    (out / "which50-0.0.1-py3-none-any.whl").write_bytes(b"old")
    (out / "which50-0.0.1.tar.gz").write_bytes(b"old")
    done = subprocess.run(
        [sys.executable, "-m", "scripts.dist", "--out-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    wheel = out / f"which50-{VERSION}-py3-none-any.whl"
    sdist = out / f"which50-{VERSION}.tar.gz"
    return Built(out=out, wheel=wheel, sdist=sdist, report=done.stdout)


def test_make_dist_builds_both_beside_the_other_artefacts(built: Built) -> None:
    assert sorted(p.name for p in built.out.iterdir()) == sorted(
        [*NEIGHBOURS, built.wheel.name, built.sdist.name]
    )
    for name in NEIGHBOURS:
        assert (built.out / name).read_text(encoding="utf-8").startswith(name)
    assert f"wrote {built.wheel} ({built.wheel.stat().st_size:,} bytes, " in built.report
    assert f"wrote {built.sdist} ({built.sdist.stat().st_size:,} bytes, " in built.report
    assert "twine check --strict passed" in built.report


def test_the_long_description_links_only_to_absolute_urls(built: Built) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    relative = [t for t in README_LINK.findall(readme) if not t.startswith(("http:", "https:"))]
    for artefact in (built.wheel, built.sdist):
        description = dist.long_description(artefact)
        assert dist.relative_links(description) == []
        # Each was rewritten to the file (or the README's heading) in the repository; that
        # nothing else changed, make dist checks (and a test below, that it does).
        for target in relative:
            path = f"README.md{target}" if target.startswith("#") else target
            assert f"]({REPOSITORY}/blob/main/{path})" in description


def test_the_links_point_at_the_repository_the_metadata_names(built: Built) -> None:
    meta = Parser().parsestr(dist.metadata(built.wheel))
    assert meta.get_all("Project-URL") == [f"Repository, {REPOSITORY}"]
    assert meta["Description-Content-Type"] == "text/markdown"
    hook = PYPROJECT["tool"]["hatch"]["metadata"]["hooks"]["fancy-pypi-readme"]
    for substitution in hook["substitutions"]:
        assert substitution["replacement"].startswith(f"]({REPOSITORY}/blob/main/")


def test_the_substitutions_make_relative_links_absolute() -> None:
    """pyproject.toml's substitutions, applied in order as hatch-fancy-pypi-readme applies them."""
    text = (
        "[a](#webhooks) [b](examples/errors.py) [c](CONTRIBUTING.md#adding-an-operation)\n"
        "[d](https://app.which50.com) [e](mailto:a@x.example)\n"
    )
    hook = PYPROJECT["tool"]["hatch"]["metadata"]["hooks"]["fancy-pypi-readme"]
    for substitution in hook["substitutions"]:
        text = re.sub(substitution["pattern"], substitution["replacement"], text)
    blob = f"{REPOSITORY}/blob/main"
    assert text == (
        f"[a]({blob}/README.md#webhooks) [b]({blob}/examples/errors.py) "
        f"[c]({blob}/CONTRIBUTING.md#adding-an-operation)\n"
        "[d](https://app.which50.com) [e](mailto:a@x.example)\n"
    )


@pytest.mark.parametrize(
    ("markdown", "found"),
    [
        ("See [the example](examples/errors.py).", ["examples/errors.py"]),
        ("# Webhooks\n\nSee [Webhooks](#webhooks).", ["#user-content-webhooks"]),
        ("![a picture](docs/shot.png)", ["docs/shot.png"]),
        ("See [the spec][spec].\n\n[spec]: openapi/which50.yaml", ["openapi/which50.yaml"]),
        ('See <a href="CONTRIBUTING.md">how to help</a>.', ["CONTRIBUTING.md"]),
        ("[a host, but no scheme](//host/path)", ["//host/path"]),
        # Absolute links, and the anchor the renderer puts in each heading, are fine.
        ("# Install\n\n[a](https://x.example/a) [b](mailto:a@x.example) <https://y.example>", []),
    ],
)
def test_relative_links_are_found(markdown: str, found: list[str]) -> None:
    assert dist.relative_links(markdown) == found


@pytest.mark.parametrize(
    ("appended", "error"),
    [
        ("See [the errors](examples/errors.py).", r"relative links.*: examples/errors\.py$"),
        # What a substitution blind to code would make of `handlers[0](event)`:
        ("```python\nhandlers[0](https://x.example/event)\n```", "beyond its link targets"),
    ],
)
def test_make_dist_fails_on_a_long_description_that_is_not_the_readme_with_absolute_links(
    built: Built, tmp_path: Path, appended: str, error: str
) -> None:
    """The check `make dist` runs on what it built, against the built wheel with `appended` at
    the end of its description (the sdist's README.md is left as it is)."""
    bad = tmp_path / built.wheel.name
    with zipfile.ZipFile(built.wheel) as good, zipfile.ZipFile(bad, "w") as out:
        for info in good.infolist():
            data = good.read(info)
            if info.filename.endswith(".dist-info/METADATA"):
                data += f"\n{appended}\n".encode()
            out.writestr(info, data)
    with pytest.raises(dist.DistError, match=error):
        dist.check(bad, built.sdist)
    dist.check(built.wheel, built.sdist)  # the wheel as built passes


def test_a_failed_check_leaves_dist_as_it_was(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "dist"
    out.mkdir()
    (out / "which50-0.0.1-py3-none-any.whl").write_bytes(b"old, checked")

    def build(staging: Path) -> tuple[Path, Path]:  # what was built above, not built again
        return Path(shutil.copy(built.wheel, staging)), Path(shutil.copy(built.sdist, staging))

    def check(wheel: Path, sdist: Path) -> None:
        raise dist.DistError("the check failed")

    monkeypatch.setattr(dist, "build", build)
    monkeypatch.setattr(dist, "check", check)
    assert dist.main(["--out-dir", str(out)]) == 1
    assert [p.name for p in out.iterdir()] == ["which50-0.0.1-py3-none-any.whl"]


def _contents(wheel: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as whl:
        return {info.filename: whl.read(info) for info in whl.infolist() if not info.is_dir()}


def test_the_sdist_rebuilds_the_same_wheel(built: Built, tmp_path: Path) -> None:
    with tarfile.open(built.sdist) as sdist:
        sdist.extractall(tmp_path / "unpacked", filter="data")
    source = tmp_path / "unpacked" / f"which50-{VERSION}"
    tops = {p.name for p in source.iterdir()}
    assert tops == {
        *("overlay", "generated", "openapi", "README.md", "CHANGELOG.md", "LICENSE"),
        *("pyproject.toml", "PKG-INFO", ".gitignore"),
    }
    (tmp_path / "from-sdist").mkdir()
    (tmp_path / "from-tree").mkdir()
    from_sdist = _contents(hatchling_wheel(source, tmp_path / "from-sdist"))
    from_tree = _contents(hatchling_wheel(ROOT, tmp_path / "from-tree"))
    assert sorted(from_sdist) == sorted(from_tree)
    assert from_sdist == from_tree == _contents(built.wheel)


# The wheel, installed.


def _clean_env() -> dict[str, str]:
    """This process's environment less what would lead a subprocess to the checkout's venv."""
    drop = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "UV_PROJECT_ENVIRONMENT")
    env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("WHICH50_")}
    return {**env, "UV_PYTHON_DOWNLOADS": "never", "UV_NO_PROGRESS": "1"}


def _uv(*args: str | Path, env: dict[str, str] | None = None) -> None:
    done = subprocess.run(
        [str(UV), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**_clean_env(), **(env or {})},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr


def _install(built: Built, venv: Path, extras: list[str]) -> Path:
    """A new venv with uv.lock's versions of the wheel's requirements (and `extras`'), then the
    wheel; its python."""
    flags = [f"--extra={extra}" for extra in extras]
    _uv(
        *("sync", "--frozen", "--offline", "--no-default-groups", "--no-install-project", *flags),
        *("--python", sys.executable),
        env={"UV_PROJECT_ENVIRONMENT": str(venv)},
    )
    python = venv / "bin" / "python"
    requirement = f"which50[{','.join(extras)}] @ {built.wheel.as_uri()}"
    _uv("pip", "install", "--offline", "--python", python, requirement)
    _uv("pip", "check", "--offline", "--python", python)
    return python


def _run(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,  # not the checkout, whose overlay/ would shadow the installed packages
        capture_output=True,
        text=True,
        env=_clean_env(),
        timeout=120,
    )


@pytest.fixture(scope="module")
def bare(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The python of a clean venv with the wheel, no extra."""
    return _install(built, tmp_path_factory.mktemp("bare") / "venv", [])


@pytest.fixture(scope="module")
def with_extras(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The python of a clean venv with the wheel and its extras, `cli` and `sandbox`."""
    return _install(built, tmp_path_factory.mktemp("extras") / "venv", ["cli", "sandbox"])


IMPORTS = """
import importlib.metadata, importlib.util
import which50, which50_client, which50_models, which50_resources, which50_sandbox
print(which50.__file__)
print(which50.__version__, importlib.metadata.version("which50"))
extras = ("starlette", "uvicorn", "multipart", "httptools", "typer", "rich")
print([module for module in extras if importlib.util.find_spec(module)])
"""


def test_without_extras_the_packages_import_from_the_wheel(bare: Path, tmp_path: Path) -> None:
    done = _run([bare, "-c", IMPORTS], tmp_path)
    assert done.returncode == 0, done.stderr
    where, versions, extra_modules = done.stdout.splitlines()
    assert Path(where).is_relative_to(bare.parent.parent)  # the venv's, not the checkout's
    assert versions == f"{VERSION} {VERSION}"
    assert extra_modules == "[]"  # a clean venv: neither extra's modules


def test_without_extras_the_command_says_its_version_and_which_extra_it_needs(
    bare: Path, tmp_path: Path
) -> None:
    version = _run([bare.parent / "which50", "--version"], tmp_path)
    assert (version.returncode, version.stdout, version.stderr) == (0, f"which50 {VERSION}\n", "")
    # Any other command needs the cli extra (typer and rich), and says so in one line.
    done = _run([bare.parent / "which50", "--help"], tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    (line,) = done.stderr.splitlines()
    assert line == "which50: the command line needs the cli extra: pip install 'which50[cli]'"


def test_without_extras_which50_sandbox_says_which_extra_in_one_line(
    bare: Path, tmp_path: Path
) -> None:
    done = _run([bare.parent / "which50", "sandbox"], tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith("which50 sandbox: error: ")  # the command the user typed
    assert HINT in line and "Traceback" not in line


# Run by the venv's python: `which50 sandbox` from the venv, and the venv's client against it.
CLIENT_AGAINST_THE_SANDBOX_COMMAND = """
import selectors, signal, subprocess, sys
from pathlib import Path
import which50

command = [str(Path(sys.executable).parent / "which50"), "sandbox", "--port", "0", "--token", "t0k"]
with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            assert selector.select(30), "no ready line within 30 s"
        line = process.stdout.readline()
        base_url = line.split()[0].removeprefix("WHICH50_BASE_URL=")
        with which50.Which50(base_url=base_url, token="t0k") as client:
            found = client.contact_lists.get(1042)
        process.send_signal(signal.SIGTERM)
        stopped = process.wait(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
print(line.strip())
print(which50.__file__)
print(found.id, found.count, stopped)
"""


def test_with_the_extras_the_command_runs(with_extras: Path, tmp_path: Path) -> None:
    done = _run([with_extras.parent / "which50", "--help"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Usage: which50 [OPTIONS] COMMAND [ARGS]..." in done.stdout
    assert "contact-lists" in done.stdout


def test_with_the_extras_which50_sandbox_serves_the_installed_client(
    with_extras: Path, tmp_path: Path
) -> None:
    done = _run([with_extras, "-c", CLIENT_AGAINST_THE_SANDBOX_COMMAND], tmp_path)
    assert done.returncode == 0, done.stderr
    ready, where, answer = done.stdout.splitlines()
    assert re.fullmatch(
        r"WHICH50_BASE_URL=http://127\.0\.0\.1:\d+/Which50API WHICH50_TOKEN=t0k", ready
    )
    assert Path(where).is_relative_to(with_extras.parent.parent)
    list_id, count, exit_code = answer.split()
    assert list_id == "1042" and int(count) > 0
    assert exit_code == "0"  # SIGTERM stops it cleanly


RUN_SANDBOX_WITHOUT_PYTEST = """
import importlib.util
import which50
from which50_sandbox import run_sandbox

assert importlib.util.find_spec("pytest") is None, "this venv should not have pytest"
with run_sandbox() as server:
    with which50.Which50(base_url=server.base_url, token=server.token) as client:
        found = client.contact_lists.get(1042)
print(found.id, server.process.returncode if server.process else None)
"""


def test_run_sandbox_needs_no_pytest(with_extras: Path, tmp_path: Path) -> None:
    """`run_sandbox` is for scripts too: the wheel does not require pytest, and it needs none."""
    done = _run([with_extras, "-c", RUN_SANDBOX_WITHOUT_PYTEST], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1042", "0"]  # stopped cleanly (SIGTERM) on leaving the block
