"""scripts/generate.py: the check that guards generated/ must catch what it is there to catch."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

from scripts import generate


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_identical_trees_have_no_diff(tmp_path: Path) -> None:
    files = {"pkg/__init__.py": "x = 1\n", "GENERATOR.lock": "tool a==1\n"}
    a = generate.tree(write(tmp_path / "a", files))
    b = generate.tree(write(tmp_path / "b", files))
    assert generate.diff(a, b) == []


def test_a_hand_edit_shows_as_a_unified_diff(tmp_path: Path) -> None:
    fresh = generate.tree(write(tmp_path / "fresh", {"pkg/m.py": "x = 1\n"}))
    edited = generate.tree(write(tmp_path / "edited", {"pkg/m.py": "x = 2\n"}))
    text = "".join(generate.diff(fresh, edited))
    assert "-x = 2" in text and "+x = 1" in text and "generated/pkg/m.py" in text


def test_stale_and_missing_files_are_reported(tmp_path: Path) -> None:
    fresh = generate.tree(write(tmp_path / "fresh", {"new.py": ""}))
    old = generate.tree(write(tmp_path / "old", {"gone.py": ""}))
    text = "".join(generate.diff(fresh, old))
    assert "Only in generated/ (stale or hand-written): gone.py" in text
    assert "Missing from generated/: new.py" in text


def test_run_time_leftovers_are_not_part_of_the_tree(tmp_path: Path) -> None:
    root = write(tmp_path, {"pkg/m.py": "", "pkg/__pycache__/m.cpython-311.pyc": "junk"})
    assert list(generate.tree(root)) == ["pkg/m.py"]


def test_stamp_records_spec_hash_configs_and_tool_versions() -> None:
    stamp = generate.stamp()
    spec_hash = generate.sha256(generate.SPEC.read_bytes())
    assert f"spec openapi/which50.yaml sha256:{spec_hash}" in stamp
    assert "tool openapi-python-client==0.29.1" in stamp
    assert "tool datamodel-code-generator==0.89.0" in stamp
    assert "config pyproject.toml[tool.datamodel-codegen]" in stamp


def test_the_spec_ships_as_json_beside_the_models() -> None:
    text = generate.spec_json(generate.SPEC.read_text(encoding="utf-8"))
    assert json.loads(text) == yaml.safe_load(generate.SPEC.read_text(encoding="utf-8"))
    assert text.startswith('{\n  "openapi": "3.0.3",')
    packaged = generate.GENERATED / generate.MODELS_PACKAGE / generate.SPEC_JSON
    assert packaged.read_text(encoding="utf-8") == text


def test_the_committed_stamp_is_current() -> None:
    assert (generate.GENERATED / "GENERATOR.lock").read_text() == generate.stamp()


def test_datamodel_codegen_flags_come_from_the_config_table() -> None:
    flags = generate.dmcg_flags(
        {"preset": "p", "disable-timestamp": True, "formatters": ["a", "b"]}
    )
    assert flags == ["--preset", "p", "--disable-timestamp", "--formatters", "a", "b"]
    config = generate.datamodel_codegen_config()
    # The documented trap: collapsing root models drops None from nullable unions.
    assert "collapse-root-models" not in config


def test_a_generator_warning_fails_the_run(tmp_path: Path) -> None:
    with pytest.raises(generate.GenerationError, match="Warning: something was skipped"):
        generate.run(
            [sys.executable, "-c", "print('Warning: something was skipped')"], cwd=tmp_path
        )


def test_a_generator_failure_fails_the_run(tmp_path: Path) -> None:
    with pytest.raises(generate.GenerationError, match="exit 3"):
        generate.run([sys.executable, "-c", "raise SystemExit(3)"], cwd=tmp_path)


def test_a_quiet_successful_generator_passes(tmp_path: Path) -> None:
    generate.run([sys.executable, "-c", "print('Generating which50_client')"], cwd=tmp_path)
