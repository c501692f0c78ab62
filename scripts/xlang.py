"""Prove the published spec in other languages: generate, compile and run clients from it.

    python -m scripts.xlang                 # everything; what `make xlang` runs
    python -m scripts.xlang --only go       # one client (repeatable): go, python,
                                            # typescript-fetch, hey-api

From dist/openapi.yaml (bundled first when it is missing or older than the spec), into build/xlang/
(git-ignored, wiped per client), with pinned tools only:

- OpenAPI Generator, the version in the venv (PyPI `openapi-generator-cli`, which bundles the jar;
  Java 17): `typescript-fetch`, `go` and `python`.
- @hey-api/openapi-ts, pinned in package.json, as the generator from npm. Tried on this spec,
  among those that run on Node 20: orval 7.13.2 (its last for Node 20; later ones want Node
  22.18) sends the match values as `[object Object]`, explodes `match` against
  `explode: false`, and sends `Fields` as one JSON value; swagger-typescript-api 13.13.0 sends
  every query object as `[object Object]` and every array exploded, whatever `style` and
  `explode` say. Hey API serialises query parameters as their `style` and `explode` say and
  form bodies whole (only `encoding` it ignores), and is the best kept of the three (frequent
  releases, typed fetch client). 0.95.0 is its last release for Node 20 (it needs 20.19+).

Each client is compiled with zero errors allowed (tsc --strict; go build and go vet with
GOPROXY=off, stdlib only; compileall and an import for Python). The generators' warnings are
counted and classified (see RULES): those that come from the spec fail the run. Then a short
program per client (openapi/examples-xlang/) runs against a sandbox started here, and prints one
JSON line per check; every check must pass unless EXPECTED names it, and an EXPECTED failure that
passes fails the run too, so that the table is kept true (the same rule as xfail_strict).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from scripts._tools import DIST, NODE_BIN, ROOT
from scripts._tools import SPEC as SPEC_FILE

BUNDLE = DIST / "openapi.yaml"
BUILD = ROOT / "build" / "xlang"
PROGRAMS = ROOT / "openapi" / "examples-xlang"
VENV_BIN = Path(sys.executable).parent
OPENAPI_GENERATOR = VENV_BIN / "openapi-generator-cli"
HEY_API_PACKAGE = "@hey-api/openapi-ts"
# Go from Debian (golang-go), standard library only: nothing may be fetched. Its caches live in
# build/xlang/ too, so that a machine without $HOME (CI) builds the same way.
GO_ENV = {
    "GOPROXY": "off",
    "GOFLAGS": "-mod=mod",
    "GOTOOLCHAIN": "local",
    "GO111MODULE": "on",
    "GOCACHE": str(BUILD / ".go" / "cache"),
    "GOPATH": str(BUILD / ".go" / "path"),
}
GO_MODULE = "which50xlang"
GO_VERSION = "1.19"  # the go.mod language version: Debian bookworm's golang-go
STEP_TIMEOUT = 600  # seconds for any one tool run

# ---------------------------------------------------------------- warning classification

SPEC = "spec"  # the spec causes it and can fix it: fails the run
WIRE = "spec, wire"  # from a name the API itself fixes on the wire: cannot change
GENERATOR = "generator"  # the generator's own noise, whatever the spec
KINDS = (SPEC, WIRE, GENERATOR)


@dataclasses.dataclass(frozen=True)
class Rule:
    pattern: str
    kind: str
    why: str


RULES: tuple[Rule, ...] = (
    Rule(
        r"Form parameters with additionalProperties are not supported",
        SPEC,
        "a form schema with additionalProperties: OpenAPI Generator drops every undeclared field",
    ),
    Rule(
        r"\(model name matches existing language type\)",
        SPEC,
        "a schema named after a type of the target language (an `Error` schema): rename it",
    ),
    Rule(
        r"select \(reserved word\) cannot be used as (parameter|model) name",
        WIRE,
        "the query parameter is `$select` on the wire; go escapes the keyword (`Select_`)",
    ),
    Rule(
        r"Failed to get the schema name: null",
        GENERATOR,
        "logged while OpenAPI Generator names inline schemas; its count varies from run to run",
    ),
    Rule(
        r"Generation using 3\.1\.0 specs is in development",
        GENERATOR,
        "a notice about OpenAPI 3.1 (the spec is 3.0.3)",
    ),
)
OG_LINE = re.compile(r"^\[[^\]]+\]\s+(WARN|ERROR)\s+\S+\s+-\s+(?P<message>.*)$")
NPM_LINE = re.compile(r"\b(warn(ing)?|error)\b", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class Finding:
    message: str
    kind: str
    why: str


def classify(message: str) -> Finding:
    """The kind of one warning; one that no rule knows counts as the spec's until classified."""
    for rule in RULES:
        if re.search(rule.pattern, message):
            return Finding(message, rule.kind, rule.why)
    return Finding(message, SPEC, "unclassified: counted as the spec's until a rule says otherwise")


def generator_warnings(log: str, *, openapi_generator: bool) -> list[Finding]:
    """Every warning or error line of a generator's output, classified."""
    found = []
    for raw in log.splitlines():
        line = re.sub(r"\x1b\[[0-9;]*m", "", raw).strip()
        if openapi_generator:
            if match := OG_LINE.match(line):
                found.append(classify(match["message"]))
        elif NPM_LINE.search(line):
            found.append(classify(line))
    return found


# ---------------------------------------------------------------- runtime checks

PASS, FAIL = "pass", "FAIL"


@dataclasses.dataclass(frozen=True)
class Expected:
    kind: str  # GENERATOR: a limit of the generator that no spec can lift
    why: str


# Checks that are known to fail today, per (client, check). Each must still fail: one that
# passes is reported, so that this table is corrected rather than left stale.
EXPECTED: dict[tuple[str, str], Expected] = {
    ("typescript-fetch", "contact form"): Expected(
        GENERATOR,
        "typescript-fetch ignores a form property's `encoding`: it appends the `Fields` map as "
        "a JSON Blob, which a url-encoded form sends as `Fields=[object Blob]`",
    ),
    ("go", "server time is a string"): Expected(
        GENERATOR,
        "go hands back the raw body for a string answer, so a JSON string keeps its quotes "
        "(the type is string, and the program compiles)",
    ),
}


@dataclasses.dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def parse_checks(stdout: str) -> list[Check]:
    """The JSON lines a program printed: {"check": ..., "ok": ..., "detail": ...}."""
    checks = []
    for line in stdout.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict) and "check" in data and "ok" in data:
            checks.append(Check(str(data["check"]), bool(data["ok"]), str(data.get("detail", ""))))
    return checks


@dataclasses.dataclass(frozen=True)
class Verdict:
    check: str
    outcome: str  # "pass", "expected failure (kind)", "FAIL", "unexpected pass"
    detail: str
    failed: bool


def judge(client: str, checks: Sequence[Check], required: Iterable[str]) -> list[Verdict]:
    """Each check against EXPECTED; a required check the program never reported fails."""
    verdicts = []
    for check in checks:
        expected = EXPECTED.get((client, check.name))
        if check.ok and expected is None:
            verdicts.append(Verdict(check.name, PASS, check.detail, False))
        elif check.ok and expected is not None:
            why = f"expected to fail ({expected.why}); remove it from EXPECTED"
            verdicts.append(Verdict(check.name, "unexpected pass", why, True))
        elif expected is not None:
            outcome = f"expected failure ({expected.kind})"
            verdicts.append(Verdict(check.name, outcome, f"{check.detail} [{expected.why}]", False))
        else:
            verdicts.append(Verdict(check.name, FAIL, check.detail, True))
    seen = {check.name for check in checks}
    for name in required:
        if name not in seen:
            verdicts.append(Verdict(name, FAIL, "the program did not report this check", True))
    return verdicts


# Every program reports these checks (openapi/examples-xlang/README.md says what each does).
CHECKS = (
    "list contact lists",
    "upsert with match",
    "contact form",
    "patch with match values",
    "upload file",
    "download file",
    "server time is a string",
    "linked data $select",
    "big file size",
)

# ---------------------------------------------------------------- running tools


class StepError(RuntimeError):
    """A tool failed; the message carries its output."""


@dataclasses.dataclass
class Step:
    name: str
    ok: bool
    errors: int
    seconds: float
    output: str


def run(
    name: str, cmd: Sequence[str | Path], *, cwd: Path, env: dict[str, str] | None = None
) -> Step:
    """Run one tool; its output and an error count are kept for the summary."""
    started = time.monotonic()
    try:
        proc = subprocess.run(
            [str(part) for part in cmd],
            cwd=cwd,
            env={**os.environ, **(env or {})},
            capture_output=True,
            text=True,
            timeout=STEP_TIMEOUT,
            check=False,
        )
        output, code = proc.stdout + proc.stderr, proc.returncode
    except subprocess.TimeoutExpired as exc:
        output, code = f"timed out after {exc.timeout} s", -1
    except FileNotFoundError as exc:
        output, code = f"not found: {exc.filename}", -1
    seconds = time.monotonic() - started
    return Step(name, code == 0, count_errors(output, code), seconds, output)


ERROR_LINE = re.compile(
    r"error TS\d+"  # tsc
    r"|^\S+\.go:\d+:\d+: "  # go build, go vet
    r"|^\*\*\* Error compiling"  # compileall
    r"|^(Traceback|\w+Error: )",  # python -c "import ..."
    re.MULTILINE,
)


def count_errors(output: str, code: int) -> int:
    """Compile errors in a tool's output; a failed run that names none counts as one."""
    found = len(ERROR_LINE.findall(output))
    return found if found or code == 0 else 1


# ---------------------------------------------------------------- the clients


@dataclasses.dataclass
class Report:
    client: str
    tool: str
    findings: list[Finding] = dataclasses.field(default_factory=list)
    steps: list[Step] = dataclasses.field(default_factory=list)
    verdicts: list[Verdict] = dataclasses.field(default_factory=list)

    @property
    def compile_errors(self) -> int:
        return sum(step.errors for step in self.steps if step.name != "run")

    def count(self, kind: str) -> int:
        return sum(1 for finding in self.findings if finding.kind == kind)

    @property
    def failed(self) -> bool:
        return (
            self.count(SPEC) > 0
            or any(not step.ok for step in self.steps)
            or any(verdict.failed for verdict in self.verdicts)
        )


def og_version() -> str:
    return importlib.metadata.version("openapi-generator-cli")


def npm_version(package: str) -> str:
    manifest = ROOT / "node_modules" / package / "package.json"
    version: str = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    return version


def fresh(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def openapi_generator(report: Report, generator: str, out: Path, *props: str) -> bool:
    """Generate with OpenAPI Generator; its warnings go into the report."""
    cmd: list[str | Path] = [
        OPENAPI_GENERATOR,
        "generate",
        "--input-spec",
        BUNDLE,
        "--generator-name",
        generator,
        "--output",
        out,
        # No test stubs or docs: only the client is compiled.
        "--global-property=apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
        "--skip-validate-spec",  # the spec is validated by `make lint-spec`; keep to codegen
    ]
    if props:
        cmd.append("--additional-properties=" + ",".join(props))
    step = run("generate", cmd, cwd=ROOT)
    report.steps.append(step)
    report.findings += generator_warnings(step.output, openapi_generator=True)
    return step.ok


TS_CONFIG = {
    "compilerOptions": {
        "target": "ES2022",
        "module": "commonjs",
        "moduleResolution": "node",
        "lib": ["ES2022", "DOM", "DOM.Iterable"],
        "strict": True,
        "types": [],
        "skipLibCheck": False,
        "noEmitOnError": True,
        "outDir": "out",
        "rootDir": ".",
    },
    "include": ["client/**/*.ts", "main.ts"],
}


def typescript(report: Report, root: Path, program: str) -> Path | None:
    """tsc --strict over the generated client and the program; the JavaScript to run."""
    shutil.copy(PROGRAMS / program, root / "main.ts")
    (root / "tsconfig.json").write_text(json.dumps(TS_CONFIG, indent=2), encoding="utf-8")
    step = run("tsc --strict", [NODE_BIN / "tsc", "--project", root / "tsconfig.json"], cwd=root)
    report.steps.append(step)
    return root / "out" / "main.js" if step.ok else None


def build_typescript_fetch(report: Report) -> list[str] | None:
    root = fresh(BUILD / "typescript-fetch")
    props = ("supportsES6=true", "npmName=which50-og")
    if not openapi_generator(report, "typescript-fetch", root / "client", *props):
        return None
    main = typescript(report, root, "typescript-fetch.ts")
    return ["node", str(main)] if main else None


def build_hey_api(report: Report) -> list[str] | None:
    root = fresh(BUILD / "hey-api")
    # Absolute paths: Hey API reads a relative --input as a name in its own registry.
    cmd: list[str | Path] = [
        NODE_BIN / "openapi-ts",
        "--input",
        BUNDLE,
        "--output",
        root / "client",
    ]
    step = run("generate", [*cmd, "--client", "@hey-api/client-fetch"], cwd=ROOT)
    report.steps.append(step)
    report.findings += generator_warnings(step.output, openapi_generator=False)
    if not step.ok:
        return None
    main = typescript(report, root, "hey-api.ts")
    return ["node", str(main)] if main else None


def build_go(report: Report) -> list[str] | None:
    root = fresh(BUILD / "go")
    # withGoMod=false: the module is ours (stdlib only, Go 1.19), with the client as a package.
    props = ("packageName=which50", "withGoMod=false", "enumClassPrefix=true")
    if not openapi_generator(report, "go", root / "which50", *props):
        return None
    (root / "go.mod").write_text(f"module {GO_MODULE}\n\ngo {GO_VERSION}\n", encoding="utf-8")
    program = fresh(root / "cmd" / "xlang")
    shutil.copy(PROGRAMS / "go" / "main.go", program / "main.go")
    binary = root / "xlang"
    steps: tuple[tuple[str, list[str | Path]], ...] = (
        ("go build", ["go", "build", "./..."]),
        ("go vet", ["go", "vet", "./..."]),
        ("go build", ["go", "build", "-o", binary, "./cmd/xlang"]),
    )
    for name, cmd in steps:
        step = run(name, cmd, cwd=root, env=GO_ENV)
        report.steps.append(step)
        if not step.ok:
            return None
    return [str(binary)]


def build_python(report: Report) -> list[str] | None:
    root = fresh(BUILD / "python")
    props = ("packageName=which50_og", "projectName=which50-og")
    if not openapi_generator(report, "python", root, *props):
        return None
    step = run("compileall", [sys.executable, "-m", "compileall", "-q", "which50_og"], cwd=root)
    report.steps.append(step)
    if not step.ok:
        return None
    importer = "import which50_og, which50_og.api, which50_og.models; print('imported')"
    step = run("import", [sys.executable, "-c", importer], cwd=root, env={"PYTHONPATH": str(root)})
    report.steps.append(step)
    return None  # compiled and imported; no runtime program for this client


@dataclasses.dataclass(frozen=True)
class Client:
    name: str
    tool: Callable[[], str]
    build: Callable[[Report], list[str] | None]
    runs: bool  # whether a program runs against the sandbox


CLIENTS = (
    Client(
        "typescript-fetch",
        lambda: f"OpenAPI Generator {og_version()}",
        build_typescript_fetch,
        True,
    ),
    Client("go", lambda: f"OpenAPI Generator {og_version()}", build_go, True),
    Client("python", lambda: f"OpenAPI Generator {og_version()}", build_python, False),
    Client(
        "hey-api", lambda: f"{HEY_API_PACKAGE} {npm_version(HEY_API_PACKAGE)}", build_hey_api, True
    ),
)


# ---------------------------------------------------------------- the whole run


def ensure_bundle() -> None:
    """dist/openapi.yaml, built from the spec when it is missing or older."""
    sources = [SPEC_FILE, *(SPEC_FILE.parent.glob("*.yaml"))]
    newest = max(path.stat().st_mtime for path in sources)
    if BUNDLE.exists() and BUNDLE.stat().st_mtime >= newest:
        return
    print("xlang: bundling the spec (make bundle)", flush=True)
    subprocess.run([sys.executable, "-m", "scripts.publish", "bundle"], cwd=ROOT, check=True)


def run_programs(reports: dict[str, Report], commands: dict[str, list[str]]) -> None:
    """Every program against one sandbox (fresh seed, frozen time); each writes its own values."""
    from which50_sandbox.testing import run_sandbox

    with run_sandbox() as sandbox:
        env = {"WHICH50_BASE_URL": sandbox.base_url, "WHICH50_TOKEN": sandbox.token}
        for name, cmd in commands.items():
            step = run("run", cmd, cwd=BUILD / name, env={**env, "XLANG_CLIENT": name})
            checks = parse_checks(step.output)
            # The program exits 1 when a check failed; that alone is no failure of the step.
            step.ok = step.ok or (step.output.strip() != "" and bool(checks))
            step.errors = 0
            reports[name].steps.append(step)
            reports[name].verdicts = judge(name, checks, CHECKS)


def table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def summary(reports: Sequence[Report]) -> str:
    """The summary tables: generation and compilation per client, then the runtime checks."""
    head = ["client", "generator", *KINDS, "compile errors", "checks passed", "seconds"]
    rows = [head]
    for report in reports:
        passed = sum(1 for v in report.verdicts if v.outcome == PASS)
        known = sum(1 for v in report.verdicts if v.outcome.startswith("expected failure"))
        checks = f"{passed}/{len(report.verdicts)}" if report.verdicts else "-"
        checks += f" (+{known} expected)" if known else ""
        seconds = f"{sum(step.seconds for step in report.steps):.0f}"
        counts = [str(report.count(kind)) for kind in KINDS]
        rows.append(
            [report.client, report.tool, *counts, str(report.compile_errors), checks, seconds]
        )
    parts = ["xlang: warnings per generator, by where they come from", table(rows)]
    findings = [
        [report.client, finding.kind, str(count), finding.message[:110]]
        for report in reports
        for finding, count in _counted(report.findings)
    ]
    if findings:
        parts += ["", "xlang: the warnings", table([["client", "kind", "n", "message"], *findings])]
    verdicts = [
        [report.client, verdict.check, verdict.outcome, verdict.detail[:120]]
        for report in reports
        for verdict in report.verdicts
    ]
    if verdicts:
        head = ["client", "check", "outcome", "detail"]
        parts += ["", "xlang: runtime checks against the sandbox", table([head, *verdicts])]
    return "\n".join(parts)


def _counted(findings: Sequence[Finding]) -> list[tuple[Finding, int]]:
    counts: dict[Finding, int] = {}
    for finding in findings:
        counts[finding] = counts.get(finding, 0) + 1
    return sorted(counts.items(), key=lambda item: (KINDS.index(item[0].kind), item[0].message))


def failures(reports: Sequence[Report]) -> list[str]:
    """One line per reason the run fails."""
    lines = []
    for report in reports:
        for finding, _ in _counted(report.findings):
            if finding.kind == SPEC:
                lines.append(f"{report.client}: from the spec: {finding.message} ({finding.why})")
        for step in report.steps:
            if not step.ok:
                tail = "\n    ".join(step.output.strip().splitlines()[-25:])
                lines.append(f"{report.client}: {step.name} failed:\n    {tail}")
        for verdict in report.verdicts:
            if verdict.failed:
                lines.append(
                    f"{report.client}: {verdict.check}: {verdict.outcome}: {verdict.detail}"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    names = [client.name for client in CLIENTS]
    parser.add_argument("--only", action="append", choices=names, help="this client only")
    args = parser.parse_args(argv)
    chosen = [client for client in CLIENTS if not args.only or client.name in args.only]

    ensure_bundle()
    BUILD.mkdir(parents=True, exist_ok=True)
    reports: dict[str, Report] = {}
    commands: dict[str, list[str]] = {}
    for client in chosen:
        print(f"xlang: {client.name}: generate and compile", flush=True)
        report = reports[client.name] = Report(client.name, client.tool())
        command = client.build(report)
        if client.runs:
            if command:
                commands[client.name] = command
            else:
                report.verdicts = judge(client.name, [], [])
    if commands:
        print(f"xlang: running {', '.join(commands)} against a sandbox", flush=True)
        run_programs(reports, commands)
    print(summary(list(reports.values())))
    if problems := failures(list(reports.values())):
        print("\nxlang: FAILED", file=sys.stderr)
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    print("\nxlang: every client generated, compiled and passed its checks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
