from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_error import HttpError
from ...models.webhook_api_key import WebhookApiKey
from ...types import Response


def _get_kwargs(
    *,
    body: WebhookApiKey,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/webhook/apikey",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HttpError | WebhookApiKey | None:
    if response.status_code == 200:
        response_200 = WebhookApiKey.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = HttpError.from_dict(response.json())

        return response_400

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
    body: WebhookApiKey,
) -> Response[HttpError | WebhookApiKey]:
    """Set the webhook API key

     Inferred: all of it. The index shows the route with "No documentation available". Taken here as
    replacing the key sent with webhook calls with the one in the body.

    Args:
        body (WebhookApiKey): Inferred: all of it. The key sent with each webhook call. It is a
            secret: keep it out of logs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | WebhookApiKey]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookApiKey,
) -> HttpError | WebhookApiKey | None:
    """Set the webhook API key

     Inferred: all of it. The index shows the route with "No documentation available". Taken here as
    replacing the key sent with webhook calls with the one in the body.

    Args:
        body (WebhookApiKey): Inferred: all of it. The key sent with each webhook call. It is a
            secret: keep it out of logs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | WebhookApiKey
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookApiKey,
) -> Response[HttpError | WebhookApiKey]:
    """Set the webhook API key

     Inferred: all of it. The index shows the route with "No documentation available". Taken here as
    replacing the key sent with webhook calls with the one in the body.

    Args:
        body (WebhookApiKey): Inferred: all of it. The key sent with each webhook call. It is a
            secret: keep it out of logs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | WebhookApiKey]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: WebhookApiKey,
) -> HttpError | WebhookApiKey | None:
    """Set the webhook API key

     Inferred: all of it. The index shows the route with "No documentation available". Taken here as
    replacing the key sent with webhook calls with the one in the body.

    Args:
        body (WebhookApiKey): Inferred: all of it. The key sent with each webhook call. It is a
            secret: keep it out of logs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | WebhookApiKey
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
