"""The client's configuration: a frozen dataclass, built in one place.

Each setting comes from the constructor argument when one is given, else from the environment
(`WHICH50_BASE_URL`, `WHICH50_TOKEN`, `WHICH50_USERNAME`, `WHICH50_PASSWORD`), else from the
defaults in `_constants`. "Not given" is the `NOT_GIVEN` sentinel, so an explicit ``None`` can
mean "none" (``timeout=None`` waits forever; ``token=None`` ignores `WHICH50_TOKEN`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Literal, TypeVar

import httpx

from ._auth import BasicAuth, BearerAuth
from ._constants import DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._redact import redact_url
from ._retry import RetryPolicy

__all__ = ["NOT_GIVEN", "ClientConfig", "NotGiven", "build_config", "read_environment"]

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

    @property
    def max_retries(self) -> int:
        return self.retry.max_retries

    def __repr__(self) -> str:
        return (
            f"ClientConfig(base_url={redact_url(self.base_url)!r}, auth={self.auth!r}, "
            f"timeout={self.timeout!r}, max_retries={self.max_retries})"
        )


def read_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The `WHICH50_*` settings present in the environment: the only place it is read."""
    source = os.environ if environ is None else environ
    names = (ENV_BASE_URL, ENV_TOKEN, ENV_USERNAME, ENV_PASSWORD)
    return {name: source[name] for name in names if source.get(name)}


def _pick(given: T | NotGiven, env: dict[str, str], name: str) -> T | str | None:
    return env.get(name) if isinstance(given, NotGiven) else given


def build_base_url(given: str | NotGiven, env: dict[str, str]) -> str:
    url = _pick(given, env, ENV_BASE_URL) or DEFAULT_BASE_URL
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError(f"base_url must be an absolute http(s) URL, not {redact_url(url)!r}")
    return url.rstrip("/")


def build_auth(
    *,
    token: str | NotGiven | None,
    username: str | NotGiven | None,
    password: str | NotGiven | None,
    auth: httpx.Auth | NotGiven | None,
    env: dict[str, str],
) -> httpx.Auth | None:
    """One auth flow. An argument beats the environment; within each, ``auth`` beats a bearer
    token, which beats basic credentials. Two explicit, conflicting arguments are an error."""
    if token and username:
        raise ValueError("pass either token= or username=/password=, not both")
    if auth is not None and not isinstance(auth, NotGiven):
        if token or username:
            raise ValueError("pass either auth= or token=/username=, not both")
        return auth
    resolved_token = _pick(token, env, ENV_TOKEN)
    user = _pick(username, env, ENV_USERNAME)
    secret = _pick(password, env, ENV_PASSWORD)
    if resolved_token and not username:
        return BearerAuth(str(resolved_token))
    if user and secret:
        return BasicAuth(str(user), str(secret))
    if user:
        raise ValueError("basic credentials need a password as well as a username")
    return None


def build_timeout(given: TimeoutTypes | NotGiven) -> httpx.Timeout:
    if isinstance(given, NotGiven):
        return DEFAULT_TIMEOUT
    if isinstance(given, httpx.Timeout):
        return given
    if given is not None and given <= 0:
        raise ValueError(f"timeout must be positive, not {given}")
    return httpx.Timeout(given)


def build_retry(given: int | NotGiven) -> RetryPolicy:
    return RetryPolicy(max_retries=DEFAULT_MAX_RETRIES if isinstance(given, NotGiven) else given)


def build_config(
    *,
    base_url: str | NotGiven = NOT_GIVEN,
    token: str | NotGiven | None = NOT_GIVEN,
    username: str | NotGiven | None = NOT_GIVEN,
    password: str | NotGiven | None = NOT_GIVEN,
    auth: httpx.Auth | NotGiven | None = NOT_GIVEN,
    timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    environ: Mapping[str, str] | None = None,
) -> ClientConfig:
    """The configuration from arguments, then the environment, then the defaults."""
    env = read_environment(environ)
    return ClientConfig(
        base_url=build_base_url(base_url, env),
        auth=build_auth(token=token, username=username, password=password, auth=auth, env=env),
        timeout=build_timeout(timeout),
        retry=build_retry(max_retries),
    )
