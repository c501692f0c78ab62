"""The spec agrees with every fact of the reference: provenance, DTOs, fields and types."""

from __future__ import annotations

import re
from typing import Any

import pytest

from . import _reference
from ._spec import find_operations, resolve

Operation = tuple[str, str, dict[str, Any]]

ENDPOINTS = _reference.endpoints()
DTOS = _reference.dtos()
# The reference documents this .NET framework type for #18 and says it is "not a real JSON
# contract"; the spec deliberately has no schema for it.
NOT_A_JSON_CONTRACT = {"HttpResponseMessage"}


def test_the_reference_tables_were_read() -> None:
    # The endpoint table is numbered #1, #2, ... with no gap: every row was read.
    assert [e.number for e in ENDPOINTS] == list(range(1, len(ENDPOINTS) + 1))
    assert len(ENDPOINTS) > 1
    assert {"Contact", "ImportJob", "Campaign", "Target"} <= DTOS.keys()


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[f"#{e.number}" for e in ENDPOINTS])
def test_provenance_matches_the_reference(
    endpoint: _reference.Endpoint, operations: list[Operation]
) -> None:
    ((_, op),) = find_operations(operations, endpoint.method, endpoint.path)
    assert op["x-which50-source"] == endpoint.source
    if endpoint.source == "index-only":
        # Nothing but the index line is known, so the whole shape is an inference, and says so.
        assert op["description"].startswith("Inferred:")


def test_operation_tags_group_like_the_reference(operations: list[Operation]) -> None:
    """For each operation of the reference (the seed index); the spec's other operations, if
    any, are not the reference's to group."""
    top_level = {
        "Contacts": "Contacts",
        "ContactLists": "ContactLists",
        "ImportJobs": "ContactLists",
        "LinkedData": "ContactLists",
        "Files": "Files",
        "Journeys": "Journeys",
        "JourneyReports": "Journeys",
        "Sends": "Journeys",
    }
    for endpoint in ENDPOINTS:
        ((_, op),) = find_operations(operations, endpoint.method, endpoint.path)
        (tag,) = op["tags"]
        assert top_level[tag] == endpoint.group, op["operationId"]


def expected_schema(type_word: str) -> dict[str, Any]:
    """The OpenAPI schema that a reference type word stands for."""
    word = type_word.strip()
    if word in ("integer", "string", "boolean"):
        return {"type": word}
    if word == "date":
        return {"type": "string", "format": "date-time"}
    if word.startswith("Object (untyped)"):
        return {}
    if word.startswith("object, string → any"):
        return {"type": "object", "additionalProperties": {}}
    array = re.fullmatch(r"array of `?(\w+)`?", word)
    if array:
        item = array.group(1)
        items = {"type": item} if item == "string" else {"$ref": f"#/components/schemas/{item}"}
        return {"type": "array", "items": items}
    ref = re.fullmatch(r"`(\w+)`", word)
    if ref:
        return {"$ref": f"#/components/schemas/{ref.group(1)}"}
    raise AssertionError(f"unknown type word in the reference: {type_word!r}")


def shape(schema: dict[str, Any]) -> dict[str, Any]:
    """The parts of a property schema that the reference speaks of. An integer's width is the
    spec's inference (the reference says only "integer"), checked on its own below; a request
    DTO's contact is `ContactInput`, the request twin of the reference's `Contact`."""
    keep = ("type", "format", "items", "$ref", "additionalProperties")
    out = {key: schema[key] for key in keep if key in schema}
    if out.get("type") == "integer":
        out.pop("format", None)
    if out.get("$ref") == "#/components/schemas/ContactInput":
        out["$ref"] = "#/components/schemas/Contact"
    if "items" in out:
        out["items"] = shape(out["items"])
    return out


def test_every_integer_has_a_width(spec: dict[str, Any]) -> None:
    """.NET `int` is 32 bits; a file's size may pass 2^31 (so `int64`). Inferred, and said so
    in the API's description."""
    found: list[tuple[str, str]] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "integer":
                found.append((path, node.get("format", "none")))
            for key, value in node.items():
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}/{index}")

    walk(spec, "#")
    assert found and {fmt for _, fmt in found} <= {"int32", "int64"}, found
    assert [path for path, fmt in found if fmt == "int64"] == [
        "#/components/schemas/UploadedFile/properties/Size"
    ]
    assert "Inferred: integer widths" in spec["info"]["description"]


@pytest.mark.parametrize("dto", sorted(DTOS.keys() - NOT_A_JSON_CONTRACT))
def test_every_reference_dto_is_a_schema_with_its_documented_fields(
    dto: str, spec: dict[str, Any]
) -> None:
    schemas = spec["components"]["schemas"]
    assert dto in schemas, f"no schema for the reference DTO {dto}"
    schema = schemas[dto]
    assert schema["type"] == "object"
    fields = DTOS[dto]
    if not fields:
        # Known only as a free-form object (LinkedDataRecord): string keys, any values.
        assert schema["additionalProperties"] == {}
        return
    json_fields = [f for f in fields if not f.xml_only]
    # Exactly the documented JSON members: none missing, none invented.
    assert list(schema["properties"]) == [f.name for f in json_fields]
    for field in json_fields:
        assert shape(schema["properties"][field.name]) == expected_schema(field.type), field.name
    # A member seen only in XML samples (Contact's Id) is not passed off as JSON.
    for field in fields:
        if field.xml_only:
            assert field.name not in schema["properties"]


def test_integer_flags_stay_integers(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    flags = {
        "ContactEmail": ["Delivered", "Open", "Read", "Link"],
        "ContactTextMessage": ["Delivered"],
        "ContactLandingPage": ["Link", "Submission"],
        "ContactWebForm": ["Submitted"],
    }
    for dto, names in flags.items():
        for name in names:
            assert schemas[dto]["properties"][name]["type"] == "integer"


def test_extensible_response_strings_are_never_closed_enums(spec: dict[str, Any]) -> None:
    open_strings = {
        ("LinkedData", "Type"),
        ("ImportJob", "CurrentStatus"),
        ("Campaign", "Status"),
        ("ContactInteraction", "Interaction"),
        ("ContactInteraction", "Status"),
        ("ContactSchemaField", "MapType"),
    }
    schemas = spec["components"]["schemas"]
    for dto, name in open_strings:
        prop = schemas[dto]["properties"][name]
        assert prop["type"] == "string" and "enum" not in prop, (dto, name)
    assert schemas["LinkedData"]["properties"]["Type"]["x-which50-known-values"] == [
        "Contact",
        "Lookup",
    ]


def test_no_enum_anywhere_in_a_response_schema(spec: dict[str, Any]) -> None:
    """Only inputs (the report {state} path parameters) may be closed enums."""
    enum_schemas = {name for name, s in spec["components"]["schemas"].items() if "enum" in s}
    assert enum_schemas == {"EmailReportState", "LandingPageReportState"}
    for name, schema in spec["components"]["schemas"].items():
        for prop in schema.get("properties", {}).values():
            assert "enum" not in prop, name
            ref = prop.get("$ref", "") + prop.get("items", {}).get("$ref", "")
            assert not any(ref.endswith("/" + e) for e in enum_schemas), name


def test_state_parameters(operations: list[Operation], spec: dict[str, Any]) -> None:
    reference = _reference.text()

    def documented(group: str) -> list[str]:
        line = next(
            ln
            for ln in reference.splitlines()
            if ln.startswith(f"| `{{state}}` for journey {group}")
        )
        return re.findall(r"`(\w+)`", line.split("|")[2])

    states = {}
    for _, path, op in operations:
        for param in op.get("parameters", []):
            param = resolve(spec, param)
            if param["name"] == "state":
                states[path.split("/")[4]] = resolve(spec, param["schema"])
    assert states["emails"]["enum"] == documented("email reports")
    assert states["landingpages"]["enum"] == documented("landing-page reports")
    assert states["textmessages"]["type"] == "string" and "enum" not in states["textmessages"]


def test_inferred_schemas_say_so(spec: dict[str, Any]) -> None:
    documented = DTOS.keys()
    for name, schema in spec["components"]["schemas"].items():
        if name in documented or name.endswith("ReportState"):
            continue
        assert schema["description"].startswith("Inferred:"), name


def test_security_is_bearer_or_basic(spec: dict[str, Any]) -> None:
    schemes = spec["components"]["securitySchemes"]
    assert {(s["type"], s["scheme"]) for s in schemes.values()} == {
        ("http", "bearer"),
        ("http", "basic"),
    }
    # Alternatives: either one satisfies the requirement.
    assert spec["security"] == [{"bearerAuth": []}, {"basicAuth": []}]
    assert spec["servers"][0]["url"] == "https://app.which50.com/Which50API"
