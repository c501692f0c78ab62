"""The bundle and the TypeScript types (`make bundle`, `make types-ts`), built here."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts import publish
from scripts._tools import NODE_BIN
from tests.conftest import ROOT, load_spec


def build(step: str) -> None:
    subprocess.run([sys.executable, "-m", "scripts.publish", step], cwd=ROOT, check=True)


@pytest.fixture(scope="module")
def bundle() -> dict[str, bytes]:
    build("bundle")
    return {p.name: p.read_bytes() for p in (publish.BUNDLE_YAML, publish.BUNDLE_JSON)}


def test_the_bundle_is_the_spec_in_both_formats(bundle: dict[str, bytes]) -> None:
    from_json: dict[str, Any] = json.loads(bundle["openapi.json"])
    assert yaml.safe_load(bundle["openapi.yaml"]) == from_json
    assert from_json == load_spec()
    assert publish.external_refs(from_json) == []


def test_the_bundle_version_is_the_package_version(bundle: dict[str, bytes]) -> None:
    version = json.loads(bundle["openapi.json"])["info"]["version"]
    assert version == importlib.metadata.version("which50") == load_spec()["info"]["version"]


def test_the_bundle_is_the_same_bytes_on_every_run(bundle: dict[str, bytes]) -> None:
    build("bundle")
    assert {p.name: p.read_bytes() for p in (publish.BUNDLE_YAML, publish.BUNDLE_JSON)} == bundle


def test_the_top_level_follows_the_specification_order() -> None:
    shuffled = {"components": 1, "x-b": 2, "paths": 3, "openapi": 4, "x-a": 5, "info": 6}
    assert list(publish.ordered(shuffled)) == [
        "openapi",
        "info",
        "paths",
        "components",
        "x-a",
        "x-b",
    ]


def test_external_references_are_found() -> None:
    doc = {"a": [{"$ref": "#/components/schemas/A"}, {"b": {"$ref": "other.yaml#/B"}}]}
    assert publish.external_refs(doc) == ["other.yaml#/B"]


def test_remote_loads_in_markup_are_found() -> None:
    html = (
        """<meta http-equiv="Content-Security-Policy" content="default-src 'none'">"""
        '<script src="https://cdn.example/redoc.js"></script><script>inline()</script>'
        '<link rel="stylesheet" href="//fonts.example/f.css"><img src="data:image/png;base64,">'
    )
    remote, csp = publish.page_loads(html)
    assert remote == ["<script> https://cdn.example/redoc.js", "<link> //fonts.example/f.css"]
    assert csp == "default-src 'none'"


@pytest.fixture(scope="module")
def types(bundle: dict[str, bytes]) -> str:
    """dist/which50.d.ts; building it also compiles openapi/examples-ts/usage.ts strictly."""
    build("types-ts")
    return publish.TYPES.read_text(encoding="utf-8")


def test_the_types_cover_every_operation(types: str) -> None:
    for item in load_spec()["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "operationId" in op:
                assert f'operations["{op["operationId"]}"]' in types


def tsc(source: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """tsc --noEmit --strict on one file that imports the built types."""
    target = folder / "check.ts"
    target.write_text(
        source.replace("DIST", publish.TYPES.with_suffix("").with_suffix("").as_posix())
    )
    return subprocess.run(
        [str(NODE_BIN / "tsc"), "--noEmit", "--strict", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_tsc_strict_rejects_a_wrong_use_of_the_types(types: str, tmp_path: Path) -> None:
    """The other half of the proof: usage.ts compiles (in `types`), and a wrong use does not."""
    wrong = (
        'import type { components } from "DIST";\n'
        'export const c: components["schemas"]["ContactsList"] = { Id: "1042" };\n'
    )
    proc = tsc(wrong, tmp_path)
    assert proc.returncode != 0 and "TS2322" in proc.stdout, proc.stdout
