# Generated from overlay/which50/_async/client.py by scripts/unasync.py: do not edit.
"""The client's machinery: configuration, ``with_options``, the HTTP client beneath the
resources, and closing. `which50._client` builds the public `Which50` on it, adding the
resource namespaces."""

from __future__ import annotations

from typing import Any, Self

import httpx

from .._auth import static_header
from .._config import (
    NOT_GIVEN,
    ClientConfig,
    NotGiven,
    TimeoutTypes,
    build_config,
    keep_default_mark,
    note_default_base_url,
)
from .._constants import ACCEPT_ENCODING
from .._deadline import install as install_deadline
from .._errors import ClientClosedError
from .runner import SyncRunner
from .transport import ClientTransport, RetryTransport

__all__ = ["Which50Core"]

_USER_AGENT = "which50-python"


class Which50Core:
    """What `Which50` is beside its resources (`which50._client` wires those, in
    `_wire`)."""

    _runner: SyncRunner

    def __init__(
        self,
        *,
        base_url: str | NotGiven = NOT_GIVEN,
        token: str | NotGiven | None = NOT_GIVEN,
        username: str | NotGiven | None = NOT_GIVEN,
        password: str | NotGiven | None = NOT_GIVEN,
        auth: httpx.Auth | NotGiven | None = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        max_response_size: int | NotGiven | None = NOT_GIVEN,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        config = build_config(
            base_url=base_url,
            token=token,
            username=username,
            password=password,
            auth=auth,
            timeout=timeout,
            deadline=deadline,
            max_retries=max_retries,
            max_response_size=max_response_size,
        )
        note_default_base_url(config)
        self._setup(config, _network(http_client, transport), owner=True)

    def _setup(
        self, config: ClientConfig, network: httpx.BaseTransport, *, owner: bool
    ) -> None:
        self._config = config
        self._network = network
        self._http = _HttpClient(
            base_url=config.base_url,
            auth=_flow(config),
            timeout=config.timeout,
            headers=_headers(config),
            transport=RetryTransport(network, config, owns_inner=owner),
            trust_env=False,
        )
        self._runner = SyncRunner(self._http, config.retry, config.max_response_size)
        self._wire()

    def _wire(self) -> None:
        """Attach the resource namespaces to ``self`` (`which50._client`)."""

    @property
    def base_url(self) -> str:
        return self._config.base_url

    @property
    def timeout(self) -> httpx.Timeout:
        return self._config.timeout

    @property
    def max_retries(self) -> int:
        return self._config.max_retries

    @property
    def config(self) -> ClientConfig:
        return self._config

    def with_options(
        self,
        *,
        base_url: str | NotGiven = NOT_GIVEN,
        token: str | NotGiven | None = NOT_GIVEN,
        username: str | NotGiven | None = NOT_GIVEN,
        password: str | NotGiven | None = NOT_GIVEN,
        auth: httpx.Auth | NotGiven | None = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        max_response_size: int | NotGiven | None = NOT_GIVEN,
    ) -> Self:
        """A client with some settings changed, sharing this one's connections:
        ``client.with_options(timeout=5, max_retries=0).contacts.get(...)``.

        The settings given replace this client's (none come from the environment); a new
        plain-number ``timeout`` brings its deadline along, as in the constructor."""
        current = self._config
        keep_auth = all(isinstance(x, NotGiven) for x in (token, username, password, auth))
        if isinstance(deadline, NotGiven) and isinstance(timeout, NotGiven):
            deadline = current.deadline
        config = build_config(
            base_url=current.base_url if isinstance(base_url, NotGiven) else base_url,
            token=token,
            username=username,
            password=password,
            auth=current.auth if keep_auth else auth,
            timeout=current.timeout if isinstance(timeout, NotGiven) else timeout,
            deadline=deadline,
            max_retries=current.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            max_response_size=current.max_response_size
            if isinstance(max_response_size, NotGiven)
            else max_response_size,
            environ={},
        )
        config = keep_default_mark(config, current, base_url)
        derived = type(self).__new__(type(self))
        derived._setup(config, self._network, owner=False)
        return derived

    def close(self) -> None:
        """Close the connections (a client derived by `with_options` leaves them to its parent)."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        config = self._config
        return (
            f"{type(self).__name__}(base_url={config.shown_base_url()}, "
            f"auth={config.auth!r}, timeout={config.timeout!r}, deadline={config.deadline!r}, "
            f"max_retries={config.max_retries})"
        )


def _network(
    http_client: httpx.Client | None, transport: httpx.BaseTransport | None
) -> httpx.BaseTransport:
    """What sends the bytes: the caller's client or transport, else a pooled HTTP transport
    with TLS verification on."""
    if http_client is not None and transport is not None:
        raise ValueError("pass either http_client= or transport=, not both")
    if http_client is not None:
        return ClientTransport(http_client)
    if transport is not None:
        return transport
    network = httpx.HTTPTransport(verify=True, retries=0)
    install_deadline(network)
    return network


def _headers(config: ClientConfig) -> dict[str, str]:
    """Default headers, with static credentials (httpx hides `Authorization` in reprs)."""
    headers = {
        "User-Agent": f"{_USER_AGENT}/{_version()}",
        "Accept": "application/json",
        "Accept-Encoding": ACCEPT_ENCODING,
    }
    credentials = static_header(config.auth)
    if credentials is not None:
        headers["Authorization"] = credentials.reveal()
    return headers


def _flow(config: ClientConfig) -> httpx.Auth | None:
    """The auth flow to run per request: none when the credentials are a static header."""
    return None if static_header(config.auth) is not None else config.auth


def _version() -> str:
    from .. import __version__

    return __version__


class _HttpClient(httpx.Client):
    """The configured `httpx.Client`: a URL that cannot be built is the caller's
    `ValueError`, and a call after closing is `ClientClosedError`, before anything is sent."""

    def build_request(self, *args: Any, **kwargs: Any) -> httpx.Request:
        try:
            return super().build_request(*args, **kwargs)
        except httpx.InvalidURL as error:
            raise ValueError(f"the arguments make no valid request URL: {error}") from None

    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        if self.is_closed:
            raise ClientClosedError(request=request)
        return super().send(request, **kwargs)
