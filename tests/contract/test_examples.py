"""Every JSON example in the spec validates against which50_models and round-trips through the
which50_client models: the two generators agree with each other and with the examples."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
import which50_client.models
import which50_models
import yaml
from pydantic import TypeAdapter

from tests.conftest import SPEC_PATH

from ._spec import resolve

SPEC: dict[str, Any] = yaml.load(SPEC_PATH.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$")
JSON_TYPES = ("application/json", "application/x-www-form-urlencoded")


def json_examples() -> list[tuple[str, str, Any]]:
    """(where, schema $ref or array-of-$ref, example value) for every JSON media example."""
    found = []
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            medias = []
            if "requestBody" in op:
                medias.append(("request", resolve(SPEC, op["requestBody"])["content"]))
            for status, response in op["responses"].items():
                medias.append((status, resolve(SPEC, response).get("content", {})))
            for where, content in medias:
                for media_type, media in content.items():
                    if media_type not in JSON_TYPES:
                        continue
                    schema = media["schema"]
                    for name, example in media.get("examples", {}).items():
                        value = resolve(SPEC, example)["value"]
                        found.append((f"{method.upper()} {path} {where} {name}", schema, value))
    return found


def model_name(schema: dict[str, Any]) -> tuple[str, bool]:
    """The component name behind a media schema, and whether it is an array of it."""
    if schema.get("type") == "array":
        return schema["items"]["$ref"].rsplit("/", 1)[1], True
    return schema["$ref"].rsplit("/", 1)[1], False


def normalise(value: Any) -> Any:
    """Date-time strings become datetimes, so 7-digit .NET fractions compare by value."""
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, str) and ISO_DATETIME.match(value):
        return dt.datetime.fromisoformat(value)
    return value


EXAMPLES = json_examples()


def test_examples_were_found() -> None:
    # Every operation has a JSON or binary 2xx example; most have JSON ones, errors add more.
    assert len(EXAMPLES) > 200


@pytest.mark.parametrize(("where", "schema", "value"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_example_validates_against_which50_models(where: str, schema: Any, value: Any) -> None:
    name, many = model_name(schema)
    model: Any = getattr(which50_models, name)
    adapter: TypeAdapter[Any] = TypeAdapter(list[model] if many else model)
    # Strict JSON-mode validation: no "123" -> 123 coercion hides a type mistake.
    adapter.validate_json(json.dumps(value), strict=True)


@pytest.mark.parametrize(("where", "schema", "value"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_example_round_trips_through_which50_client(where: str, schema: Any, value: Any) -> None:
    name, many = model_name(schema)
    model = getattr(which50_client.models, name, None)
    if model is None:
        # A schema that is not an object (ServerTime, a bare ISO 8601 string) has no attrs
        # model; the generated endpoint parses it directly.
        assert resolve(SPEC, schema).get("type") != "object"
        dt.datetime.fromisoformat(value)
        return
    items = value if many else [value]
    for item in items:
        parsed = model.from_dict(item)
        assert model.from_dict(parsed.to_dict()) == parsed
        # Nothing is lost on the way, unknown members included.
        assert normalise(parsed.to_dict()) == normalise(item)


def test_unknown_members_survive_both_generators() -> None:
    contact = {"EncContactId": "abc", "ListId": 1, "Values": {}, "Segment": "VIP"}
    parsed = which50_client.models.Contact.from_dict(contact)
    assert parsed["Segment"] == "VIP" and parsed.to_dict() == contact
    model = which50_models.Contact.model_validate(contact)
    assert model.model_dump(by_alias=True, exclude_unset=True) == contact


def test_unknown_value_of_an_open_string_never_fails() -> None:
    job = {
        "Id": 1,
        "ContactListId": 1042,
        "InvalidEmailCount": 0,
        "InvalidSmsCount": 0,
        "ProgressPercent": 40,
        "CurrentStatus": "PausedForReview",
        "StartDate": None,
        "FinishDate": None,
        "InsertedContacts": 0,
        "UpdatedContacts": 0,
        "DroppedContacts": 0,
        "NotUpdatedContacts": 0,
        "TotalContacts": 0,
    }
    assert which50_client.models.ImportJob.from_dict(job).current_status == "PausedForReview"
    assert which50_models.ImportJob.model_validate(job).current_status == "PausedForReview"
