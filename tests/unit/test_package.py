"""The distribution: one version read from the spec, and a wheel that ships what users import."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
import which50

from tests._build import hatchling_wheel
from tests.conftest import ROOT, load_spec


def spec_version() -> str:
    """info.version as a YAML parser reads it (independently of hatchling's regex)."""
    version: str = load_spec()["info"]["version"]
    return version


def test_version_is_the_spec_version() -> None:
    assert which50.__version__ == spec_version() == importlib.metadata.version("which50")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """The wheel, built in-process by the pinned hatchling (no network, no isolation)."""
    return zipfile.ZipFile(hatchling_wheel(ROOT, tmp_path_factory.mktemp("wheel")))


PACKAGES = ("which50", "which50_client", "which50_models", "which50_resources", "which50_sandbox")


def test_wheel_ships_the_typed_packages(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for package in PACKAGES:
        assert f"{package}/__init__.py" in names
        assert f"{package}/py.typed" in names
    assert "which50_client/api/contacts/get_contact.py" in names
    assert "which50_sandbox/__main__.py" in names
    assert "which50_sandbox/testing.py" in names
    assert "which50_resources/contacts.py" in names
    assert "which50_resources/commands.py" in names  # the command line's table
    # the spec, which the sandbox reads at run time (the wheel has no openapi/ folder)
    assert json.loads(wheel.read("which50_models/openapi.json")) == load_spec()
    # Nothing but the packages and the metadata.
    tops = {Path(name).parts[0] for name in names}
    assert tops == {*PACKAGES, f"which50-{spec_version()}.dist-info"}


def test_wheel_metadata(wheel: zipfile.ZipFile) -> None:
    text = wheel.read(f"which50-{spec_version()}.dist-info/METADATA").decode()
    meta = Parser().parsestr(text)
    assert meta["Version"] == spec_version()
    assert meta["Requires-Python"] == ">=3.11"
    assert "sandbox" in meta.get_all("Provides-Extra", [])
    requires = meta.get_all("Requires-Dist", [])
    assert any(r.startswith("httpx") for r in requires)
    # The sandbox's server dependencies are only in the extra, never forced on every user.
    server_deps = ("starlette", "uvicorn", "python-multipart", "httptools")
    assert {r.split(">")[0] for r in requires if r.startswith(server_deps)} == set(server_deps)
    assert all("extra ==" in r for r in requires if r.startswith(server_deps))
    # The command line's dependencies, pinned, only in the `cli` extra.
    assert "cli" in meta.get_all("Provides-Extra", [])
    cli = sorted(r for r in requires if r.startswith(("typer", "rich")))
    assert cli == ["rich==15.0.0; extra == 'cli'", "typer==0.27.3; extra == 'cli'"]


def test_wheel_registers_the_pytest_plugin_and_the_command(wheel: zipfile.ZipFile) -> None:
    text = wheel.read(f"which50-{spec_version()}.dist-info/entry_points.txt").decode()
    assert "[pytest11]\nwhich50_sandbox = which50_sandbox.testing" in text
    assert "[console_scripts]\nwhich50 = which50._cli:main" in text


def test_the_sandbox_package_imports_without_its_server_dependencies() -> None:
    """The pytest plugin loads wherever which50 is installed, extra or not."""
    code = (
        "import sys, which50_sandbox.testing; "
        "bad = [m for m in ('starlette', 'uvicorn', 'pydantic') if m in sys.modules]; "
        "print(bad)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
