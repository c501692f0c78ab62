"""The errors raised by `which50`. Every failure is one of these; nothing else escapes a call.

```
Which50Error
├── APIConnectionError            no usable response: connection refused or dropped, body cut
│   └── APITimeoutError           a connect, read, write or pool timeout, or the call's deadline
├── APIStatusError                the server answered with an error status, or an unusable body
│   ├── BadRequestError           400, and 417 (the API's "invalid parameters")
│   ├── AuthenticationError       401
│   ├── PermissionDeniedError     403
│   ├── NotFoundError             404
│   ├── RateLimitError            429
│   ├── InternalServerError       500-599
│   └── UnexpectedResponseError   any other status (1xx, 3xx, 600 and up), a 2xx body that does
│                                 not parse as the spec says, or a body over max_response_size
├── LocalFileError (OSError)      a download's bytes could not be written to the local disk
│   └── DownloadExistsError (FileExistsError)
│                                 the server-named file exists already (pass overwrite=True)
└── ClientClosedError (RuntimeError)
                                  a call on a client after close()
```

Bulk import (`import_contacts`) adds two, one beside the API's errors and one for its checkpoint
file, which is an argument of the call:

```
Which50Error
└── ImportJobError                an import job that did not end: still running at the call's
                                  `job_timeout`, or in a status this client does not know
ValueError
└── CheckpointError               an import checkpoint that cannot be used: unreadable, corrupt,
                                  of another format or import, or made over other input
```

Receiving webhooks (`which50.webhooks.construct_event`) adds two, for a call Which50 made to
your server rather than one you made:

```
Which50Error
└── WebhookError                  a webhook call whose body is not a `WebhookEvent`
    └── WebhookSignatureError     its signature, timestamp or API key does not verify
```

`make_status_error` maps a status to its class; it is the only place that does. Every error
carries the request's method and URL (with any credentials in the URL redacted) and, for status
errors, the status code, the response headers and the body (parsed JSON where possible, else the
raw text). No error keeps the `httpx.Request`, whose headers carry the credentials, and a
credential the server echoes back in an error's body or headers is replaced by ``<redacted>``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from ._redact import redact_url, scrub

if TYPE_CHECKING:
    from which50_models import ImportJob

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "CheckpointError",
    "ClientClosedError",
    "DownloadExistsError",
    "ImportJobError",
    "InternalServerError",
    "LocalFileError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnexpectedResponseError",
    "WebhookError",
    "WebhookSignatureError",
    "Which50Error",
    "make_status_error",
]

_MAX_BODY_IN_MESSAGE = 500


class Which50Error(Exception):
    """The root of every error this package raises."""

    __module__ = "which50"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Errors print under the name users import them by (``which50.NotFoundError``), not
        # the private module that defines them.
        super().__init_subclass__(**kwargs)
        if cls.__module__ == __name__:
            cls.__module__ = "which50"

    method: str
    url: str

    def __init__(self, message: str, *, method: str, url: str) -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.url = url


class APIConnectionError(Which50Error):
    """No usable response arrived: the connection failed, dropped or was cut short."""

    def __init__(self, message: str, *, request: httpx.Request) -> None:
        super().__init__(message, method=request.method, url=redact_url(request.url))


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool)."""


class APIStatusError(Which50Error):
    """The server answered with an error status (or a body that does not parse)."""

    status_code: int
    headers: httpx.Headers
    body: object
    """The body as JSON where it parses, else the raw text (``None`` when empty)."""

    def __init__(
        self,
        message: str,
        *,
        method: str,
        url: str,
        status_code: int,
        headers: httpx.Headers,
        body: object,
    ) -> None:
        super().__init__(message, method=method, url=url)
        self.status_code = status_code
        self.headers = headers
        self.body = body

    @property
    def error_message(self) -> str | None:
        """The API's own `Message`, when the body is the spec's Error object."""
        if isinstance(self.body, dict):
            found = self.body.get("Message")
            return found if isinstance(found, str) else None
        return None


class BadRequestError(APIStatusError):
    """400 Bad Request, or 417 Expectation Failed (the API's "invalid parameters")."""


class AuthenticationError(APIStatusError):
    """401: missing or wrong credentials."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials may not do this."""


class NotFoundError(APIStatusError):
    """404: the contact, list, job, journey or file does not exist."""


class RateLimitError(APIStatusError):
    """429: too many requests, and the retries ran out."""


class InternalServerError(APIStatusError):
    """5xx: the server failed."""


class UnexpectedResponseError(APIStatusError):
    """A status the spec does not describe, or a 2xx body that does not parse as it says."""


class LocalFileError(Which50Error, OSError):
    """A download's bytes could not be written locally (disk full, permissions). It is an
    `OSError` too, with the ``errno`` and ``filename`` of the failure; the partial file is
    removed."""

    def __init__(
        self, message: str, *, request: httpx.Request, errno: int | None, filename: str
    ) -> None:
        OSError.__init__(self, errno, message, filename)
        self.message = message
        self.method = request.method
        self.url = redact_url(request.url)

    def __str__(self) -> str:
        return self.message


class DownloadExistsError(LocalFileError, FileExistsError):
    """A download named by the server would replace an existing file; pass
    ``overwrite=True`` to allow it."""


class ClientClosedError(Which50Error, RuntimeError):
    """A call on a client after `close()` (or the end of its ``with`` block)."""

    def __init__(self, *, request: httpx.Request) -> None:
        super().__init__(
            f"{request.method} {redact_url(request.url)}: the client is closed; make calls "
            "inside its `with` block, or before close()",
            method=request.method,
            url=redact_url(request.url),
        )


def _status_class(status_code: int) -> type[APIStatusError]:
    if status_code in (400, 417):
        return BadRequestError
    if status_code == 401:
        return AuthenticationError
    if status_code == 403:
        return PermissionDeniedError
    if status_code == 404:
        return NotFoundError
    if status_code == 429:
        return RateLimitError
    if 500 <= status_code <= 599:
        return InternalServerError
    return UnexpectedResponseError


def decode_body(content: bytes, secrets: Sequence[str] = ()) -> object:
    """The body as JSON where it parses, else as text; ``None`` when empty. Any of
    ``secrets`` the body holds is replaced first."""
    if not content:
        return None
    text = scrub(content.decode("utf-8", errors="replace"), secrets)
    try:
        parsed: Any = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nested too deeply to parse
        return text
    return parsed


def _describe(body: object) -> str:
    if isinstance(body, dict):
        message, detail = body.get("Message"), body.get("MessageDetail")
        if isinstance(message, str):
            return message + (f" ({detail})" if isinstance(detail, str) and detail else "")
    text = "" if body is None else body if isinstance(body, str) else json.dumps(body)
    return text if len(text) <= _MAX_BODY_IN_MESSAGE else text[:_MAX_BODY_IN_MESSAGE] + "…"


def make_status_error(
    *,
    method: str,
    url: httpx.URL,
    status_code: int,
    headers: httpx.Headers,
    content: bytes,
    reason: str | None = None,
    secrets: Sequence[str] = (),
    hint: str | None = None,
) -> APIStatusError:
    """The error for a response: the one place where a status picks its class.

    ``reason`` forces `UnexpectedResponseError`, for a 2xx response whose body does not parse.
    ``secrets`` (the client's credentials) are scrubbed from the body and the headers.
    ``hint`` (what in the client's configuration may explain the status) ends the message.
    """
    body = decode_body(content, secrets)
    if secrets:
        headers = httpx.Headers([(k, scrub(v, secrets)) for k, v in headers.multi_items()])
    cls = UnexpectedResponseError if reason is not None else _status_class(status_code)
    shown = redact_url(url)
    summary = reason if reason is not None else _describe(body)
    message = f"{method} {shown} -> {status_code}" + (f": {summary}" if summary else "")
    if hint:
        message += f" (hint: {hint})"
    return cls(
        message,
        method=method,
        url=shown,
        status_code=status_code,
        headers=headers,
        body=body,
    )


class ImportJobError(Which50Error):
    """An import job that did not end: still not finished when the call's ``job_timeout``
    passed, or in a ``CurrentStatus`` this client does not know. The job itself goes on on the
    server; ``method`` and ``url`` are the GET that polls it."""

    job_id: int
    status: str | None
    job: ImportJob
    """The job as last polled."""

    def __init__(self, message: str, *, job_id: int, job: ImportJob, method: str, url: str) -> None:
        super().__init__(message, method=method, url=url)
        self.job_id = job_id
        self.job = job
        status = job.current_status
        self.status = status if isinstance(status, str) else None


class CheckpointError(ValueError):
    """An import checkpoint that cannot be used: unreadable, empty, corrupt, of another format,
    made for another import, or made over other input than the call was given. ``path`` is the
    file; ``batch`` is the first batch found to differ, when there is one. The message says how
    to start over."""

    path: Path
    batch: int | None

    def __init__(self, message: str, *, path: Path, batch: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.batch = batch


class WebhookError(Which50Error):
    """A webhook call that cannot be used: its body is not the `WebhookEvent` the spec
    describes (see `WebhookSignatureError` for one that cannot be trusted). ``method`` is the
    call's, ``POST``; ``url`` is empty, as the receiving URL is yours. The message never holds
    the salt key or the API key."""

    def __init__(self, message: str) -> None:
        super().__init__(message, method="POST", url="")


class WebhookSignatureError(WebhookError):
    """A webhook call that cannot be trusted: no signature header, a malformed one, no
    signature that matches the salt key, a timestamp outside the tolerance, or a missing or
    wrong API key."""
