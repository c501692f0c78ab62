"""Every operation of the seed index is in the spec, once, on the same wire path.

The seed index is tests/data/endpoints.tsv, a copy of shared/reference/endpoints.tsv: the
endpoint list the spec was first written from. These tests check the seed index only. The spec
may have operations the seed does not list (a new endpoint is a spec-only change), but an
operation of the seed that leaves the spec fails them. Every other count is read from the spec.
"""

from __future__ import annotations

import csv
import re
from typing import Any

import pytest

from tests.conftest import DATA

from . import _reference
from ._spec import find_operations, resolve, split_index_path, wire_template

Operation = tuple[str, str, dict[str, Any]]


def endpoint_rows() -> list[dict[str, str]]:
    with (DATA / "endpoints.tsv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


ROWS = endpoint_rows()


def wire_route(method: str, index_path: str) -> tuple[str, str]:
    return method, wire_template(split_index_path(index_path)[0])


def test_the_seed_index_and_the_reference_list_the_same_endpoints() -> None:
    """endpoints.tsv and the reference's endpoint table are two copies of one list: each row
    once, the same rows (so neither was read short)."""
    seed = [wire_route(row["method"], row["path"]) for row in ROWS]
    reference = [wire_route(e.method, e.path) for e in _reference.endpoints()]
    assert seed and len(seed) == len(set(seed))
    assert sorted(seed) == sorted(reference)


def test_every_seed_operation_is_in_the_spec(operations: list[Operation]) -> None:
    """A subset check: an operation the seed does not list may be in the spec."""
    in_spec = [(method, wire_template(path)) for method, path, _ in operations]
    assert len(in_spec) == len(set(in_spec)), "two operations of the spec share a wire route"
    missing = {wire_route(row["method"], row["path"]) for row in ROWS} - set(in_spec)
    assert not missing, f"operations of the seed index missing from the spec: {sorted(missing)}"


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['method']} {r['path']}" for r in ROWS])
def test_reference_row_maps_to_exactly_one_operation(
    row: dict[str, str], operations: list[Operation], spec: dict[str, Any]
) -> None:
    route, query_names = split_index_path(row["path"])
    matches = find_operations(operations, row["method"], row["path"])
    assert len(matches) == 1, f"{row['method']} {route}: {len(matches)} operations"
    path, op = matches[0]
    params = [resolve(spec, p) for p in spec["paths"][path].get("parameters", [])]
    params += [resolve(spec, p) for p in op.get("parameters", [])]
    # The literal segments are the same, letter for letter; only parameter names may differ.
    assert wire_template(path) == wire_template(route)
    # Every path parameter of the template is declared, and required.
    declared = {p["name"] for p in params if p["in"] == "path"}
    assert declared == {name[1:-1] for name in re.findall(r"\{[^}]+\}", path)}
    assert all(p["required"] for p in params if p["in"] == "path")
    # Query parameters written into the index line (the Files rows) are declared as such.
    assert query_names <= {p["name"] for p in params if p["in"] == "query"}
