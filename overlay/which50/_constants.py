"""Named defaults of the client. Every tunable number lives here, with its reason."""

from __future__ import annotations

import httpx

DEFAULT_BASE_URL = "https://app.which50.com/Which50API"
"""Inferred from the help site's location; upstream does not document a base URL."""

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
"""Per request: 10 s to connect, 60 s for each of read, write and pool."""

DEFAULT_DEADLINE = 300.0
"""Seconds one call may take in all: connect, send, wait and read, retries and their waits
included. A plain number ``timeout=`` sets this too (``timeout=2``: no call outlives 2 s)."""

MAX_TIMEOUT = 1_000_000.0
"""The largest timeout or deadline accepted, in seconds (about 11.6 days): beyond it the
operating system's timers overflow."""

DEFAULT_MAX_RESPONSE_SIZE = 512 * 1024 * 1024
"""Bytes of one response body, decoded, that a call holds in memory (512 MiB; a list of a
million contacts is about 270 MB). A longer body raises `UnexpectedResponseError` instead of
exhausting memory. Streaming helpers (downloads) are not bounded by it."""

ACCEPT_ENCODING = "gzip, deflate"
"""The encodings the client decodes itself, bounded by the body cap."""

DEFAULT_MAX_RETRIES = 2
"""Retries after the first attempt, so at most three attempts in all."""

INITIAL_RETRY_DELAY = 0.5
"""Seconds before the first retry; each later retry doubles it."""

MAX_RETRY_DELAY = 8.0
"""Cap, in seconds, on the computed backoff of one retry."""

MAX_RETRY_AFTER = 60.0
"""Cap, in seconds, on a server's `Retry-After`. A longer wait is not retried: it raises."""

RETRYABLE_STATUSES = frozenset({408, 429, 502, 503, 504})
"""Statuses worth another attempt."""

UNPROCESSED_STATUSES = frozenset({408, 429, 503})
"""Statuses by which the server says it did not act on the request, so any method may retry."""

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
"""Methods that may be repeated safely (RFC 9110, 9.2.2) once a request may have reached the
server. PATCH and POST are retried only when the server said it did not act (see above) or the
connection never opened."""

MAX_IMPORT_BATCH = 10_000
"""The API's limit on contacts per import batch (addImportJobContacts)."""

DEFAULT_IMPORT_CONCURRENCY = 4
"""Import batches in flight at once."""

DEFAULT_POLL_INTERVAL = 0.5
"""Seconds before the first poll of a running import job; later polls back off."""

MAX_POLL_INTERVAL = 5.0
"""Cap, in seconds, on the wait between two polls of an import job."""

STREAM_CHUNK_SIZE = 64 * 1024
"""Bytes per read or write when files stream to or from disk."""

MAX_BATCH_SENDS = 6
"""Attempts at one import batch whose send was cut short (safe: the job upserts on `match`)."""

MAX_BATCH_THROTTLED_SENDS = 10
"""Attempts at one import batch turned away with 429, 502, 503 or 504 once the transport's own
retries are spent (each attempt is a request with its `max_retries`). Safe for the reason above;
it lets an import outlast a throttling storm longer than `max_retries` covers."""

MAX_BATCH_THROTTLE_WAIT = 600.0
"""Cap, in seconds, on the time one import batch waits out throttling in all. `Retry-After` is
honoured here beyond `MAX_RETRY_AFTER`, within this budget; a wait past it raises the error."""

MAX_BATCH_THROTTLE_DELAY = 60.0
"""Cap, in seconds, on one wait of a throttled import batch whose error gave no `Retry-After`;
the waits start at `MAX_RETRY_DELAY`, where the transport's own backoff stopped, and double."""

DEFAULT_JOB_TIMEOUT = 3600.0
"""Seconds `import_contacts` waits for its job to end once it runs, before raising
`ImportJobError`. The job goes on on the server; with a checkpoint, the same call waits again.
Upstream documents no processing rate; the sandbox ends a job in seconds."""
