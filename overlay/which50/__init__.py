"""which50: a Python client for the Which50 marketing-automation REST API.

```python
import which50

with which50.Which50() as client:          # WHICH50_BASE_URL, WHICH50_TOKEN from the environment
    contact = client.contacts.get("Q2w5TnZ4R2hKa0xtNw")
```

`Which50` and `AsyncWhich50` are the clients; the models they return are in `which50.types`;
every failure is a `Which50Error`. `which50.webhooks` checks and parses the calls Which50 makes
to your server. The raw generated client is `which50_client`, and pydantic models of every
schema are `which50_models`.
"""

from importlib.metadata import version as _version

from ._auth import BasicAuth, BearerAuth
from ._bulk import ImportProgress, ImportReport, RejectedRow
from ._client import AsyncWhich50, Which50
from ._config import NOT_GIVEN, ClientConfig, NotGiven
from ._constants import (
    DEFAULT_BASE_URL,
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    INITIAL_RETRY_DELAY,
    MAX_RETRY_DELAY,
)
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CheckpointError,
    ClientClosedError,
    DownloadExistsError,
    ImportJobError,
    InternalServerError,
    LocalFileError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnexpectedResponseError,
    WebhookError,
    WebhookSignatureError,
    Which50Error,
)
from ._raw import RawResponse
from ._retry import RetryPolicy

__version__: str = _version("which50")

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_RESPONSE_SIZE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_DELAY",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncWhich50",
    "AuthenticationError",
    "BadRequestError",
    "BasicAuth",
    "BearerAuth",
    "CheckpointError",
    "ClientClosedError",
    "ClientConfig",
    "DownloadExistsError",
    "ImportJobError",
    "ImportProgress",
    "ImportReport",
    "InternalServerError",
    "LocalFileError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "RejectedRow",
    "RetryPolicy",
    "UnexpectedResponseError",
    "WebhookError",
    "WebhookSignatureError",
    "Which50",
    "Which50Error",
    "__version__",
]
