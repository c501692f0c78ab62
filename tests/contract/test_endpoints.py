"""The spec has exactly one operation for every upstream endpoint, on the same wire path.

The endpoint list is tests/data/endpoints.tsv, a copy of shared/reference/endpoints.tsv.
"""

from __future__ import annotations

import csv
import re
from typing import Any

import pytest

from tests.conftest import DATA

from ._spec import find_operations, resolve, split_index_path, wire_template

Operation = tuple[str, str, dict[str, Any]]


def endpoint_rows() -> list[dict[str, str]]:
    with (DATA / "endpoints.tsv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


ROWS = endpoint_rows()


def test_the_reference_lists_55_operations() -> None:
    assert len(ROWS) == 55


def test_every_operation_comes_from_one_reference_row(operations: list[Operation]) -> None:
    listed = {(row["method"], wire_template(split_index_path(row["path"])[0])) for row in ROWS}
    in_spec = [(method, wire_template(path)) for method, path, _ in operations]
    assert len(in_spec) == len(set(in_spec)) == 55
    assert set(in_spec) == listed


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
