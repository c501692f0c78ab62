from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_error import HttpError
from ...models.webhook_subscription import WebhookSubscription
from ...types import Response


def _get_kwargs(
    event_name_or_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/webhook/subscribe/{event_name_or_id}".format(
            event_name_or_id=quote(str(event_name_or_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HttpError | WebhookSubscription | None:
    if response.status_code == 200:
        response_200 = WebhookSubscription.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = HttpError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = HttpError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = HttpError.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = HttpError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HttpError | WebhookSubscription]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    event_name_or_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[HttpError | WebhookSubscription]:
    """Deactivate a webhook subscription

     Inferred: the answer (the subscription, now inactive: the index says the call deactivates it, so it
    is kept and listed) and the codes. Upstream gives only the index line.

    Args:
        event_name_or_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | WebhookSubscription]
    """

    kwargs = _get_kwargs(
        event_name_or_id=event_name_or_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    event_name_or_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> HttpError | WebhookSubscription | None:
    """Deactivate a webhook subscription

     Inferred: the answer (the subscription, now inactive: the index says the call deactivates it, so it
    is kept and listed) and the codes. Upstream gives only the index line.

    Args:
        event_name_or_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | WebhookSubscription
    """

    return sync_detailed(
        event_name_or_id=event_name_or_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    event_name_or_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[HttpError | WebhookSubscription]:
    """Deactivate a webhook subscription

     Inferred: the answer (the subscription, now inactive: the index says the call deactivates it, so it
    is kept and listed) and the codes. Upstream gives only the index line.

    Args:
        event_name_or_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | WebhookSubscription]
    """

    kwargs = _get_kwargs(
        event_name_or_id=event_name_or_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    event_name_or_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> HttpError | WebhookSubscription | None:
    """Deactivate a webhook subscription

     Inferred: the answer (the subscription, now inactive: the index says the call deactivates it, so it
    is kept and listed) and the codes. Upstream gives only the index line.

    Args:
        event_name_or_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | WebhookSubscription
    """

    return (
        await asyncio_detailed(
            event_name_or_id=event_name_or_id,
            client=client,
        )
    ).parsed
