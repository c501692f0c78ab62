"""A new endpoint is a spec-only change: proven on a copy of the repository.

The copy (every file git tracks or would track, as they are in the working tree) gets two
operations added to its `openapi/which50.yaml`, as a maintainer would write them, and nothing
else is edited by hand:

- `GET /contactLists/{contactListId}/count` (`getContactListCount`) in the existing tag
  ContactLists, which the default rule names `contact_lists.get_count`;
- `GET /segments` (`listSegments`) in a new tag, Segments, which `openapi/python.yaml` does not
  list: a tag without an entry is a top-level resource named after it, `segments.list`.

Both are index-only, every shape marked "Inferred:", each with a schema of its own and an
example answer. Then the copy's own `make generate` and `make check` must pass, both clients
of the copy must have the methods and send the requests the spec describes, `api.md` must
list them, the copy's sandbox must answer them from their examples (`X-Which50-Sandbox:
example`), and the copy's unit tests must pass, unchanged.

"Spec-only" means: the spec is the one file edited by hand; `make generate` writes generated/
and api.md; no names-file entry, no test table, no docs table, no hand-written code. The
names file is needed only to name an operation, or to place or name a tag's resource, other
than the default rule does. Cassettes are not part of it: they must cover every operation
(tests/contract/test_cassettes.py), so a new one takes a recorded test and `make record` (see
CONTRIBUTING.md); the copy's cassette tests are not run here.

The copy reuses this tree's `.venv`, `.tools` and `node_modules` through symbolic links and
runs make with `-o install` (install counts as done): `make install` there would re-point the
shared venv's editable install at the copy. Its packages are imported from the copy through
PYTHONPATH, ahead of the editable install's paths. mypy starts with no cache in the copy, so
`make check` there is a cold run, as in a fresh clone. Every step runs once, in one
module-scoped fixture, and the tests below read its results: about a minute of CPU in all,
the copy's unit tests and `make check` the bulk of it.

About two minutes of wall time on two cores, so it is marked ``slow``: `make test` leaves it
to `make test-slow`, which `make release-check` (and so CI) runs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

# The operations added, as a maintainer writes them into the spec (YAML text, inserted at the
# end of `paths`, `tags` and `components.schemas`), and what each must become.
PATHS = """\
  /contactLists/{contactListId}/count:
    get:
      operationId: getContactListCount
      tags: [ContactLists]
      summary: Count the contacts of a ContactList
      description: >-
        Inferred: all of it. A test adds this operation to a copy of the spec, to prove that a
        new endpoint needs nothing but the spec.
      x-which50-source: index-only
      parameters:
        - $ref: '#/components/parameters/ContactListId'
        - name: modifiedSince
          in: query
          required: false
          description: 'Inferred: count only the contacts modified at or after this time.'
          schema:
            type: string
            format: date-time
          example: '2025-11-01T00:00:00+00:00'
      responses:
        '200':
          description: 'Inferred: the number of contacts in the list.'
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ContactListCount'
              example:
                ContactListId: 1042
                Count: 50
        '401':
          $ref: '#/components/responses/Unauthorized'
        '403':
          $ref: '#/components/responses/Forbidden'
        '404':
          $ref: '#/components/responses/ContactListNotFound'
        '500':
          $ref: '#/components/responses/InternalServerError'
  /segments:
    get:
      operationId: listSegments
      tags: [Segments]
      summary: List the segments
      description: >-
        Inferred: all of it. A test adds this operation, and its tag, to a copy of the spec.
      x-which50-source: index-only
      parameters:
        - name: pageNumber
          in: query
          required: false
          description: 'Inferred: the page to answer, counting from 1.'
          schema:
            type: integer
            format: int32
            minimum: 1
          example: 2
        - name: pageSize
          in: query
          required: false
          description: 'Inferred: at most this many segments per page.'
          schema:
            type: integer
            format: int32
            minimum: 1
          example: 10
      responses:
        '200':
          description: 'Inferred: one page of the account''s segments.'
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/Segment'
              example:
                - Id: 7
                  Name: Newsletter readers
                  ContactListId: 1042
        '400':
          $ref: '#/components/responses/BadRequest'
        '401':
          $ref: '#/components/responses/Unauthorized'
        '403':
          $ref: '#/components/responses/Forbidden'
        '500':
          $ref: '#/components/responses/InternalServerError'
"""
TAGS = """\
  - name: Segments
    description: >-
      Saved selections of a contact list's contacts. Inferred: a test adds this tag to a copy
      of the spec.
"""
SCHEMAS = """\
    ContactListCount:
      type: object
      description: 'Inferred: how many contacts a contact list holds; every member is present.'
      required: [ContactListId, Count]
      properties:
        ContactListId:
          type: integer
          format: int32
        Count:
          type: integer
          format: int32
    Segment:
      type: object
      description: 'Inferred: a segment of a contact list; every member is present.'
      required: [Id, Name, ContactListId]
      properties:
        Id:
          type: integer
          format: int32
        Name:
          type: string
          nullable: true
        ContactListId:
          type: integer
          format: int32
"""


@dataclass(frozen=True)
class Case:
    operation_id: str
    dotted: str  # client.<dotted>
    args: list[Any]
    kwargs: dict[str, Any]
    signature: str  # as api.md shows it
    route: str  # as api.md shows it
    path: str  # the request's URL path
    query: list[list[str]]  # the request's query, in order
    answer: Any  # the spec's example of the 200
    model: str  # the `which50.types` model of the answer


CASES = [
    Case(
        "getContactListCount",
        "contact_lists.get_count",
        [1042],
        {"modified_since": "2025-11-01T00:00:00+00:00"},
        "get_count(contact_list_id: int, modified_since: str \\| None = None) -> ContactListCount",
        "GET /contactLists/{contactListId}/count",
        "/Which50API/contactLists/1042/count",
        [["modifiedSince", "2025-11-01T00:00:00+00:00"]],
        {"ContactListId": 1042, "Count": 50},
        "ContactListCount",
    ),
    Case(
        "listSegments",
        "segments.list",
        [],
        {"page_number": 2, "page_size": 10},
        "list(page_number: int \\| None = None, page_size: int \\| None = None) -> list[Segment]",
        "GET /segments",
        "/Which50API/segments",
        [["pageNumber", "2"], ["pageSize", "10"]],
        [{"Id": 7, "Name": "Newsletter readers", "ContactListId": 1042}],
        "Segment",
    ),
]

# What the copy may differ in from this tree after `make generate`: the hand edit, and what
# make generate writes.
WRITTEN_BY_GENERATE = ("generated/", "api.md")
EDITED_BY_HAND = "openapi/which50.yaml"
# Shared with this tree rather than rebuilt: the environments `make install` builds.
SHARED = (".venv", ".tools", "node_modules")
CACHES = ("__pycache__", ".pycache", ".ruff_cache", ".mypy_cache", ".pytest_cache")


def insert_at_end_of(text: str, section: str, addition: str) -> str:
    """`addition` after the last line of a block: a top-level key (`paths`), or a key indented
    below one (`components.schemas`)."""
    start = 0
    indent = ""
    for key in section.split("."):
        found = re.search(rf"^{indent}{re.escape(key)}:\n", text[start:], re.MULTILINE)
        assert found is not None, f"no {section} in the spec"
        start += found.end()
        indent += "  "
    outer = indent[:-2]
    # The block ends at the next line indented no deeper than its key (a sibling or a parent).
    end = re.compile(rf"^(?!{outer}  |\n)", re.MULTILINE).search(text, start)
    at = end.start() if end else len(text)
    return text[:at] + addition + text[at:]


def add_operations(spec: Path) -> None:
    text = spec.read_text(encoding="utf-8")
    text = insert_at_end_of(text, "paths", PATHS)
    text = insert_at_end_of(text, "tags", TAGS)
    text = insert_at_end_of(text, "components.schemas", SCHEMAS)
    doc = yaml.safe_load(text)
    added = {
        op["operationId"] for item in doc["paths"].values() for op in item.values() if "tags" in op
    } & {case.operation_id for case in CASES}
    assert (
        len(added) == len(CASES)
        and {"Segment", "ContactListCount"} <= doc["components"]["schemas"].keys()
    )
    spec.write_text(text, encoding="utf-8")


def copy_tree(dest: Path) -> None:
    """Every file git tracks or would track (untracked ones not ignored), as in the working
    tree; the environments are linked, not copied."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name, follow_symlinks=False)
    for name in SHARED:
        (dest / name).symlink_to((ROOT / name).resolve(), target_is_directory=True)


def environment(copy: Path) -> dict[str, str]:
    """The copy's packages first; nothing inherited from the make or pytest running us."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MAKE", "MFLAGS", "COV_CORE_", "COVERAGE_", "PYTEST_"))
    }
    env["PYTHONPATH"] = os.pathsep.join(str(copy / part) for part in ("overlay", "generated"))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


@dataclass
class Step:
    command: list[str]
    returncode: int
    output: str
    seconds: float

    def __str__(self) -> str:
        ran = f"$ {' '.join(self.command)} (exit {self.returncode}, {self.seconds:.0f} s)"
        return f"{ran}\n{self.output[-6000:]}"


@dataclass
class Run:
    copy: Path
    changed: list[str] = field(default_factory=list)
    steps: dict[str, Step] = field(default_factory=dict)
    probe: dict[str, Any] = field(default_factory=dict)


def step(run: Run, name: str, command: list[str], **options: Any) -> Step:
    started = time.monotonic()
    proc = subprocess.run(
        command,
        cwd=run.copy,
        env=environment(run.copy),
        capture_output=True,
        text=True,
        check=False,
        **options,
    )
    found = Step(command, proc.returncode, proc.stdout + proc.stderr, time.monotonic() - started)
    run.steps[name] = found
    return found


def files(root: Path) -> dict[str, bytes]:
    """Every file of the copy by its relative path, less the linked environments and caches."""
    found: dict[str, bytes] = {}
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d not in {*SHARED, *CACHES}]
        for name in names:
            path = Path(folder, name)
            found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    copy = tmp_path_factory.mktemp("new-operation") / "which50"
    copy.mkdir()
    copy_tree(copy)
    before = files(copy)
    add_operations(copy / EDITED_BY_HAND)
    result = Run(copy)
    make = ["make", "--no-print-directory", "-o", "install"]
    generate = step(result, "generate", [*make, "generate"])
    assert generate.returncode == 0, str(generate)
    after = files(copy)
    result.changed = sorted(
        n for n in before.keys() | after.keys() if before.get(n) != after.get(n)
    )
    step(result, "check", [*make, "check"])
    calls = [
        {
            "operation_id": case.operation_id,
            "dotted": case.dotted,
            "args": case.args,
            "kwargs": case.kwargs,
            "answer": case.answer,
        }
        for case in CASES
    ]
    probe = step(
        result,
        "probe",
        [sys.executable, "tests/contract/_new_operation_probe.py"],
        input=json.dumps(calls),
    )
    if probe.returncode == 0:
        result.probe = json.loads(probe.output)
    step(
        result,
        "unit",
        [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "tests/unit"],
    )
    return result


def test_only_the_spec_is_edited_and_make_generate_writes_the_rest(run: Run) -> None:
    assert EDITED_BY_HAND in run.changed
    assert [
        n for n in run.changed if n != EDITED_BY_HAND and not n.startswith(WRITTEN_BY_GENERATE)
    ] == []
    generated = "generated/which50_resources/"
    assert (
        f"{generated}segments.py" in run.changed and f"{generated}contact_lists.py" in run.changed
    )


def test_make_check_passes_in_the_copy(run: Run) -> None:
    check = run.steps["check"]
    assert check.returncode == 0, str(check)
    # It compared the copy's generated/, new methods and all, with what the tools make.
    assert "check: generated/ is exactly what the pinned tools produce." in check.output


def test_the_packages_come_from_the_copy(run: Run) -> None:
    assert run.probe, str(run.steps["probe"])
    for module, path in run.probe["imported_from"].items():
        assert Path(path).is_relative_to(run.copy), module


@pytest.mark.parametrize("case", CASES, ids=[c.operation_id for c in CASES])
@pytest.mark.parametrize("kind", ["sync", "async"])
def test_both_clients_have_the_method_and_send_its_request(run: Run, case: Case, kind: str) -> None:
    assert run.probe, str(run.steps["probe"])
    (found,) = [c for c in run.probe["calls"] if c["operation_id"] == case.operation_id]
    assert found["table"] == case.dotted
    sent = found[kind]
    assert sent["exists"], f"client.{case.dotted} is missing from the {kind} client"
    assert (sent["method"], sent["path"], sent["query"], sent["body"]) == (
        "GET",
        case.path,
        case.query,
        "",
    )
    assert sent["parsed"] == case.answer
    assert case.model in run.probe["types"]


@pytest.mark.parametrize("case", CASES, ids=[c.operation_id for c in CASES])
@pytest.mark.parametrize("kind", ["sync", "async"])
def test_the_sandbox_answers_from_the_example(run: Run, case: Case, kind: str) -> None:
    assert run.probe, str(run.steps["probe"])
    (found,) = [c for c in run.probe["calls"] if c["operation_id"] == case.operation_id]
    assert found[kind]["sandbox"] == {"status": 200, "marker": "example", "parsed": case.answer}


@pytest.mark.parametrize("case", CASES, ids=[c.operation_id for c in CASES])
def test_api_md_lists_the_method_under_its_resource(run: Run, case: Case) -> None:
    api = (run.copy / "api.md").read_text(encoding="utf-8")
    resource = case.dotted.rpartition(".")[0]
    sections = re.split(r"^## ", api, flags=re.MULTILINE)
    (section,) = [s for s in sections if s.startswith(f"`client.{resource}`\n")]
    row = f"| `{case.signature}` | `{case.operation_id}` | `{case.route}` | index-only |"
    assert row in section.splitlines()


def test_the_unit_tests_pass_unchanged_in_the_copy(run: Run) -> None:
    unit = run.steps["unit"]
    assert unit.returncode == 0, str(unit)
    assert re.search(r"\b\d+ passed\b", unit.output) and " failed" not in unit.output
