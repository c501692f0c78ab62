"""`Which50` and `AsyncWhich50`: the clients people import. Twins with the same names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Self, TypeVar, cast

import httpx

from ._async.transport import AsyncClientTransport, AsyncRetryTransport
from ._auth import static_header
from ._config import NOT_GIVEN, ClientConfig, NotGiven, TimeoutTypes, build_config
from ._constants import ACCEPT_ENCODING
from ._deadline import install as install_deadline
from ._errors import ClientClosedError
from ._raw import RawResponses
from ._redact import redact_url
from ._runner import AsyncRunner, SyncRunner
from ._sync.transport import ClientTransport, RetryTransport
from .resources.contact_lists import AsyncContactLists, ContactLists
from .resources.contacts import AsyncContacts, Contacts
from .resources.files import AsyncFiles, Files
from .resources.journeys import AsyncJourneys, Journeys

__all__ = ["AsyncWhich50", "Which50"]

_USER_AGENT = "which50-python"
T = TypeVar("T")


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


class _Base:
    """What both twins share: the configuration, its repr, and `with_options` bookkeeping."""

    _config: ClientConfig

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

    def _derived(
        self,
        base_url: str | NotGiven,
        token: str | NotGiven | None,
        username: str | NotGiven | None,
        password: str | NotGiven | None,
        auth: httpx.Auth | NotGiven | None,
        timeout: TimeoutTypes | NotGiven,
        deadline: float | NotGiven | None,
        max_retries: int | NotGiven,
        max_response_size: int | NotGiven | None,
    ) -> ClientConfig:
        """This client's config with the given settings replaced (none from the environment).
        A new plain-number ``timeout`` brings its deadline along, as in the constructor."""
        current = self._config
        keep_auth = all(isinstance(x, NotGiven) for x in (token, username, password, auth))
        if isinstance(deadline, NotGiven) and isinstance(timeout, NotGiven):
            deadline = current.deadline
        return build_config(
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

    def __repr__(self) -> str:
        config = self._config
        return (
            f"{type(self).__name__}(base_url={redact_url(config.base_url)!r}, "
            f"auth={config.auth!r}, timeout={config.timeout!r}, deadline={config.deadline!r}, "
            f"max_retries={config.max_retries})"
        )


def _network(
    http_client: Any, transport: Any, forward: Callable[[Any], T], default: Callable[..., T]
) -> T:
    """What sends the bytes: the caller's client or transport, else a pooled HTTP transport
    with TLS verification on."""
    if http_client is not None and transport is not None:
        raise ValueError("pass either http_client= or transport=, not both")
    if http_client is not None:
        return forward(http_client)
    if transport is not None:
        return cast(T, transport)
    network = default(verify=True, retries=0)
    install_deadline(network)
    return network


def _invalid_url(error: httpx.InvalidURL) -> ValueError:
    return ValueError(f"the arguments make no valid request URL: {error}")


class _HttpClient(httpx.Client):
    """The configured `httpx.Client`: a URL that cannot be built is the caller's `ValueError`,
    and a call after `close()` is `ClientClosedError`, before anything is sent."""

    def build_request(self, *args: Any, **kwargs: Any) -> httpx.Request:
        try:
            return super().build_request(*args, **kwargs)
        except httpx.InvalidURL as error:
            raise _invalid_url(error) from None

    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        if self.is_closed:
            raise ClientClosedError(request=request)
        return super().send(request, **kwargs)


class _AsyncHttpClient(httpx.AsyncClient):
    """The async twin of `_HttpClient`."""

    def build_request(self, *args: Any, **kwargs: Any) -> httpx.Request:
        try:
            return super().build_request(*args, **kwargs)
        except httpx.InvalidURL as error:
            raise _invalid_url(error) from None

    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        if self.is_closed:
            raise ClientClosedError(request=request)
        return await super().send(request, **kwargs)


def _version() -> str:
    from . import __version__

    return __version__


class Which50(_Base):
    """The Which50 API client.

    Settings come from the arguments, else from `WHICH50_BASE_URL`, `WHICH50_TOKEN`,
    `WHICH50_USERNAME` and `WHICH50_PASSWORD`, else from the defaults. ``http_client`` is your
    own `httpx.Client` (proxies, certificates, event hooks); it is used as is and never closed
    here. ``transport`` replaces the network beneath the retries (``httpx.MockTransport`` in
    tests). Use the client as a context manager, or call `close()`.
    """

    contacts: Contacts
    contact_lists: ContactLists
    files: Files
    journeys: Journeys

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
        network = _network(http_client, transport, ClientTransport, httpx.HTTPTransport)
        self._setup(config, network, owner=True)

    def _setup(self, config: ClientConfig, network: httpx.BaseTransport, *, owner: bool) -> None:
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
        self._runner = SyncRunner(self._http, config.retry)
        self.contacts = Contacts(self._runner)
        self.contact_lists = ContactLists(self._runner)
        self.files = Files(self._runner)
        self.journeys = Journeys(self._runner)

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
    ) -> Which50:
        """A client with some settings changed, sharing this one's connections:
        ``client.with_options(timeout=5, max_retries=0).contacts.get(...)``."""
        derived = Which50.__new__(Which50)
        config = self._derived(
            base_url,
            token,
            username,
            password,
            auth,
            timeout,
            deadline,
            max_retries,
            max_response_size,
        )
        derived._setup(config, self._network, owner=False)
        return derived

    @property
    def with_raw_response(self) -> RawResponses:
        """The same resources, returning `RawResponse` (the httpx response and the parsed value)."""
        return RawResponses(self)

    def close(self) -> None:
        """Close the connections (a client derived by `with_options` leaves them to its parent)."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncWhich50(_Base):
    """The async twin of `Which50`: the same resources and methods, awaited. ``http_client``
    is an `httpx.AsyncClient` and ``transport`` an `httpx.AsyncBaseTransport`. Use
    ``async with``, or call `aclose()`."""

    contacts: AsyncContacts
    contact_lists: AsyncContactLists
    files: AsyncFiles
    journeys: AsyncJourneys

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
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
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
        network = _network(http_client, transport, AsyncClientTransport, httpx.AsyncHTTPTransport)
        self._setup(config, network, owner=True)

    def _setup(
        self, config: ClientConfig, network: httpx.AsyncBaseTransport, *, owner: bool
    ) -> None:
        self._config = config
        self._network = network
        self._http = _AsyncHttpClient(
            base_url=config.base_url,
            auth=_flow(config),
            timeout=config.timeout,
            headers=_headers(config),
            transport=AsyncRetryTransport(network, config, owns_inner=owner),
            trust_env=False,
        )
        self._runner = AsyncRunner(self._http, config.retry)
        self.contacts = AsyncContacts(self._runner)
        self.contact_lists = AsyncContactLists(self._runner)
        self.files = AsyncFiles(self._runner)
        self.journeys = AsyncJourneys(self._runner)

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
    ) -> AsyncWhich50:
        """A client with some settings changed, sharing this one's connections."""
        derived = AsyncWhich50.__new__(AsyncWhich50)
        config = self._derived(
            base_url,
            token,
            username,
            password,
            auth,
            timeout,
            deadline,
            max_retries,
            max_response_size,
        )
        derived._setup(config, self._network, owner=False)
        return derived

    @property
    def with_raw_response(self) -> RawResponses:
        """The same resources, returning `RawResponse` (the httpx response and the parsed value)."""
        return RawResponses(self)

    async def aclose(self) -> None:
        """Close the connections (a client derived by `with_options` leaves them to its parent)."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
