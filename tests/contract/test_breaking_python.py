"""The Python side of the breaking-change guard on the real package, and through the command.

The seeded mutations of tests/unit/test_breaking_python.py prove the rules on a fake package;
here the real `which50` must match itself, the guard must reach every resource a user reaches,
a few edits of a copy of the real tree (found through the guard's own walk, so wherever the code
lives) must be caught, and `python -m scripts.breaking` must report and judge Python breaks as
it does the wire's.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import griffe
import pytest
from which50_resources.client import METHODS

from scripts import breaking_python
from scripts.breaking_python import SEARCH_DIRS, compare_trees, load, surface, target
from tests._fake_which50 import FILES, edited, write
from tests.conftest import ROOT, SPEC_PATH

# Every resource and sub-resource a user reaches, as the generated method table names them
# (`sends.send_email` -> `sends`, `contact_lists.fields.list` -> `contact_lists`, and
# `contact_lists.fields`), so a resource added to the names file is checked too.
RESOURCES = {
    ".".join(parts[:depth])
    for path in METHODS.values()
    for parts in [path.split(".")[:-1]]
    for depth in range(1, len(parts) + 1)
}


@pytest.fixture(scope="module")
def package() -> griffe.Module:
    return load(ROOT)


def test_the_package_matches_itself(package: griffe.Module) -> None:
    assert breaking_python.compare(package, load(ROOT)) == []


def methods(cls: griffe.Class) -> set[str]:
    return {
        name
        for name, member in breaking_python.public_members(cls)
        if isinstance(target(member), griffe.Function) and not name.startswith("__")
    }


def test_the_guard_reaches_every_resource_of_both_clients(package: griffe.Module) -> None:
    reached = surface(package).reached
    sync = {path.removeprefix("which50.Which50."): cls for path, cls in reached.items()}
    twins = {path.removeprefix("which50.AsyncWhich50."): cls for path, cls in reached.items()}
    assert {"contacts", "contact_lists.fields", "sends"} <= RESOURCES
    assert sync.keys() & twins.keys() >= RESOURCES
    for path in RESOURCES:
        assert methods(sync[path]) and methods(sync[path]) == methods(twins[path]), path


def copy_tree(dest: Path) -> Path:
    for name in SEARCH_DIRS:
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def cut(copy: Path, obj: griffe.Object) -> None:
    """Delete an object's lines (decorators included) from its file in `copy`."""
    assert obj.filepath is not None and obj.lineno is not None and obj.endlineno is not None
    assert isinstance(obj.filepath, Path)
    first = min([obj.lineno, *(d.lineno for d in getattr(obj, "decorators", []))])
    path = copy / obj.filepath.relative_to(ROOT)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[: first - 1] + lines[obj.endlineno :]), encoding="utf-8")


def member(package: griffe.Module, cls_path: str, name: str) -> griffe.Object:
    cls = surface(package).reached.get(cls_path) or target(package.modules_collection[cls_path])
    assert isinstance(cls, griffe.Class)
    found = target(cls.all_members[name])
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("cls_path", "name", "code"),
    [
        ("which50.Which50.contacts", "get", "removed"),
        ("which50.AsyncWhich50.contact_lists.fields", "list", "removed"),
        ("which50.types.Contact", "list_id", "removed"),
    ],
)
def test_a_member_cut_from_a_copy_of_the_tree_is_caught(
    package: griffe.Module, tmp_path: Path, cls_path: str, name: str, code: str
) -> None:
    copy = copy_tree(tmp_path)
    cut(copy, member(package, cls_path, name))
    breaks = compare_trees(ROOT, copy)
    assert [(b.code, b.where) for b in breaks] == [(code, f"{cls_path}.{name}")]


def run_guard(tmp_path: Path, new_tree: Path, version: str, changelog: str) -> tuple[int, str]:
    """`make breaking`'s command: the spec (its version set) against itself, the fake package
    in `new_tree` against the fake package as written in FILES."""
    spec = tmp_path / "which50.yaml"
    text = SPEC_PATH.read_text(encoding="utf-8")
    spec.write_text(text.replace("\n  version: 0.2.0\n", f"\n  version: {version}\n", 1))
    (tmp_path / "CHANGELOG.md").write_text(changelog, encoding="utf-8")
    args = [
        "--old",
        str(SPEC_PATH),
        "--new",
        str(spec),
        "--changelog",
        str(tmp_path / "CHANGELOG.md"),
    ]
    args += ["--old-tree", str(write(FILES, tmp_path / "old")), "--new-tree", str(new_tree)]
    proc = subprocess.run(
        [sys.executable, "-m", "scripts.breaking", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.returncode, proc.stdout + proc.stderr


def test_the_command_fails_on_a_python_break_and_passes_it_when_acknowledged(
    tmp_path: Path,
) -> None:
    assert "\n  version: 0.2.0\n" in SPEC_PATH.read_text(encoding="utf-8")
    gone = edited(FILES, "overlay/which50/resources/contacts.py", "def list(self", "def all(self")
    new_tree = write(gone, tmp_path / "new")
    code, out = run_guard(tmp_path, new_tree, "0.2.0", "# Changelog\n\n## [0.2.0]\n\n### Added\n")
    assert code == 1, out
    assert "  BREAKING [python] removed  which50.Which50.contacts.list: method" in out
    assert "not acknowledged" in out
    changelog = "# Changelog\n\n## [0.3.0]\n\n### Breaking\n- `contacts.list` is `all`.\n"
    code, out = run_guard(tmp_path, new_tree, "0.3.0", changelog)
    assert code == 0 and "1 breaking difference(s), acknowledged" in out, out


def test_a_ref_without_the_package_has_nothing_to_compare(tmp_path: Path) -> None:
    first = subprocess.run(
        ["git", "rev-list", "--max-parents=0", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[-1]
    assert not breaking_python.git_tree(first, tmp_path / "first", ROOT)
    assert breaking_python.git_tree("HEAD", tmp_path / "head", ROOT)
    assert (tmp_path / "head" / "overlay" / "which50" / "__init__.py").is_file()
