"""The traversal guard: only plain relative paths, and never out of the folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from which50_sandbox._paths import PathError, file_name, inside, relative_path


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "..",
        "../x",
        "a/../../x",
        "a/./b",
        "a//b",
        "a/",
        "/etc/passwd",
        "C:/x",
        "c:x",
        "a\\b",
        "..\\x",
        "a\x00b",
        "a\nb",
        "%2e%2e/x",
        "a%2Fb",
        "%252e%252e",
    ],
)
def test_refused(raw: str) -> None:
    with pytest.raises(PathError):
        relative_path(raw)


@pytest.mark.parametrize(
    ("raw", "segments"),
    [
        ("a.csv", ("a.csv",)),
        ("imports/2025-11/x y.csv", ("imports", "2025-11", "x y.csv")),
        ("...", ("...",)),
        ("100%.txt", ("100%.txt",)),
        ("é/ü.txt", ("é", "ü.txt")),
    ],
)
def test_accepted(raw: str, segments: tuple[str, ...]) -> None:
    assert relative_path(raw) == segments


def test_empty_only_where_allowed() -> None:
    assert relative_path("", allow_empty=True) == ()


def test_file_names_are_one_segment() -> None:
    assert file_name("a.csv") == "a.csv"
    with pytest.raises(PathError):
        file_name("a/b.csv")


def test_inside_follows_symlinks(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "out").symlink_to(tmp_path)
    assert inside(root, ("sub", "x")) == (root / "sub" / "x").resolve()
    assert inside(root, ()) == root.resolve()
    with pytest.raises(PathError):
        inside(root, ("out", "x"))
