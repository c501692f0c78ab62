from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_error import HttpError
from ...models.webhook_api_key import WebhookApiKey
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/webhook/apikey",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HttpError | WebhookApiKey | None:
    if response.status_code == 200:
        response_200 = WebhookApiKey.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = HttpError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = HttpError.from_dict(response.json())

        return response_403

    if response.status_code == 500:
        response_500 = HttpError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HttpError | WebhookApiKey]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[HttpError | WebhookApiKey]:
    """Get the webhook API key

     Inferred: all of it. The index shows the route with "No documentation available". Taken here as a
    key Which50 sends with each webhook call (header `X-Which50-Api-Key`), not a credential of this API;
    answered as an object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | WebhookApiKey]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> HttpError | WebhookApiKey | None:
    """Get the webhook API key

     Inferred: all of it. The index shows the route with "No documentation available". Taken here as a
    key Which50 sends with each webhook call (header `X-Which50-Api-Key`), not a credential of this API;
    answered as an object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | WebhookApiKey
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[HttpError | WebhookApiKey]:
    """Get the webhook API key

     Inferred: all of it. The index shows the route with "No documentation available". Taken here as a
    key Which50 sends with each webhook call (header `X-Which50-Api-Key`), not a credential of this API;
    answered as an object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | WebhookApiKey]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> HttpError | WebhookApiKey | None:
    """Get the webhook API key

     Inferred: all of it. The index shows the route with "No documentation available". Taken here as a
    key Which50 sends with each webhook call (header `X-Which50-Api-Key`), not a credential of this API;
    answered as an object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | WebhookApiKey
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
