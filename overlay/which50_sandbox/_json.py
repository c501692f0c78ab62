"""Strict JSON for request bodies: what is refused here never reaches a model or the store.

Every route that reads a JSON body (single contacts, sends, `generatePDF`, import jobs and
their batches) parses it with `loads`, which answers a body the sandbox could not store or send
back with a `JsonBodyError` (the routes make it a 400 with the Error body):

- not JSON, or not UTF-8 (RFC 8259 makes UTF-8 the encoding of JSON between systems; a UTF-8
  byte order mark is skipped);
- `NaN`, `Infinity` or `-Infinity` (not JSON, though Python's `json` takes them), and numbers
  too big for a double (`1e400`, which would become infinity);
- a string with a lone UTF-16 surrogate escape (`"\\ud800"`), which no UTF-8 text can hold;
- arrays and objects nested more than `MAX_DEPTH` deep.

The API documents no nesting limit. `MAX_DEPTH` is 64, the default `MaxDepth` of the .NET
serializers (System.Text.Json, and Json.NET since 13.0); a contact's values are flat, so no real
request comes near it. The parser is pydantic-core's (jiter), which has its own recursion limit
(about 200) and never recurses in Python, so a body of a million `[` is refused quickly, and the
one parser serves the routes and the import runner alike.
"""

from __future__ import annotations

import math
import re
from typing import Any

from pydantic_core import from_json

#: The deepest nesting of arrays and objects a body may have (`[]` is depth 1).
MAX_DEPTH = 64

_BOM = b"\xef\xbb\xbf"
# NaN or Infinity where a value may start (looked for only once parsing has failed)
_CONSTANT = re.compile(rb"[\[:,]\s*-?(?:NaN|Infinity)\b|^\s*-?(?:NaN|Infinity)\b")


class JsonBodyError(ValueError):
    """A body that is not JSON the sandbox takes; the message says why."""


def loads(raw: bytes) -> Any:
    """The parsed body, or JsonBodyError."""
    raw = raw.removeprefix(_BOM)
    try:
        data = from_json(raw, allow_inf_nan=False)
    except ValueError as exc:
        if "recursion limit" in str(exc):
            raise _too_deep() from None
        if _CONSTANT.search(raw):
            raise JsonBodyError(f"NaN and Infinity are not JSON numbers ({exc}).") from None
        raise JsonBodyError(f"The body is not valid JSON: {exc}") from None
    _check(data)
    return data


def _too_deep() -> JsonBodyError:
    return JsonBodyError(f"The body nests arrays and objects more than {MAX_DEPTH} deep.")


def loads_checked(raw: bytes) -> Any:
    """A body that `loads` has taken before (a stored import batch), parsed again, unchecked."""
    return from_json(raw.removeprefix(_BOM), allow_inf_nan=False)


def _check(data: Any) -> None:
    """Depth and finite numbers, level by level (no recursion, whatever the input).

    The parser gives exactly dict, list, str, int, float, bool and None, so `type(...) is`
    (faster than isinstance on the ~60,000 values of a full import batch) is exact.
    """
    level = [data] if type(data) is dict or type(data) is list else []
    _finite(data)
    depth = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            raise _too_deep()
        below: list[Any] = []
        for container in level:
            for item in container.values() if type(container) is dict else container:
                kind = type(item)
                if kind is dict or kind is list:
                    below.append(item)
                elif kind is float and not math.isfinite(item):
                    _finite(item)
        level = below


def _finite(value: Any) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise JsonBodyError("The body holds a number too large for a double (it overflows).")
