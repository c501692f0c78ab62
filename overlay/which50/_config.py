"""The client's configuration: a frozen dataclass, built in one place.

Each setting comes from the constructor argument when one is given, else from the environment
(`WHICH50_BASE_URL`, `WHICH50_TOKEN`, `WHICH50_USERNAME`, `WHICH50_PASSWORD`), else from the
defaults in `_constants`. "Not given" is the `NOT_GIVEN` sentinel, so an explicit ``None`` can
mean "none" (``timeout=None`` waits forever; ``token=None`` ignores `WHICH50_TOKEN`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Final, Literal, TypeVar

import httpx

from ._auth import BasicAuth, BearerAuth, check_credential
from ._constants import (
    DEFAULT_BASE_URL,
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    MAX_TIMEOUT,
)
from ._redact import redact_url
from ._retry import RetryPolicy

__all__ = [
    "NOT_GIVEN",
    "ClientConfig",
    "NotGiven",
    "build_config",
    "config_hint",
    "keep_default_mark",
    "note_default_base_url",
    "read_environment",
]

logger = logging.getLogger("which50")

ENV_BASE_URL: Final = "WHICH50_BASE_URL"
ENV_TOKEN: Final = "WHICH50_TOKEN"
ENV_USERNAME: Final = "WHICH50_USERNAME"
ENV_PASSWORD: Final = "WHICH50_PASSWORD"


class NotGiven:
    """The type of `NOT_GIVEN`: an argument the caller left out (distinct from ``None``)."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

T = TypeVar("T")
TimeoutTypes = float | httpx.Timeout | None


@dataclass(frozen=True)
class ClientConfig:
    """Everything a client needs, resolved. Its repr never shows a credential."""

    base_url: str
    auth: httpx.Auth | None
    timeout: httpx.Timeout
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    deadline: float | None = DEFAULT_DEADLINE
    """Seconds one call may take in all (connect, send, wait, read, retries); None: no bound."""
    max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE
    """Bytes of one (decoded) response body held in memory; None: no bound."""
    base_url_defaulted: bool = False
    """No base URL was given (argument or `WHICH50_BASE_URL`): the client aims at production."""

    @property
    def max_retries(self) -> int:
        return self.retry.max_retries

    def shown_base_url(self) -> str:
        """The base URL for a repr: redacted, and marked when it is the production default."""
        shown = repr(redact_url(self.base_url))
        return f"{shown} (default: production)" if self.base_url_defaulted else shown

    def __repr__(self) -> str:
        return (
            f"ClientConfig(base_url={self.shown_base_url()}, auth={self.auth!r}, "
            f"timeout={self.timeout!r}, deadline={self.deadline!r}, "
            f"max_retries={self.max_retries}, max_response_size={self.max_response_size!r})"
        )


def read_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The `WHICH50_*` settings present in the environment: the only place it is read."""
    source = os.environ if environ is None else environ
    names = (ENV_BASE_URL, ENV_TOKEN, ENV_USERNAME, ENV_PASSWORD)
    return {name: source[name] for name in names if source.get(name)}


def _pick(
    given: T | NotGiven, env: dict[str, str], name: str, argument: str
) -> tuple[T | str | None, str]:
    """The setting and where it came from (the argument's name or the variable's), so that
    an error can name the source without showing the value."""
    if isinstance(given, NotGiven):
        return env.get(name), name
    return given, argument


def build_base_url(
    given: str | NotGiven, env: dict[str, str]
) -> tuple[str, tuple[str, str] | None]:
    """The base URL without user info, and the ``(username, password)`` the user info held.

    Credentials in a URL end up in log lines (httpx logs every request's URL at INFO), so they
    are taken out here and sent as basic credentials instead.
    """
    url, source = _pick(given, env, ENV_BASE_URL, "base_url")
    if url is None:
        return DEFAULT_BASE_URL, None
    if not isinstance(url, str):
        raise TypeError(f"{source} must be a str, not {type(url).__name__}")
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        raise ValueError(f"{source} is not a valid URL") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError(f"{source} must be an absolute http(s) URL, not {redact_url(parsed)!r}")
    if parsed.query or parsed.fragment:
        raise ValueError(f"{source} must not carry a query or a fragment")
    credentials = None
    if parsed.userinfo:
        credentials = (parsed.username, parsed.password)
        parsed = parsed.copy_with(username=None, password=None)
    return str(parsed).rstrip("/"), credentials


def build_auth(
    *,
    token: str | NotGiven | None,
    username: str | NotGiven | None,
    password: str | NotGiven | None,
    auth: httpx.Auth | NotGiven | None,
    env: dict[str, str],
    url_credentials: tuple[str, str] | None = None,
) -> httpx.Auth | None:
    """One auth flow. An argument beats the environment; within each, ``auth`` beats a bearer
    token, which beats basic credentials. Two explicit, conflicting arguments are an error, and
    so is user info in the base URL beside any other credential."""
    if token and username:
        raise ValueError("pass either token= or username=/password=, not both")
    if auth is not None and not isinstance(auth, NotGiven):
        if token or username:
            raise ValueError("pass either auth= or token=/username=, not both")
        if url_credentials is not None:
            raise ValueError("pass either auth= or credentials in base_url, not both")
        return auth
    resolved_token, token_source = _pick(token, env, ENV_TOKEN, "token")
    user, user_source = _pick(username, env, ENV_USERNAME, "username")
    secret, secret_source = _pick(password, env, ENV_PASSWORD, "password")
    if url_credentials is not None:
        if resolved_token or user:
            raise ValueError(
                "the base URL carries user info, and a token or username is set as well: "
                "pass the credentials one way"
            )
        user, secret = url_credentials
        user_source = secret_source = "the user info of the base URL"
        if not secret:
            raise ValueError("the user info of the base URL has no password")
    if resolved_token and not username:
        return BearerAuth(check_credential(token_source, resolved_token))
    if user and secret:
        return BasicAuth(
            check_credential(user_source, user), check_credential(secret_source, secret)
        )
    if user:
        raise ValueError("basic credentials need a password as well as a username")
    return None


def _seconds(setting: str, value: object) -> float:
    """A positive, finite number of seconds, at most `MAX_TIMEOUT`."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{setting} must be a number of seconds, not {type(value).__name__}")
    if not 0 < value <= MAX_TIMEOUT:  # NaN fails this too
        raise ValueError(f"{setting} must be positive and at most {MAX_TIMEOUT:g} s, not {value}")
    return float(value)


def build_timeout(given: TimeoutTypes | NotGiven) -> httpx.Timeout:
    if isinstance(given, NotGiven):
        return DEFAULT_TIMEOUT
    if isinstance(given, httpx.Timeout):
        for phase, value in given.as_dict().items():
            if value is not None:
                _seconds(f"timeout's {phase}", value)
        return given
    if given is None:
        return httpx.Timeout(None)
    return httpx.Timeout(_seconds("timeout", given))


def build_deadline(
    given: float | NotGiven | None, timeout: TimeoutTypes | NotGiven
) -> float | None:
    """A call's total deadline: as given; else a plain number ``timeout`` bounds the whole
    call too (``timeout=2``: no call lasts more than 2 s); else the default."""
    if not isinstance(given, NotGiven):
        return None if given is None else _seconds("deadline", given)
    if timeout is None:
        return None
    if isinstance(timeout, int | float) and not isinstance(timeout, bool):
        return _seconds("timeout", timeout)
    return DEFAULT_DEADLINE


def build_max_response_size(given: int | NotGiven | None) -> int | None:
    if isinstance(given, NotGiven):
        return DEFAULT_MAX_RESPONSE_SIZE
    if given is None:
        return None
    if isinstance(given, bool) or not isinstance(given, int):
        raise TypeError(f"max_response_size must be an int, not {type(given).__name__}")
    if given < 1:
        raise ValueError(f"max_response_size must be at least 1 byte, not {given}")
    return given


def build_retry(given: int | NotGiven) -> RetryPolicy:
    if isinstance(given, NotGiven):
        return RetryPolicy(max_retries=DEFAULT_MAX_RETRIES)
    if isinstance(given, bool) or not isinstance(given, int):
        raise TypeError(f"max_retries must be an int, not {type(given).__name__}")
    return RetryPolicy(max_retries=given)


def build_config(
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
    environ: Mapping[str, str] | None = None,
) -> ClientConfig:
    """The configuration from arguments, then the environment, then the defaults."""
    env = read_environment(environ)
    url, url_credentials = build_base_url(base_url, env)
    return ClientConfig(
        base_url_defaulted=isinstance(base_url, NotGiven) and ENV_BASE_URL not in env,
        base_url=url,
        auth=build_auth(
            token=token,
            username=username,
            password=password,
            auth=auth,
            env=env,
            url_credentials=url_credentials,
        ),
        timeout=build_timeout(timeout),
        retry=build_retry(max_retries),
        deadline=build_deadline(deadline, timeout),
        max_response_size=build_max_response_size(max_response_size),
    )


def keep_default_mark(config: ClientConfig, parent: ClientConfig, base_url: object) -> ClientConfig:
    """`with_options` passes the parent's base URL on: it is still the default if it was."""
    if isinstance(base_url, NotGiven) and parent.base_url_defaulted:
        return replace(config, base_url_defaulted=True)
    return config


_NOTED: set[str] = set()


def note_default_base_url(config: ClientConfig) -> None:
    """Say once per process, as a warning on the ``which50`` logger, that a client aims at
    production because no base URL was given."""
    if config.base_url_defaulted and "base_url" not in _NOTED:
        _NOTED.add("base_url")
        logger.warning(
            "which50: no base URL given (base_url= or %s), so clients use production, %s",
            ENV_BASE_URL,
            DEFAULT_BASE_URL,
        )


_API_ROOT = httpx.URL(DEFAULT_BASE_URL).path  # "/Which50API"


def config_hint(config: ClientConfig, status_code: int) -> str | None:
    """What in the configuration may explain an error status, or None.

    - 401 from a client with no credentials: the settings that were missing.
    - 404 from a base URL whose path is not the API's root: what the base URL should end with
      (every route of the spec lives under it).
    """
    if status_code == 401 and config.auth is None:
        return (
            "no credentials were configured: pass token= (or username= and password=), or set "
            f"{ENV_TOKEN} (or {ENV_USERNAME} and {ENV_PASSWORD})"
        )
    if status_code == 404:
        path = httpx.URL(config.base_url).path.rstrip("/")
        if not path.lower().endswith(_API_ROOT.lower()):
            return (
                f"the base URL {redact_url(config.base_url)!r} does not end with {_API_ROOT}, "
                f"where the API's routes live (as in {DEFAULT_BASE_URL})"
            )
    return None
