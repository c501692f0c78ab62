"""The breaking-change guard scores 100% on seeded mutations of the spec, with no false alarms.

Each mutation is applied to a copy of the spec, and the guard runs through its command-line
entry point (`make breaking` runs the same `main`), both judges included: our check and
openapi-diff 0.24.1. The changelog given has no "Breaking" entry, so any break fails the run.

Some thirty runs of openapi-diff, about half a minute on two cores: marked ``slow``, so
`make test-slow` (and `make release-check`, and CI) runs it, not `make test`. The guard itself
runs in every `make release-check`.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, SPEC_PATH, load_spec

pytestmark = pytest.mark.slow

Spec = dict[str, Any]
Mutation = Callable[[Spec], object]
# A changelog with no "Breaking" entry: every break must fail the run.
CHANGELOG = "# Changelog\n\n## [0.1.0] - 2026-11-27\n\n### Added\n- Everything.\n"


def schema(spec: Spec, name: str) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"][name]
    return found


def rename_path(spec: Spec, old: str, new: str) -> None:
    """Rename a path, keeping its place in the document."""
    spec["paths"] = {new if key == old else key: item for key, item in spec["paths"].items()}


def add_query(spec: Spec, path: str, method: str, name: str, *, required: bool) -> None:
    param = {"name": name, "in": "query", "required": required, "schema": {"type": "string"}}
    spec["paths"][path][method].setdefault("parameters", []).append(param)


def rename_activity_parameter(spec: Spec) -> None:
    path = "/journeys/{journeyId}/activities/{activityId}"
    rename_path(spec, path, path.replace("{activityId}", "{id}"))
    op = spec["paths"][path.replace("{activityId}", "{id}")]["get"]
    op["parameters"] = [
        p
        if p["$ref"] != "#/components/parameters/ActivityId"
        else {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
        for p in op["parameters"]
    ]


def add_operation(spec: Spec) -> None:
    spec["paths"]["/journeys/{journeyId}/pause"] = {
        "post": {
            "operationId": "pauseJourney",
            "tags": ["Journeys"],
            "summary": "Pause a journey",
            "parameters": [{"$ref": "#/components/parameters/JourneyId"}],
            "responses": {"204": {"description": "Paused."}},
        }
    }


BREAKING: dict[str, Mutation] = {
    "operation removed": lambda s: s["paths"]["/files"].pop("delete"),
    "path removed": lambda s: s["paths"].pop("/contactLists/serverTime"),
    "operationId renamed": lambda s: s["paths"]["/journeys/{journeyId}"]["get"].update(
        operationId="fetchJourney"
    ),
    "path template changed": lambda s: rename_path(
        s,
        "/contactLists/{contactListId}/linkeddata/{linkedDataId}",
        "/contactLists/{contactListId}/linkedData/{linkedDataId}",
    ),
    "path parameter renamed": rename_activity_parameter,
    "required query parameter added": lambda s: add_query(
        s, "/journeys", "get", "status", required=True
    ),
    "optional parameter made required": lambda s: s["paths"]["/files"]["post"]["parameters"][
        0
    ].update(required=True),
    "parameter type changed": lambda s: s["components"]["parameters"]["FieldId"].update(
        schema={"type": "string"}
    ),
    "parameter serialisation changed": lambda s: s["components"]["parameters"]["Match"].update(
        explode=True
    ),
    "enum value removed": lambda s: schema(s, "EmailReportState")["enum"].remove("SoftBounced"),
    "required request field added": lambda s: schema(s, "ImportJobCreateRequest").update(
        properties={
            **schema(s, "ImportJobCreateRequest")["properties"],
            "Source": {"type": "string"},
        },
        required=["Source"],
    ),
    "optional request field made required": lambda s: schema(s, "SendTextMessageRequestDTO").update(
        required=["TextMessageId"]
    ),
    "request media type changed": lambda s: s["paths"]["/contactLists/{contactListId}/import"][
        "post"
    ]["requestBody"].update(
        content={
            "application/xml": s["paths"]["/contactLists/{contactListId}/import"]["post"][
                "requestBody"
            ]["content"]["application/json"]
        }
    ),
    "request array limit lowered": lambda s: s["paths"][
        "/contactLists/{contactListId}/import/{importJobId}"
    ]["post"]["requestBody"]["content"]["application/json"]["schema"].update(maxItems=5000),
    "response field removed": lambda s: schema(s, "ImportJob")["properties"].pop("ProgressPercent"),
    "nested response field removed": lambda s: schema(s, "TextMessageReport")["properties"].pop(
        "Failed"
    ),
    "response field type changed": lambda s: schema(s, "ContactsList")["properties"]["Id"].update(
        type="string"
    ),
    "success response removed": lambda s: s["paths"]["/contactLists/serverTime"]["get"].update(
        responses={
            ("201" if code == "200" else code): response
            for code, response in s["paths"]["/contactLists/serverTime"]["get"]["responses"].items()
        }
    ),
}

HARMLESS: dict[str, Mutation] = {
    "optional request field added": lambda s: schema(s, "ImportJobCreateRequest")[
        "properties"
    ].update(Source={"type": "string"}),
    "optional response field added": lambda s: schema(s, "ImportJob")["properties"].update(
        Priority={"type": "integer"}
    ),
    "operation added on a new path": add_operation,
    "operation added on an existing path": lambda s: s["paths"]["/journeys/{journeyId}"].update(
        delete={
            "operationId": "deleteJourney",
            "tags": ["Journeys"],
            "summary": "Delete a journey",
            "responses": {"204": {"description": "Deleted."}},
        }
    ),
    "optional query parameter added": lambda s: add_query(
        s, "/journeys", "get", "status", required=False
    ),
    "summary and description changed": lambda s: s["paths"]["/journeys/{journeyId}"]["get"].update(
        summary="Get one journey", description="Returns one journey (a campaign)."
    ),
    "enum value added to an input": lambda s: schema(s, "EmailReportState")["enum"].append(
        "Unsubscribed"
    ),
    "error response added": lambda s: s["paths"]["/journeys/{journeyId}"]["get"][
        "responses"
    ].update({"429": {"description": "Too many requests."}}),
    "required request field made optional": lambda s: schema(s, "ContactFormRequest").pop(
        "required"
    ),
    "request array limit raised": lambda s: s["paths"][
        "/contactLists/{contactListId}/import/{importJobId}"
    ]["post"]["requestBody"]["content"]["application/json"]["schema"].update(maxItems=20000),
}


def mutated(mutation: Mutation) -> Spec:
    new = copy.deepcopy(load_spec())
    mutation(new)
    assert new != load_spec(), "the mutation changed nothing"
    return new


def run_guard(new: Spec, folder: Path, changelog: str = CHANGELOG) -> tuple[int, str]:
    """`make breaking`'s command, on the spec as released against `new`."""
    folder.mkdir(parents=True, exist_ok=True)
    target, log = folder / "which50.yaml", folder / "CHANGELOG.md"
    target.write_text(yaml.dump(new, Dumper=yaml.CSafeDumper, sort_keys=False), encoding="utf-8")
    log.write_text(changelog, encoding="utf-8")
    args = ["--old", str(SPEC_PATH), "--new", str(target), "--changelog", str(log)]
    proc = subprocess.run(
        [sys.executable, "-m", "scripts.breaking", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.returncode, proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str]]:
    """Every mutation through the guard, as many at a time as there are cores (openapi-diff
    costs about a second a run)."""
    root = tmp_path_factory.mktemp("mutations")
    mutations = {**BREAKING, **HARMLESS}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = {
            name: pool.submit(run_guard, mutated(mutation), root / f"m{i}")
            for i, (name, mutation) in enumerate(mutations.items())
        }
        return {name: future.result() for name, future in futures.items()}


def test_the_mutations_are_many_enough() -> None:
    assert len(BREAKING) >= 12 and len(HARMLESS) >= 6
    assert not BREAKING.keys() & HARMLESS.keys()


@pytest.mark.parametrize("name", BREAKING)
def test_the_guard_catches_each_breaking_mutation(
    name: str, verdicts: dict[str, tuple[int, str]]
) -> None:
    code, out = verdicts[name]
    assert code == 1, out
    assert "BREAKING" in out and "not acknowledged" in out


@pytest.mark.parametrize("name", HARMLESS)
def test_the_guard_passes_each_harmless_mutation(
    name: str, verdicts: dict[str, tuple[int, str]]
) -> None:
    code, out = verdicts[name]
    assert code == 0, out
    assert "BREAKING" not in out and "no breaking change" in out
