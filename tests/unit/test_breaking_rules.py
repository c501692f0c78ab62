"""scripts/breaking.py without openapi-diff: how the judges' findings combine, the changelog gate,
and the one correction made to openapi-diff."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from scripts import breaking
from scripts.breaking import Finding, Report
from tests.conftest import load_spec

CHANGELOG = """# Changelog

## [Unreleased]

## [0.2.0] - 2026-12-01

### Breaking
- `getJourney` is now `fetchJourney`.

### Added
- Something.

## [0.1.0] - 2026-11-27

### Added
- Everything.
"""


def report(*findings: Finding) -> Report:
    return Report(findings=list(findings))


OURS = Finding("which50", "operation-removed", "DELETE /files (deleteFile)")
THEIRS = Finding("openapi-diff", "path.remove", "paths./files")
THEIRS_INFO = Finding("openapi-diff", "path.add", "paths./x", "openapi-diff: nonBreaking", False)
PYTHON = Finding("python", "removed", "which50.Which50.contacts.get", "method")


@pytest.mark.parametrize(
    ("findings", "code"),
    [
        ((), 0),
        ((THEIRS_INFO,), 0),  # openapi-diff's non-breaking and unclassified findings never count
        ((OURS,), 1),  # either judge alone is enough
        ((THEIRS,), 1),
        ((PYTHON,), 1),  # a break of the Python API alone too
        ((OURS, THEIRS, THEIRS_INFO, PYTHON), 1),
    ],
)
def test_a_break_by_either_judge_fails(findings: tuple[Finding, ...], code: int) -> None:
    assert breaking.verdict(report(*findings), "0.1.0", "0.1.0", CHANGELOG)[0] == code


def test_a_break_listed_under_the_new_version_with_a_breaking_bump_passes() -> None:
    code, line = breaking.verdict(report(OURS), "0.1.0", "0.2.0", CHANGELOG)
    assert code == 0 and "acknowledged" in line


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        ("0.1.0", "0.1.0", 'no "### Breaking" entry under "## [0.1.0]"'),  # no bump
        ("0.1.0", "0.3.0", 'no "### Breaking" entry under "## [0.3.0]"'),  # not this version's
        ("0.2.0", "0.2.1", 'no "### Breaking" entry under "## [0.2.1]"'),
    ],
)
def test_a_break_not_listed_for_the_new_version_fails(old: str, new: str, why: str) -> None:
    code, line = breaking.verdict(report(OURS), old, new, CHANGELOG)
    assert code == 1 and why in line


def test_python_breaks_alone_are_acknowledged_by_the_same_rule() -> None:
    code, line = breaking.verdict(report(PYTHON), "0.1.0", "0.2.0", CHANGELOG)
    assert code == 0 and "acknowledged" in line


def python_lines(findings: list[Finding], *, verbose: bool = False) -> list[str]:
    lines = list(breaking.render(report(*findings), "old", "new", verbose=verbose))
    start = next(i for i, line in enumerate(lines) if line.startswith("the Python API"))
    return lines[start:]


def test_python_breaks_alike_are_folded_and_the_report_is_capped() -> None:
    alike = [Finding("python", "removed", f"which50.types.{m}.to_dict", "method") for m in "AB"]
    distinct = [
        Finding("python", "default-changed", f"which50.Which50.m{i}(p)", f"{i} -> {i + 1}")
        for i in range(breaking.PYTHON_LINES + 5)
    ]
    lines = python_lines(alike + distinct)
    assert lines[0].endswith(f": {len(alike + distinct)} breaking in {len(distinct) + 1} line(s)")
    assert len(lines) == 1 + breaking.PYTHON_LINES + 1
    assert lines[-1] == "  ... and 6 more line(s): --verbose lists every break"
    folded = "  BREAKING [python] removed  which50.types.{A, B}.to_dict: method (2)"
    assert folded in python_lines(alike)
    assert len(python_lines(alike + distinct, verbose=True)) == 1 + len(alike + distinct)


def test_python_not_compared_says_why() -> None:
    skipped = Report(python_skipped="give --old-tree")
    assert python_lines([]) == ["the Python API (griffe 2.4.1 and our rules): 0 breaking"]
    lines = list(breaking.render(skipped, "old", "new"))
    assert lines[-1] == "the Python API (griffe 2.4.1 and our rules): not compared: give --old-tree"


def test_a_listed_break_without_a_breaking_bump_fails() -> None:
    log = CHANGELOG.replace("## [0.2.0]", "## [1.0.1]")
    code, line = breaking.verdict(report(OURS), "1.0.0", "1.0.1", log)
    assert code == 1 and "not a breaking version bump" in line


def test_breaking_entries_are_read_from_the_version_section_only() -> None:
    assert breaking.breaking_entries(CHANGELOG, "0.2.0") == ["`getJourney` is now `fetchJourney`."]
    assert breaking.breaking_entries(CHANGELOG, "0.1.0") == []
    assert breaking.breaking_entries(CHANGELOG, "9.9.9") == []
    empty = CHANGELOG.replace("- `getJourney` is now `fetchJourney`.\n", "")
    assert breaking.breaking_entries(empty, "0.2.0") == []


@pytest.mark.parametrize(
    ("old", "new", "ok"),
    [
        ("0.1.0", "0.2.0", True),
        ("0.1.3", "1.0.0", True),
        ("0.1.0", "0.1.1", False),
        ("1.2.0", "2.0.0", True),
        ("1.2.0", "1.3.0", False),
    ],
)
def test_breaking_bumps_follow_semver(old: str, new: str, ok: bool) -> None:
    assert breaking.breaking_bump(old, new) is ok


def body_location(path: str, method: str) -> str:
    return f"paths.{path}.{method}.requestBody.content.application/json.schema"


IMPORT = "/contactLists/{contactListId}/import"


def with_import_request(**changes: Any) -> dict[str, Any]:
    spec = copy.deepcopy(load_spec())
    spec["components"]["schemas"]["ImportJobCreateRequest"].update(changes)
    return spec


def test_a_new_optional_request_field_is_not_a_break() -> None:
    old = load_spec()
    props = old["components"]["schemas"]["ImportJobCreateRequest"]["properties"]
    new = with_import_request(properties={**props, "Source": {"type": "string"}})
    where = body_location(IMPORT, "post")
    assert breaking.only_new_optional_fields(old, new, "request.body.scope.remove", where)


@pytest.mark.parametrize(
    "changes",
    [
        # a new field that is required
        {
            "properties": {"FieldNames": {"type": "array"}, "Source": {"type": "string"}},
            "required": ["Source"],
        },
        # an old field narrowed, beside a new optional one
        {
            "properties": {
                "FieldNames": {"type": "array", "maxItems": 3},
                "Source": {"type": "string"},
            }
        },
    ],
)
def test_anything_more_than_new_optional_fields_stays_a_break(changes: dict[str, Any]) -> None:
    new = with_import_request(**changes)
    where = body_location(IMPORT, "post")
    assert not breaking.only_new_optional_fields(
        load_spec(), new, "request.body.scope.remove", where
    )


def test_other_openapi_diff_codes_are_never_corrected() -> None:
    where = body_location(IMPORT, "post")
    assert not breaking.only_new_optional_fields(load_spec(), load_spec(), "path.remove", where)


def test_only_changed_operations_go_to_openapi_diff() -> None:
    new = with_import_request(description="Changed.")
    assert breaking.changed_operations(load_spec(), new) == {IMPORT: ["post"]}
    assert breaking.changed_operations(load_spec(), load_spec()) == {}


def test_a_base_without_the_spec_has_nothing_to_break(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(breaking, "git_spec", lambda ref: None)
    assert breaking.main(["--base", "HEAD"]) == 0
    assert "nothing can break" in capsys.readouterr().out


def test_a_base_that_is_no_commit_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert breaking.main(["--base", "no-such-ref-anywhere"]) == 2
    assert "is not a commit" in capsys.readouterr().err
