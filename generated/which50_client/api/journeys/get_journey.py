from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign import Campaign
from ...models.http_error import HttpError
from ...types import Response


def _get_kwargs(
    journey_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/journeys/{journey_id}".format(
            journey_id=quote(str(journey_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Campaign | HttpError | None:
    if response.status_code == 200:
        response_200 = Campaign.from_dict(response.json())

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
) -> Response[Campaign | HttpError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    journey_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Campaign | HttpError]:
    """Get the details of a specific Journey

     One journey (a `Campaign` in the DTOs). 404 means the journey was not found.

    Args:
        journey_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Campaign | HttpError]
    """

    kwargs = _get_kwargs(
        journey_id=journey_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    journey_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Campaign | HttpError | None:
    """Get the details of a specific Journey

     One journey (a `Campaign` in the DTOs). 404 means the journey was not found.

    Args:
        journey_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Campaign | HttpError
    """

    return sync_detailed(
        journey_id=journey_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    journey_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Campaign | HttpError]:
    """Get the details of a specific Journey

     One journey (a `Campaign` in the DTOs). 404 means the journey was not found.

    Args:
        journey_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Campaign | HttpError]
    """

    kwargs = _get_kwargs(
        journey_id=journey_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    journey_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Campaign | HttpError | None:
    """Get the details of a specific Journey

     One journey (a `Campaign` in the DTOs). 404 means the journey was not found.

    Args:
        journey_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Campaign | HttpError
    """

    return (
        await asyncio_detailed(
            journey_id=journey_id,
            client=client,
        )
    ).parsed
