from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_error import HttpError
from ...models.webhook_subscription import WebhookSubscription
from ...models.webhook_subscription_request import WebhookSubscriptionRequest
from ...types import Response


def _get_kwargs(
    event_name_or_id: str,
    *,
    body: WebhookSubscriptionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/webhook/subscribe/{event_name_or_id}".format(
            event_name_or_id=quote(str(event_name_or_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HttpError | WebhookSubscription | None:
    if response.status_code == 200:
        response_200 = WebhookSubscription.from_dict(response.json())

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
) -> Response[HttpError | WebhookSubscription]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    event_name_or_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: WebhookSubscriptionRequest,
) -> Response[HttpError | WebhookSubscription]:
    """Subscribe to an event by name

     Inferred: the body (the URL Which50 calls), the answer (the new subscription), the codes, and the
    event names: none is documented, and `ContactCreated` (a contact was created) is the one the sandbox
    knows. The call Which50 makes to the URL is described as the callback `event`; its body, headers and
    signature scheme are inferred too.

    Args:
        event_name_or_id (str):
        body (WebhookSubscriptionRequest): Inferred: all of it. The URL to call when the event
            happens.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | WebhookSubscription]
    """

    kwargs = _get_kwargs(
        event_name_or_id=event_name_or_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    event_name_or_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: WebhookSubscriptionRequest,
) -> HttpError | WebhookSubscription | None:
    """Subscribe to an event by name

     Inferred: the body (the URL Which50 calls), the answer (the new subscription), the codes, and the
    event names: none is documented, and `ContactCreated` (a contact was created) is the one the sandbox
    knows. The call Which50 makes to the URL is described as the callback `event`; its body, headers and
    signature scheme are inferred too.

    Args:
        event_name_or_id (str):
        body (WebhookSubscriptionRequest): Inferred: all of it. The URL to call when the event
            happens.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | WebhookSubscription
    """

    return sync_detailed(
        event_name_or_id=event_name_or_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    event_name_or_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: WebhookSubscriptionRequest,
) -> Response[HttpError | WebhookSubscription]:
    """Subscribe to an event by name

     Inferred: the body (the URL Which50 calls), the answer (the new subscription), the codes, and the
    event names: none is documented, and `ContactCreated` (a contact was created) is the one the sandbox
    knows. The call Which50 makes to the URL is described as the callback `event`; its body, headers and
    signature scheme are inferred too.

    Args:
        event_name_or_id (str):
        body (WebhookSubscriptionRequest): Inferred: all of it. The URL to call when the event
            happens.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | WebhookSubscription]
    """

    kwargs = _get_kwargs(
        event_name_or_id=event_name_or_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    event_name_or_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: WebhookSubscriptionRequest,
) -> HttpError | WebhookSubscription | None:
    """Subscribe to an event by name

     Inferred: the body (the URL Which50 calls), the answer (the new subscription), the codes, and the
    event names: none is documented, and `ContactCreated` (a contact was created) is the one the sandbox
    knows. The call Which50 makes to the URL is described as the callback `event`; its body, headers and
    signature scheme are inferred too.

    Args:
        event_name_or_id (str):
        body (WebhookSubscriptionRequest): Inferred: all of it. The URL to call when the event
            happens.

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
            body=body,
        )
    ).parsed
