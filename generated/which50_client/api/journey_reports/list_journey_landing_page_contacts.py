from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.http_error import HttpError
from ...types import Response


def _get_kwargs(
    journey_id: int,
    landing_page_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/journeys/{journey_id}/reports/landingpages/{landing_page_id}/contacts".format(
            journey_id=quote(str(journey_id), safe=""),
            landing_page_id=quote(str(landing_page_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HttpError | list[Contact] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Contact.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[HttpError | list[Contact]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    journey_id: int,
    landing_page_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[HttpError | list[Contact]]:
    """Get all Contacts from a given Journey who visited a specific Landing Page

     Inferred: the response is an array of `Contact` and the codes are the API's standard set. Upstream
    gives only the index line.

    Args:
        journey_id (int):
        landing_page_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | list[Contact]]
    """

    kwargs = _get_kwargs(
        journey_id=journey_id,
        landing_page_id=landing_page_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    journey_id: int,
    landing_page_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> HttpError | list[Contact] | None:
    """Get all Contacts from a given Journey who visited a specific Landing Page

     Inferred: the response is an array of `Contact` and the codes are the API's standard set. Upstream
    gives only the index line.

    Args:
        journey_id (int):
        landing_page_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | list[Contact]
    """

    return sync_detailed(
        journey_id=journey_id,
        landing_page_id=landing_page_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    journey_id: int,
    landing_page_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[HttpError | list[Contact]]:
    """Get all Contacts from a given Journey who visited a specific Landing Page

     Inferred: the response is an array of `Contact` and the codes are the API's standard set. Upstream
    gives only the index line.

    Args:
        journey_id (int):
        landing_page_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | list[Contact]]
    """

    kwargs = _get_kwargs(
        journey_id=journey_id,
        landing_page_id=landing_page_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    journey_id: int,
    landing_page_id: int,
    *,
    client: AuthenticatedClient | Client,
) -> HttpError | list[Contact] | None:
    """Get all Contacts from a given Journey who visited a specific Landing Page

     Inferred: the response is an array of `Contact` and the codes are the API's standard set. Upstream
    gives only the index line.

    Args:
        journey_id (int):
        landing_page_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | list[Contact]
    """

    return (
        await asyncio_detailed(
            journey_id=journey_id,
            landing_page_id=landing_page_id,
            client=client,
        )
    ).parsed
