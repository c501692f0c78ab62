"""The breaking-change guard: does the tree's spec or Python API break users of an older one?

    python -m scripts.breaking --base v0.1.0            # make breaking BASE=v0.1.0
    python -m scripts.breaking --old a.yaml --new b.yaml [--changelog CHANGELOG.md]
        [--old-tree DIR [--new-tree DIR]]               # and two trees' Python APIs

The wire: two judges, and a change is breaking when either says so:

- openapi-diff 0.24.1 (npm): its `breakingDifferences`. It is good at what it sees through JSON
  Schema (removed paths and methods, narrowed request bodies, widened response bodies, value
  ranges), and it misses whole kinds of change. Its non-breaking and unclassified differences are
  listed, never counted: the second judge rules on those.
- our own check (this module), for what openapi-diff misses: newly required parameters and
  request fields, parameter and field type changes, removed enum values, removed or renamed
  operations and operationIds, changed path templates, removed response fields, removed success
  responses and media types. Each rule looks in the direction that matters: what a request may
  carry must not shrink, what a response guarantees must not weaken.

openapi-diff takes about a second to start and half a second per operation it compares, so it
is given only the operations whose content (references followed) differs between the two specs:
an unchanged operation cannot differ.

One correction to openapi-diff: it calls a new optional request field breaking (JSON Schema
sees the accepted bodies narrow), and we do not; see `only_new_optional_fields`.

The Python API of the `which50` package (`scripts/breaking_python.py`): griffe's
`find_breaking_changes` and a few rules of ours on `which50.__all__`, `which50.types` and every
class a user reaches from them through attributes (`client.contact_lists.fields`). With `--base`
the package at BASE (`git archive` of `overlay/` and `generated/`) is compared with the working
tree; with `--old`, only when `--old-tree` is given. Its breaks are tagged `[python]`.

Exit 0 when nothing breaks, or when the breaks are acknowledged: CHANGELOG.md has a `### Breaking`
entry (at least one bullet) under the heading of the new spec version, and that version is a
breaking bump of the old one (major, or minor while at 0.x). Exit 1 on an unacknowledged break,
2 when the comparison itself cannot run.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from scripts._openapi import (
    HTTP_METHODS,
    iter_operations,
    path_parameters,
    resolve,
    wire_template,
)
from scripts._tools import ROOT, SPEC, ToolError, node_tool
from scripts.breaking_python import (
    GRIFFE,
    PackageNotFound,
    PythonBreak,
    compare_trees,
    git_tree,
    grouped,
)

CHANGELOG = ROOT / "CHANGELOG.md"
# The Python API's report stops after this many (folded) lines unless --verbose.
PYTHON_LINES = 60
# What a request may carry (it must not shrink) or what a response guarantees (it must not weaken).
Direction = Literal["request", "response"]
# Default serialisation of a parameter, by location (OpenAPI 3.0.3, "style").
DEFAULT_STYLE = {"query": "form", "cookie": "form", "path": "simple", "header": "simple"}


@dataclass(frozen=True)
class Finding:
    """One difference between the specs, by one judge."""

    judge: str  # "which50" (our check), "openapi-diff", or "python" (the Python API)
    code: str
    where: str
    detail: str = ""
    breaking: bool = True

    def line(self) -> str:
        verdict = "BREAKING" if self.breaking else "ok"
        detail = f": {self.detail}" if self.detail else ""
        return f"  {verdict:<8} [{self.judge}] {self.code}  {self.where}{detail}"


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    operations_compared: int = 0
    # Why the Python API was not compared, when it was not.
    python_skipped: str = ""

    @property
    def breaking(self) -> list[Finding]:
        return [f for f in self.findings if f.breaking]


# ---------------------------------------------------------------------------------------------
# Our check
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    node: dict[str, Any]
    item: dict[str, Any]

    @property
    def operation_id(self) -> str | None:
        value = self.node.get("operationId")
        return value if isinstance(value, str) else None

    @property
    def label(self) -> str:
        return f"{self.method} {self.path} ({self.operation_id})"


def operations(spec: dict[str, Any]) -> list[Operation]:
    return [
        Operation(method, path, op, spec["paths"][path])
        for method, path, op in iter_operations(spec)
    ]


def parameters(spec: dict[str, Any], op: Operation) -> dict[tuple[str, str], dict[str, Any]]:
    """The operation's parameters (path-level ones included, operation-level ones winning).

    Path parameters are keyed by their position in the template, so that renaming one is
    reported once, as a changed path template; the others by location and name.
    """
    positions = {name: str(i) for i, name in enumerate(path_parameters(op.path))}
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in [*op.item.get("parameters", []), *op.node.get("parameters", [])]:
        param = resolve(spec, raw)
        where, name = param["in"], param["name"]
        found[(where, positions.get(name, name) if where == "path" else name)] = param
    return found


class Checker:
    """Compares two specs operation by operation and collects the breaking differences."""

    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.old, self.new = old, new
        self.findings: list[Finding] = []

    def add(self, code: str, where: str, detail: str = "") -> None:
        self.findings.append(Finding("which50", code, where, detail))

    def run(self) -> list[Finding]:
        new_ops = operations(self.new)
        by_id = {op.operation_id: op for op in new_ops if op.operation_id}
        by_route = {(op.method, wire_template(op.path)): op for op in new_ops}
        for old in operations(self.old):
            new = by_id.get(old.operation_id) if old.operation_id else None
            if new is None:
                new = by_route.get((old.method, wire_template(old.path)))
                if new is None:
                    self.add("operation-removed", old.label)
                    continue
                self.add("operation-id-changed", old.label, f"now {new.operation_id}")
            if new.method != old.method:
                self.add("operation-method-changed", old.label, f"now {new.method}")
            if new.path != old.path:
                same_wire = wire_template(new.path) == wire_template(old.path)
                why = "path parameters renamed" if same_wire else "the route changed"
                self.add("path-template-changed", old.label, f"now {new.path} ({why})")
            self.operation(old, new)
        return self.findings

    def operation(self, old: Operation, new: Operation) -> None:
        where = old.label
        self.parameters(old, new, where)
        self.request_body(old, new, where)
        self.responses(old, new, where)

    def parameters(self, old: Operation, new: Operation, where: str) -> None:
        before, after = parameters(self.old, old), parameters(self.new, new)
        for key, param in after.items():
            label = f"{where} {param['in']} parameter {param['name']}"
            previous = before.get(key)
            if previous is None:
                if param.get("required"):
                    self.add("required-parameter-added", label)
                continue
            if param.get("required") and not previous.get("required"):
                self.add("parameter-became-required", label)
            if serialisation(previous) != serialisation(param):
                detail = f"{serialisation(previous)} -> {serialisation(param)}"
                self.add("parameter-serialisation-changed", label, detail)
            self.schema(previous.get("schema", {}), param.get("schema", {}), label, "request")
        for key, param in before.items():
            if key not in after:
                self.add("parameter-removed", f"{where} {param['in']} parameter {param['name']}")

    def request_body(self, old: Operation, new: Operation, where: str) -> None:
        before = resolve(self.old, old.node["requestBody"]) if "requestBody" in old.node else None
        after = resolve(self.new, new.node["requestBody"]) if "requestBody" in new.node else None
        if after is None:
            if before is not None:
                self.add("request-body-removed", where)
            return
        if after.get("required") and not (before or {}).get("required"):
            self.add("request-body-became-required", where)
        if before is not None:
            self.content(before, after, f"{where} request body", "request")

    def responses(self, old: Operation, new: Operation, where: str) -> None:
        after = new.node.get("responses", {})
        for status, response in old.node.get("responses", {}).items():
            if not str(status).startswith("2"):
                continue
            label = f"{where} response {status}"
            if status not in after:
                self.add("success-response-removed", label)
                continue
            before_r, after_r = resolve(self.old, response), resolve(self.new, after[status])
            self.content(before_r, after_r, label, "response")

    def content(
        self, before: dict[str, Any], after: dict[str, Any], where: str, direction: Direction
    ) -> None:
        new_media = after.get("content", {})
        for media, body in before.get("content", {}).items():
            if media not in new_media:
                self.add(f"{direction}-media-type-removed", where, media)
                continue
            self.schema(
                body.get("schema", {}), new_media[media].get("schema", {}), where, direction
            )

    def schema(
        self,
        old_node: dict[str, Any],
        new_node: dict[str, Any],
        where: str,
        direction: Direction,
        seen: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        """Walk two schemas side by side; `direction` says which changes break a client."""
        pair = (old_node.get("$ref", ""), new_node.get("$ref", ""))
        if pair != ("", "") and pair in seen:
            return
        seen = seen | {pair}
        old, new = resolve(self.old, old_node), resolve(self.new, new_node)
        for key in ("type", "format"):
            if narrowed(old.get(key), new.get(key), direction):
                self.add(
                    f"{direction}-type-changed", where, f"{key} {old.get(key)} -> {new.get(key)}"
                )
        if direction == "request" and old.get("nullable") and not new.get("nullable"):
            self.add("request-null-no-longer-accepted", where)
        if direction == "response" and new.get("nullable") and not old.get("nullable"):
            self.add("response-field-may-be-null", where)
        self.enum(old.get("enum"), new.get("enum"), where, direction)
        old_props, new_props = old.get("properties", {}), new.get("properties", {})
        old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
        if direction == "request":
            for name in sorted((new_required - old_required) & new_props.keys()):
                self.add("required-field-added", f"{where} field {name}")
        else:
            for name in sorted((old_required - new_required) & old_props.keys()):
                self.add("response-field-no-longer-required", f"{where} field {name}")
        for name, prop in old_props.items():
            if name not in new_props:
                self.add(f"{direction}-field-removed", f"{where} field {name}")
            else:
                self.schema(prop, new_props[name], f"{where} field {name}", direction, seen)
        for key in ("items", "additionalProperties"):
            if isinstance(old.get(key), dict) and isinstance(new.get(key), dict):
                self.schema(old[key], new[key], f"{where} {key}", direction, seen)

    def enum(
        self, old: list[Any] | None, new: list[Any] | None, where: str, direction: Direction
    ) -> None:
        if direction == "request" and new is not None:
            gone = [v for v in old if v not in new] if old is not None else None
            if gone is None:
                self.add("request-enum-added", where, f"only {new} accepted now")
            elif gone:
                self.add("enum-value-removed", where, f"{gone} no longer accepted")
        if direction == "response" and old is not None:
            added = [v for v in new if v not in old] if new is not None else None
            if added is None or added:
                self.add("response-enum-widened", where, f"may now return {added or 'any value'}")


def narrowed(old: Any, new: Any, direction: Direction) -> bool:
    """A constraint (type, format) change that breaks a client in this direction.

    A request must not gain or change a constraint; a response must not lose or change one.
    """
    if old == new:
        return False
    return new is not None if direction == "request" else old is not None


def serialisation(param: dict[str, Any]) -> tuple[str, bool]:
    style = param.get("style", DEFAULT_STYLE[param["in"]])
    return style, bool(param.get("explode", style == "form"))


# ---------------------------------------------------------------------------------------------
# openapi-diff, on the paths that differ
# ---------------------------------------------------------------------------------------------


def inline(spec: dict[str, Any], node: Any, stack: tuple[str, ...] = ()) -> Any:
    """`node` with every local reference replaced by its target (a cycle stays a reference)."""
    if isinstance(node, list):
        return [inline(spec, item, stack) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        if ref in stack:
            return node
        return inline(spec, resolve(spec, node), (*stack, ref))
    return {key: inline(spec, value, stack) for key, value in node.items()}


def changed_operations(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[str]]:
    """The operations (by path, then method) whose content, references followed, differs.

    Path-level parameters are part of each operation here, so a change to them counts for all.
    """

    def text(spec: dict[str, Any], path: str, method: str) -> str | None:
        item = spec.get("paths", {}).get(path, {})
        if method not in item:
            return None
        op = {
            **item[method],
            "parameters": [*item.get("parameters", []), *item[method].get("parameters", [])],
        }
        return json.dumps(inline(spec, op), sort_keys=True, default=str)

    changed: dict[str, list[str]] = {}
    for path in dict.fromkeys([*old.get("paths", {}), *new.get("paths", {})]):
        items = (old.get("paths", {}).get(path, {}), new.get("paths", {}).get(path, {}))
        for method in dict.fromkeys([*items[0], *items[1]]):
            if method in HTTP_METHODS and text(old, path, method) != text(new, path, method):
                changed.setdefault(path, []).append(method)
    return changed


def only(spec: dict[str, Any], keep: dict[str, list[str]]) -> dict[str, Any]:
    """The spec with only the given operations (and their paths' shared fields)."""
    paths: dict[str, Any] = {}
    for path, methods in keep.items():
        item = spec.get("paths", {}).get(path)
        if item is not None:
            paths[path] = {
                key: value
                for key, value in item.items()
                if key not in HTTP_METHODS or key in methods
            }
    return {**spec, "paths": paths}


def openapi_diff(
    old: dict[str, Any], new: dict[str, Any], keep: dict[str, list[str]]
) -> list[Finding]:
    """openapi-diff 0.24.1 on the given operations; its breaking differences count (but see
    `only_new_optional_fields`), the others are listed."""
    with tempfile.TemporaryDirectory(prefix="which50-breaking-") as tmp:
        files = []
        for name, spec in (("old", old), ("new", new)):
            target = Path(tmp) / f"{name}.json"
            target.write_text(json.dumps(only(spec, keep), default=str))
            files.append(target)
        # Exit 1 means "breaking differences found"; its report is the JSON after the first line.
        proc = node_tool("openapi-diff", *files, ok=(0, 1))
    start = proc.stdout.find("{")
    if start < 0:
        return []
    result = json.loads(proc.stdout[start:])
    findings = []
    for kind in ("breaking", "nonBreaking", "unclassified"):
        for diff in result.get(f"{kind}Differences", []):
            where, detail = locations(diff), "" if kind == "breaking" else f"openapi-diff: {kind}"
            counts = kind == "breaking"
            if counts and only_new_optional_fields(old, new, diff.get("code", ""), where):
                counts, detail = False, "openapi-diff: breaking; only new optional fields: not"
            findings.append(Finding("openapi-diff", diff.get("code", "?"), where, detail, counts))
    return findings


REQUEST_SCHEMA = re.compile(
    r"^paths\.(?P<path>/.*)\.(?P<method>[a-z]+)\.requestBody\.content\.(?P<media>.+)\.schema$"
)


def only_new_optional_fields(
    old: dict[str, Any], new: dict[str, Any], code: str, where: str
) -> bool:
    """Is openapi-diff's `request.body.scope.remove` here explained by new optional fields alone?

    A new optional property narrows the set of bodies JSON Schema accepts (before, an undeclared
    member could hold anything), so openapi-diff calls it breaking. No client sends a member the
    API does not describe, so it breaks no one: the request body, less the properties that are
    new and optional, must then be exactly the old one. Anything else it calls breaking counts.
    """
    match = REQUEST_SCHEMA.match(where)
    if code != "request.body.scope.remove" or not match:
        return False

    def body(spec: dict[str, Any]) -> Any:
        op = spec["paths"].get(match.group("path"), {}).get(match.group("method"), {})
        request = resolve(spec, op.get("requestBody", {}))
        return inline(spec, request.get("content", {}).get(match.group("media"), {}).get("schema"))

    before, after = body(old), body(new)
    return before is not None and after != before and without_new_optional(before, after) == before


def without_new_optional(old: Any, new: Any) -> Any:
    """`new` less the object properties that `old` lacks and `new` does not require."""
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return new
    out = dict(new)
    old_props, new_props = old.get("properties"), new.get("properties")
    if isinstance(old_props, dict) and isinstance(new_props, dict):
        required = set(new.get("required", []))
        out["properties"] = {
            name: without_new_optional(old_props.get(name), prop)
            for name, prop in new_props.items()
            if name in old_props or name in required
        }
    for key in ("items", "additionalProperties"):
        if key in out:
            out[key] = without_new_optional(old.get(key), out[key])
    return out


def locations(diff: dict[str, Any]) -> str:
    found = [
        detail["location"]
        for side in ("sourceSpecEntityDetails", "destinationSpecEntityDetails")
        for detail in diff.get(side, [])
        if "location" in detail
    ]
    return ", ".join(dict.fromkeys(found)) or "?"


def compare(old: dict[str, Any], new: dict[str, Any]) -> Report:
    """Both judges on two specs."""
    report = Report(findings=Checker(old, new).run())
    keep = changed_operations(old, new)
    report.operations_compared = sum(map(len, keep.values()))
    if keep:
        report.findings += openapi_diff(old, new, keep)
    return report


# ---------------------------------------------------------------------------------------------
# The changelog, and the command
# ---------------------------------------------------------------------------------------------


def breaking_entries(changelog: str, version: str) -> list[str]:
    """The bullets of `### Breaking` under `## [version]` in a Keep a Changelog file."""
    section = re.search(
        rf"^## \[{re.escape(version)}\][^\n]*\n(.*?)(?=^## |\Z)", changelog, re.M | re.S
    )
    if not section:
        return []
    sub = re.search(r"^### Breaking[^\n]*\n(.*?)(?=^##|\Z)", section.group(1), re.M | re.S)
    return re.findall(r"^[-*] +(.+)$", sub.group(1), re.M) if sub else []


def breaking_bump(old: str, new: str) -> bool:
    """Semantic Versioning: a break needs a new major version (a new minor one while at 0.x)."""

    def parts(version: str) -> tuple[int, int]:
        match = re.match(r"(\d+)\.(\d+)", version)
        return (int(match.group(1)), int(match.group(2))) if match else (0, 0)

    (old_major, old_minor), (new_major, new_minor) = parts(old), parts(new)
    if old_major == 0:
        return (new_major, new_minor) > (old_major, old_minor)
    return new_major > old_major


def verdict(report: Report, old_version: str, new_version: str, changelog: str) -> tuple[int, str]:
    """The exit code and the closing line."""
    breaks = len(report.breaking)
    if not breaks:
        return 0, "breaking: no breaking change."
    entries = breaking_entries(changelog, new_version)
    if entries and breaking_bump(old_version, new_version):
        return 0, (
            f"breaking: {breaks} breaking difference(s), acknowledged: CHANGELOG.md lists "
            f"{len(entries)} under [{new_version}] ### Breaking, a breaking bump from "
            f"{old_version}."
        )
    if not entries:
        why = f'CHANGELOG.md has no "### Breaking" entry under "## [{new_version}]"'
    else:
        why = f"{old_version} -> {new_version} is not a breaking version bump"
    return 1, (
        f"breaking: {breaks} breaking difference(s), not acknowledged: {why}. Bump info.version "
        "in the spec and describe each break under ### Breaking in CHANGELOG.md, or undo it."
    )


def render(report: Report, old_name: str, new_name: str, *, verbose: bool = False) -> Iterator[str]:
    yield f"breaking: {old_name} -> {new_name}"
    judges = {"which50": "our check", "openapi-diff": "openapi-diff 0.24.1"}
    for judge, title in judges.items():
        mine = [f for f in report.findings if f.judge == judge]
        counted = sum(f.breaking for f in mine)
        suffix = (
            f" on the {report.operations_compared} changed operation(s)"
            if judge == "openapi-diff"
            else ""
        )
        yield f"{title}{suffix}: {counted} breaking, {len(mine) - counted} other"
        yield from (f.line() for f in sorted(mine, key=lambda f: (not f.breaking, f.where)))
    yield from render_python(report, verbose)


def render_python(report: Report, verbose: bool) -> Iterator[str]:
    """The Python API's breaks: those alike folded into one line (`(N)` says how many it holds),
    at most PYTHON_LINES lines; or, verbose, every break on its own line."""
    title = f"the Python API ({GRIFFE} and our rules)"
    if report.python_skipped:
        yield f"{title}: not compared: {report.python_skipped}"
        return
    mine = [f for f in report.findings if f.judge == "python"]
    breaks = [PythonBreak(f.code, f.where, f.detail) for f in mine]
    lines = [(b, 1) for b in breaks] if verbose else grouped(breaks)
    limit = None if verbose else PYTHON_LINES
    folded = f" in {len(lines)} line(s)" if len(lines) < len(mine) else ""
    yield f"{title}: {len(mine)} breaking{folded}"
    for item, count in lines[:limit]:
        many = f" ({count})" if count > 1 else ""
        yield Finding("python", item.code, item.where, item.detail).line() + many
    if limit is not None and len(lines) > limit:
        yield f"  ... and {len(lines) - limit} more line(s): --verbose lists every break"


def load(text: str) -> dict[str, Any]:
    """A spec from its YAML text (libyaml's safe loader: the same result, 7 times faster)."""
    loaded: dict[str, Any] = yaml.load(text, Loader=yaml.CSafeLoader)
    return loaded


def git_spec(ref: str) -> str | None:
    """The spec's text at a git ref, or None when the ref has no spec. Raises on a bad ref."""
    rel = SPEC.relative_to(ROOT).as_posix()
    subprocess.run(
        ["git", "rev-parse", "--verify", f"{ref}^{{commit}}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    proc = subprocess.run(
        ["git", "show", f"{ref}:{rel}"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return proc.stdout if proc.returncode == 0 else None


def python_api(
    report: Report, base: str | None, old_tree: Path | None, new_tree: Path
) -> list[Finding]:
    """The Python API's breaks, from the package at `base` (or in `old_tree`) to `new_tree`'s;
    none, with the reason in the report, when there is nothing to compare."""
    if base is None and old_tree is None:
        report.python_skipped = "give --old-tree (a tree with overlay/ and generated/)"
        return []
    with tempfile.TemporaryDirectory(prefix="which50-breaking-") as tmp:
        if old_tree is None:
            assert base is not None
            old_tree = Path(tmp)
            if not git_tree(base, old_tree, ROOT):
                report.python_skipped = (
                    f"{base} has no which50 package under overlay/ or generated/: "
                    "nothing was published there, every name is new"
                )
                return []
        breaks = compare_trees(old_tree, new_tree)
    return [Finding("python", b.code, b.where, b.detail) for b in breaks]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--base", help="git ref of the release (a tag, a commit): its spec and which50 package"
    )
    source.add_argument("--old", type=Path, help="the released spec, as a file")
    parser.add_argument(
        "--new", type=Path, default=SPEC.relative_to(ROOT), help="default: openapi/which50.yaml"
    )
    parser.add_argument("--changelog", type=Path, default=CHANGELOG)
    parser.add_argument(
        "--old-tree",
        type=Path,
        help="with --old: a tree whose overlay/ and generated/ hold the released Python package",
    )
    parser.add_argument(
        "--new-tree", type=Path, default=ROOT, help="the new Python package's tree (default: .)"
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help=f"every Python break on its own line (else folded, at most {PYTHON_LINES} lines)",
    )
    args = parser.parse_args(argv)
    if args.base is not None:
        try:
            old_text = git_spec(args.base)
        except subprocess.CalledProcessError:
            print(f"breaking: {args.base!r} is not a commit of this repository", file=sys.stderr)
            return 2
        if old_text is None:
            print(
                f"breaking: {args.base} has no {SPEC.relative_to(ROOT)}: nothing was published "
                "there, so nothing can break. Every operation and every Python name is new."
            )
            return 0
        old_name = f"{SPEC.relative_to(ROOT)} at {args.base}"
    else:
        old_text, old_name = args.old.read_text(encoding="utf-8"), str(args.old)
    old, new = load(old_text), load((ROOT / args.new).read_text(encoding="utf-8"))
    try:
        report = compare(old, new)
        report.findings += python_api(report, args.base, args.old_tree, args.new_tree)
    except (ToolError, PackageNotFound) as exc:
        print(f"breaking: {exc}", file=sys.stderr)
        return 2
    for line in render(
        report,
        f"{old_name} ({old['info']['version']})",
        f"{args.new} ({new['info']['version']})",
        verbose=args.verbose,
    ):
        print(line)
    changelog = args.changelog.read_text(encoding="utf-8") if args.changelog.exists() else ""
    code, closing = verdict(report, old["info"]["version"], new["info"]["version"], changelog)
    print(closing)
    return code


if __name__ == "__main__":
    sys.exit(main())
