"""The default rule of scripts/gen_python: where an operation lands when openapi/python.yaml says
nothing about it, its tag included (tests/contract/test_new_operation.py runs it end to end)."""

from __future__ import annotations

import copy
from typing import Any

import yaml

from scripts import gen_python
from scripts.gen_python.model import Reader
from tests.conftest import ROOT, load_spec

NAMES: dict[str, Any] = yaml.safe_load((ROOT / "openapi" / "python.yaml").read_text())


def get(operation_id: str, *params: str) -> dict[str, Any]:
    return {
        "operationId": operation_id,
        "tags": ["Segments"],
        "summary": operation_id,
        "parameters": [
            {"name": p, "in": "path", "required": True, "schema": {"type": "integer"}}
            for p in params
        ],
        "responses": {
            "200": {
                "description": "A segment.",
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Segment"}}
                },
            }
        },
    }


def test_a_tag_without_an_entry_is_a_top_level_resource_named_after_it() -> None:
    bare = Reader(load_spec(), {})
    assert bare.tag_resource("Segments") == {"path": "segments", "nouns": ["segments", "segment"]}
    assert bare.tag_resource("JourneyActivities")["nouns"] == [
        "journey_activities",
        "journey_activity",
    ]
    assert bare.tag_resource("LinkedData") == {"path": "linked_data", "nouns": ["linked_data"]}
    assert bare.tag_resource("Address")["nouns"] == ["address"]
    entry = NAMES["resources"]["ImportJobs"]
    assert Reader(load_spec(), NAMES).tag_resource("ImportJobs") == entry  # an entry wins


def test_a_new_tags_operations_are_named_by_the_default_rule() -> None:
    spec = copy.deepcopy(load_spec())
    spec["components"]["schemas"]["Segment"] = {"type": "object", "properties": {}}
    spec["paths"]["/segments"] = {"get": get("listSegments")}
    spec["paths"]["/segments/{segmentId}"] = {"get": get("getSegment", "segmentId")}
    spec["paths"]["/segments/{segmentId}/contacts"] = {
        "get": get("listSegmentContacts", "segmentId")
    }
    found = gen_python.surface(spec, NAMES)
    assert {m.operation_id: m.dotted for m in found.methods_of("segments")} == {
        "listSegments": "segments.list",
        "getSegment": "segments.get",
        "listSegmentContacts": "segments.list_contacts",
    }
    assert found.top()[-1] == "segments"


def test_entries_that_spell_out_the_default_change_nothing() -> None:
    """The default is the rule the names file already follows for its top-level resources."""
    spec = load_spec()
    bare = Reader(spec, {})
    names = copy.deepcopy(NAMES)
    same = [tag for tag, entry in NAMES["resources"].items() if entry == bare.tag_resource(tag)]
    assert same  # ContactLists and Journeys, today
    for tag in same:
        del names["resources"][tag]
    assert gen_python.surface(spec, names) == gen_python.surface(spec, NAMES)
