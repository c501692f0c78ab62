"""The linters' project rules fire on the mistakes they exist for.

Each test seeds mistakes into a copy of the spec and runs the pinned linter from node_modules
(`make install` puts it there), asserting that every seeded mistake is reported by its rule.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import ROOT

BIN = ROOT / "node_modules" / ".bin"
# Redocly CLI: no telemetry and no update check, so the tests touch no network.
QUIET = {
    "REDOCLY_TELEMETRY": "off",
    "REDOCLY_SUPPRESS_NOTIFICATIONS": "true",
    "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
}


def mutated(spec: dict[str, Any]) -> dict[str, Any]:
    bad = copy.deepcopy(spec)
    paths = bad["paths"]
    paths["/contacts/{contactId}"]["get"]["operationId"] = "Get_contact"
    del paths["/contacts/{contactId}/emails"]["get"]["tags"]
    paths["/contactLists"]["get"]["responses"].pop("200")
    del paths["/contactLists/{contactListId}"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["examples"]
    del paths["/journeys/{journeyId}"]["get"]["x-which50-source"]
    paths["/journeys/{journeyId}/contacts"]["get"]["x-which50-source"] = "guessed"
    paths["/journeys"]["get"]["description"] = "Returns the journeys."
    schemas = bad["components"]["schemas"]
    schemas["ContactsList"]["description"] = "A contact list."  # `required`, no "Inferred:"
    schemas["ContactInput"]["description"] = "A contact to write."  # `nullable`, no "Inferred:"
    bad["components"]["responses"]["Forbidden"]["description"] = "Forbidden."
    not_found = paths["/contactLists/{contactListId}/fields/{fieldId}"]["get"]["responses"]["404"]
    not_found["description"] = "Not found."
    return bad


def lint(tool: str, args: list[str], spec: dict[str, Any], tmp_path: Path) -> tuple[int, Any]:
    """Run a pinned Node linter on `spec` (written to a temp file); its exit code and JSON."""
    target = tmp_path / "spec.yaml"
    target.write_text(yaml.safe_dump(spec, sort_keys=False))
    proc = subprocess.run(
        [str(BIN / tool), "lint", *args, "--format", "json", str(target)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **QUIET},
    )
    return proc.returncode, json.loads(proc.stdout)


def test_spectral_project_rules_catch_each_seeded_mistake(
    spec: dict[str, Any], tmp_path: Path
) -> None:
    ruleset = str(ROOT / "openapi" / ".spectral.yaml")
    code, results = lint(
        "spectral", ["--ruleset", ruleset, "--fail-severity=warn"], mutated(spec), tmp_path
    )
    assert code == 1
    fired = {(r["code"], ".".join(map(str, r["path"][:3]))) for r in results}
    expected = {
        ("which50-operation-id-camel-case", "paths./contacts/{contactId}.get"),
        ("which50-operation-tag", "paths./contacts/{contactId}/emails.get"),
        ("which50-operation-success-response", "paths./contactLists.get"),
        ("which50-success-response-example", "paths./contactLists/{contactListId}.get"),
        ("which50-source", "paths./journeys/{journeyId}.get"),
        ("which50-source", "paths./journeys/{journeyId}/contacts.get"),
        ("which50-inferred-operations-say-so", "paths./journeys.get"),
        ("which50-presence-is-marked-inferred", "components.schemas.ContactsList"),
        ("which50-presence-is-marked-inferred", "components.schemas.ContactInput"),
        ("which50-error-bodies-are-marked-inferred", "components.responses.Forbidden"),
        (
            "which50-error-bodies-are-marked-inferred",
            "paths./contactLists/{contactListId}/fields/{fieldId}.get",
        ),
    }
    assert expected <= fired


def test_redocly_catches_nullable_without_type(spec: dict[str, Any], tmp_path: Path) -> None:
    """The trap that makes Prism's validation pass everything: `nullable` with no `type`."""
    bad = copy.deepcopy(spec)
    del bad["components"]["schemas"]["ContactInput"]["properties"]["EncContactId"]["type"]
    config = str(ROOT / "openapi" / "redocly.yaml")
    code, report = lint("redocly", ["--config", config], bad, tmp_path)
    assert code == 1
    assert "nullable-type-sibling" in {problem["ruleId"] for problem in report["problems"]}


def test_the_committed_spec_is_clean(spec: dict[str, Any]) -> None:
    """The seeded copies above fail only because of the seeds: the spec itself has no finding."""
    proc = subprocess.run(
        ["bash", str(ROOT / "scripts" / "lint-spec.sh")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
