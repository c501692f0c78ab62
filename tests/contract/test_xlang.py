"""scripts/xlang.py, without Java, Go or a sandbox: its warnings are classified as they must be,
its verdicts keep the EXPECTED table true, its summary says it all, and its programs and pins
agree with the script (`make xlang` itself runs in release-check)."""

from __future__ import annotations

import json
import re

import pytest

from scripts import xlang
from scripts._tools import ROOT

# Lines as OpenAPI Generator 7.26.0 prints them on this spec (and one it printed before the
# contact form was modelled with an encoded `Fields` map).
OG_LOG = """\
[main] INFO  o.o.codegen.DefaultGenerator - Generating with dryRun=false
[main] WARN  o.o.codegen.utils.ModelUtils - Failed to get the schema name: null
[main] ERROR o.o.codegen.DefaultCodegen - Form parameters with additionalProperties are not \
supported by OpenAPI Generator. Please report the issue to https://github.com/openapitools/\
openapi-generator if you need help.
[main] WARN  o.o.c.l.AbstractTypeScriptClientCodegen - Error (model name matches existing \
language type) cannot be used as a model name. Renamed to ModelError
[main] WARN  o.o.c.languages.AbstractGoCodegen - select (reserved word) cannot be used as \
parameter name. Renamed to select_
[main] WARN  o.o.c.languages.AbstractGoCodegen - something nobody has seen yet
"""


def kinds(log: str, *, openapi_generator: bool = True) -> list[str]:
    return [f.kind for f in xlang.generator_warnings(log, openapi_generator=openapi_generator)]


def test_each_warning_line_is_classified_by_where_it_comes_from() -> None:
    assert kinds(OG_LOG) == [
        xlang.GENERATOR,
        xlang.SPEC,
        xlang.SPEC,  # a schema named after a language type (the old `Error`)
        xlang.WIRE,
        xlang.SPEC,  # unknown: the spec's until a rule says otherwise
    ]


def test_info_lines_and_plain_output_are_not_warnings() -> None:
    assert kinds("[main] INFO  o.o.c.DefaultGenerator - Model X not generated\n") == []
    npm = "\x1b[32m✅ Done!\x1b[39m Your output is in ./client\n"
    assert kinds(npm, openapi_generator=False) == []
    assert kinds("⚠️ warning: something odd\n", openapi_generator=False) == [xlang.SPEC]


def test_an_unclassified_warning_says_so() -> None:
    finding = xlang.classify("brand new complaint")
    assert finding.kind == xlang.SPEC and "unclassified" in finding.why


def checks(**results: bool) -> list[xlang.Check]:
    return [xlang.Check(name.replace("_", " "), ok, "") for name, ok in results.items()]


def test_a_failed_check_fails_unless_it_is_expected() -> None:
    verdicts = xlang.judge(
        "go", checks(contact_form=False, server_time_is_a_string=False, big_file_size=False), []
    )
    by_check = {v.check: v for v in verdicts}
    assert by_check["contact form"].failed and by_check["big file size"].failed
    assert not by_check["server time is a string"].failed
    assert by_check["server time is a string"].outcome == "expected failure (generator)"


def test_an_expected_failure_that_passes_fails_the_run() -> None:
    (verdict,) = xlang.judge("go", checks(server_time_is_a_string=True), [])
    assert verdict.failed and verdict.outcome == "unexpected pass"
    assert "remove it from EXPECTED" in verdict.detail


def test_a_check_the_program_never_reported_fails() -> None:
    verdicts = xlang.judge("hey-api", checks(upload_file=True), ["upload file", "download file"])
    assert [(v.check, v.failed) for v in verdicts] == [
        ("upload file", False),
        ("download file", True),
    ]


def test_program_output_is_read_line_by_line() -> None:
    out = 'noise\n{"check": "a", "ok": true, "detail": "d"}\n{"broken\n{"ok": false}\n'
    assert xlang.parse_checks(out) == [xlang.Check("a", True, "d")]


def test_compile_errors_are_counted_per_tool() -> None:
    tsc = "main.ts(3,1): error TS2304: Cannot find name 'x'.\na.ts(1,1): error TS1005: x\n"
    assert xlang.count_errors(tsc, 2) == 2
    assert xlang.count_errors("./api.go:327:46: undefined: time\n", 1) == 1
    assert xlang.count_errors("something went wrong\n", 1) == 1
    assert xlang.count_errors("", 0) == 0


def test_the_summary_and_the_failures_name_what_failed() -> None:
    report = xlang.Report("go", "OpenAPI Generator 7.26.0")
    report.findings = xlang.generator_warnings(OG_LOG, openapi_generator=True)
    report.steps = [xlang.Step("go build", False, 3, 1.0, "./a.go:1:1: undefined: time\n")]
    report.verdicts = xlang.judge(
        "go", checks(contact_form=True, server_time_is_a_string=False), []
    )
    text = xlang.summary([report])
    header = text.splitlines()[1]
    assert all(kind in header for kind in xlang.KINDS)
    row = r"^go\s+OpenAPI Generator 7\.26\.0\s+3\s+1\s+1\s+3\s+1/2 \(\+1 expected\)"
    assert re.search(row, text, re.M)
    problems = "\n".join(xlang.failures([report]))
    assert "from the spec: Form parameters with additionalProperties" in problems
    assert "go build failed" in problems and "undefined: time" in problems
    assert report.failed


@pytest.mark.parametrize("program", ["typescript-fetch.ts", "hey-api.ts", "go/main.go"])
def test_every_program_reports_every_check(program: str) -> None:
    source = (xlang.PROGRAMS / program).read_text(encoding="utf-8")
    for name in xlang.CHECKS:
        assert f'"{name}"' in source or f"'{name}'" in source, f"{program} never checks {name!r}"


def test_expected_failures_name_real_clients_and_checks() -> None:
    runners = {client.name for client in xlang.CLIENTS if client.runs}
    for (client, check), expected in xlang.EXPECTED.items():
        assert client in runners and check in xlang.CHECKS
        assert expected.kind == xlang.GENERATOR and expected.why


def test_the_npm_generator_is_pinned_exactly() -> None:
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    pinned = manifest["devDependencies"][xlang.HEY_API_PACKAGE]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned)
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"][f"node_modules/{xlang.HEY_API_PACKAGE}"]["version"] == pinned


def test_openapi_generator_is_pinned_exactly() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(rf'"openapi-generator-cli=={re.escape(xlang.og_version())}"', pyproject)
