"""Every recorded exchange against the spec, with openapi-core, and what the cassettes cover.

- Each interaction of each cassette (the sandbox's under tests/recorded/cassettes/, the real
  API's under tests/live/cassettes/ once `make record-live` has made some) is matched to its
  operation; its request (parameters and body) and its response (status, headers and body) are
  validated against openapi/which50.yaml.
- Requests of `SPEC_INVALID_MODULE` break the spec on purpose: there, each cassette has at least
  one invalid request, each invalid request got a 400, and every response is valid.
- The operationIds the sandbox cassettes reach equal the spec's: computed from both, never
  listed by hand.
- Security requirements are not checked: cassettes never hold credentials (see
  test_cassette_secrets.py), so the Authorization header the spec asks for is absent by design.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from jsonschema_path import SchemaPath
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_core.validation.request.validators import (
    V30RequestBodyValidator,
    V30RequestParametersValidator,
)
from openapi_core.validation.response.exceptions import MissingData
from openapi_core.validation.response.validators import V30ResponseValidator
from werkzeug.datastructures import Headers, ImmutableMultiDict

from tests.conftest import load_spec
from tests.recorded import _harness as h

CASSETTES = [
    *(("sandbox", path) for path in h.cassette_files(h.SANDBOX_CASSETTES)),
    *(("live", path) for path in h.cassette_files(h.LIVE_CASSETTES)),
]


@dataclass
class RecordedRequest:
    """An openapi-core `Request` read from a cassette."""

    uri: str
    method: str
    body: bytes | None
    content_type: str
    parameters: Any = field(init=False)

    def __post_init__(self) -> None:
        from openapi_core.datatypes import RequestParameters

        self.method = self.method.lower()
        self._parts = urlsplit(self.uri)
        query = parse_qs(self._parts.query, keep_blank_values=True)
        header = Headers({"Content-Type": self.content_type} if self.content_type else {})
        self.parameters = RequestParameters(query=ImmutableMultiDict(query), header=header)

    @property
    def host_url(self) -> str:
        return f"{self._parts.scheme}://{self._parts.netloc}"

    @property
    def path(self) -> str:
        return self._parts.path


@dataclass
class RecordedResponse:
    """An openapi-core `Response` read from a cassette."""

    status_code: int
    headers: Headers
    data: bytes | None

    @property
    def content_type(self) -> str:
        return str(self.headers.get("Content-Type", "")).lower()


@dataclass
class Exchange:
    cassette: str
    index: int
    request: RecordedRequest
    response: RecordedResponse

    def __str__(self) -> str:
        req = self.request
        return f"{self.cassette} #{self.index}: {req.method.upper()} {req.uri}"


def _headers(stored: dict[str, Any]) -> Headers:
    headers = Headers()
    for name, values in (stored or {}).items():
        for value in values if isinstance(values, list) else [values]:
            headers.add(name, value)
    return headers


def spec_url(uri: str) -> str:
    """A cassette's URL, moved from the canonical base to the spec's server URL."""
    server = str(load_spec()["servers"][0]["url"])
    assert uri.startswith(h.CANONICAL_BASE + "/"), f"{uri} is not under {h.CANONICAL_BASE}"
    return server + uri[len(h.CANONICAL_BASE) :]


def exchanges(path: Path) -> Iterator[Exchange]:
    for index, interaction in enumerate(h.interactions(path)):
        req, resp = interaction["request"], interaction["response"]
        req_headers = _headers(req.get("headers") or {})
        body = h.body_text(req.get("body"))
        yield Exchange(
            cassette=str(path.relative_to(h.ROOT)),
            index=index,
            request=RecordedRequest(
                uri=spec_url(req["uri"]),
                method=req["method"],
                body=body or None,
                content_type=str(req_headers.get("Content-Type", "")).lower(),
            ),
            response=RecordedResponse(
                status_code=int(resp["status"]["code"]),
                headers=_headers(resp.get("headers") or {}),
                data=h.body_text(resp.get("body")),
            ),
        )


@cache
def validators() -> tuple[Any, Any, Any, Any]:
    spec = SchemaPath.from_dict(load_spec())
    return (
        APICallPathFinder(spec),
        V30RequestParametersValidator(spec),
        V30RequestBodyValidator(spec),
        V30ResponseValidator(spec),
    )


def operation_id(exchange: Exchange) -> str:
    request = exchange.request
    found = validators()[0].find(request.method, request.host_url + request.path)
    return str(found.operation["operationId"])


def request_errors(exchange: Exchange) -> list[str]:
    _, parameters, body, _ = validators()
    errors = [*parameters.iter_errors(exchange.request), *body.iter_errors(exchange.request)]
    return [_describe(error) for error in errors]


def response_errors(exchange: Exchange) -> list[str]:
    errors = list(validators()[3].iter_errors(exchange.request, exchange.response))
    if [type(e) for e in errors] == [MissingData] and _empty_string_allowed(exchange):
        return []
    return [_describe(error) for error in errors]


def _empty_string_allowed(exchange: Exchange) -> bool:
    """An empty body where the schema is a plain string with no `minLength`.

    openapi-core 0.23.1 reports `MissingData` for every empty body, but an empty string is a
    valid `type: string` (the empty answer of `deleteFile` without `download`, for one).
    """
    request, response = exchange.request, exchange.response
    found = validators()[0].find(request.method, request.host_url + request.path)
    media = response.content_type.split(";", 1)[0].strip()
    schema = found.operation / "responses" / str(response.status_code) / "content" / media
    with (schema / "schema").open() as opened:
        shape = dict(opened)
    return not response.data and shape.get("type") == "string" and "minLength" not in shape


def _describe(error: BaseException) -> str:
    causes = [str(error)]
    inner = error.__cause__ or error.__context__
    while inner is not None and len(causes) < 4:
        causes.append(str(inner))
        inner = inner.__cause__ or inner.__context__
    extra = getattr(error, "schema_errors", None) or getattr(error, "errors", None) or []
    return " / ".join([*causes, *(str(getattr(e, "message", e)) for e in extra)])


def test_there_are_sandbox_cassettes() -> None:
    assert any(kind == "sandbox" for kind, _ in CASSETTES)


@pytest.mark.parametrize(
    ("kind", "path"), CASSETTES, ids=[f"{k}/{p.parent.name}/{p.stem}" for k, p in CASSETTES]
)
def test_every_exchange_matches_the_spec(kind: str, path: Path) -> None:
    found = list(exchanges(path))
    assert found, f"{path} holds no interaction"
    invalid_on_purpose = path.parent.name == h.SPEC_INVALID_MODULE
    problems: list[str] = []
    invalid_requests = 0
    for exchange in found:
        operation_id(exchange)  # raises if no operation of the spec matches
        errors = request_errors(exchange)
        if errors and not invalid_on_purpose:
            problems.append(f"{exchange}: request: {errors}")
        if errors and invalid_on_purpose:
            invalid_requests += 1
            if exchange.response.status_code != 400:
                problems.append(f"{exchange}: an invalid request got a non-400 answer")
        problems += [f"{exchange}: response: {e}" for e in response_errors(exchange)]
        if "\ufffd".encode() in (exchange.response.data or b""):
            problems.append(f"{exchange}: the body holds U+FFFD: bytes were re-encoded")
    if invalid_on_purpose and not invalid_requests:
        problems.append(f"{path.name}: meant to break the spec, but every request is valid")
    assert not problems, "\n".join(problems)


def test_cassettes_cover_every_operation_of_the_spec() -> None:
    spec_ids = {
        op["operationId"]
        for item in load_spec()["paths"].values()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    }
    covered = {
        operation_id(exchange)
        for kind, path in CASSETTES
        if kind == "sandbox"
        for exchange in exchanges(path)
    }
    assert covered == spec_ids, {
        "not covered": sorted(spec_ids - covered),
        "unknown": sorted(covered - spec_ids),
    }


# --- the checks above can fail ------------------------------------------------------------------

SAMPLE = (
    h.SANDBOX_CASSETTES
    / "test_errors"
    / "test_read_only_credential_reads_but_gets_403_on_a_write[sync].yaml"
)


def _sample() -> list[Exchange]:
    found = list(exchanges(SAMPLE))
    assert [e.request.method for e in found] == ["get", "post", "patch"]
    return found


def test_a_valid_sample_passes() -> None:
    for exchange in _sample():
        assert not request_errors(exchange) and not response_errors(exchange), exchange


def test_a_response_body_that_breaks_its_schema_is_caught() -> None:
    got = _sample()[0]
    got.response.data = b'{"Id":1042,"Name":"Newsletter subscribers","Count":"many"}'
    assert response_errors(got)


def test_an_empty_body_passes_only_where_the_schema_allows_it() -> None:
    deleted = next(
        e
        for e in exchanges(h.SANDBOX_CASSETTES / "test_files" / "test_file_round_trip[sync].yaml")
        if e.request.method == "delete"
    )
    assert deleted.response.data == b"" and not response_errors(deleted)
    got = _sample()[0]  # a contact list: an object, so an empty body is missing data
    got.response.data = b""
    assert response_errors(got)


def test_an_undocumented_status_is_caught() -> None:
    got = _sample()[0]
    got.response.status_code = 418
    assert response_errors(got)


def test_a_request_body_that_breaks_its_schema_is_caught() -> None:
    got = _sample()[1]
    got.request.body = b'{"ListId":"not a number","Values":{"Email":"readonly@example.ie"}}'
    assert request_errors(got)


def _sample_get(old: str, new: str) -> Exchange:
    """The sample's GET of a contact list, with `old` replaced by `new` in its URL."""
    got = _sample()[0]
    uri = got.request.uri.replace(old, new)
    got.request = RecordedRequest(uri=uri, method="get", body=None, content_type="")
    return got


def test_a_path_parameter_of_the_wrong_type_is_caught() -> None:
    assert request_errors(_sample_get("/contactLists/1042", "/contactLists/forty-two"))


def test_a_path_outside_the_spec_is_caught() -> None:
    got = _sample_get("/contactLists/", "/contactListz/")
    with pytest.raises(Exception, match="contactListz"):
        operation_id(got)
