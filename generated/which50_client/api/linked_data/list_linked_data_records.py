from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_error import HttpError
from ...models.linked_data_record import LinkedDataRecord
from ...types import UNSET, Response


def _get_kwargs(
    contact_list_id: str,
    linked_data_id: int,
    *,
    select: list[str],
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_select = select

    params["$select"] = json_select

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contactLists/{contact_list_id}/linkeddata/{linked_data_id}/records".format(
            contact_list_id=quote(str(contact_list_id), safe=""),
            linked_data_id=quote(str(linked_data_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HttpError | list[LinkedDataRecord] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = LinkedDataRecord.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[HttpError | list[LinkedDataRecord]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contact_list_id: str,
    linked_data_id: int,
    *,
    client: AuthenticatedClient | Client,
    select: list[str],
) -> Response[HttpError | list[LinkedDataRecord]]:
    """Get a specific set of Linked Data's records

     The records of a Linked Data list, each a free-form object. An OData-style `$select`
    is mandatory; without it the call returns 400. No other OData option is documented.

    Upstream names the list parameter `listId` on this route and types it as a string,
    unlike `contactListId` (integer) everywhere else; the documented type is kept.

    Args:
        contact_list_id (str):
        linked_data_id (int):
        select (list[str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | list[LinkedDataRecord]]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        linked_data_id=linked_data_id,
        select=select,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact_list_id: str,
    linked_data_id: int,
    *,
    client: AuthenticatedClient | Client,
    select: list[str],
) -> HttpError | list[LinkedDataRecord] | None:
    """Get a specific set of Linked Data's records

     The records of a Linked Data list, each a free-form object. An OData-style `$select`
    is mandatory; without it the call returns 400. No other OData option is documented.

    Upstream names the list parameter `listId` on this route and types it as a string,
    unlike `contactListId` (integer) everywhere else; the documented type is kept.

    Args:
        contact_list_id (str):
        linked_data_id (int):
        select (list[str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | list[LinkedDataRecord]
    """

    return sync_detailed(
        contact_list_id=contact_list_id,
        linked_data_id=linked_data_id,
        client=client,
        select=select,
    ).parsed


async def asyncio_detailed(
    contact_list_id: str,
    linked_data_id: int,
    *,
    client: AuthenticatedClient | Client,
    select: list[str],
) -> Response[HttpError | list[LinkedDataRecord]]:
    """Get a specific set of Linked Data's records

     The records of a Linked Data list, each a free-form object. An OData-style `$select`
    is mandatory; without it the call returns 400. No other OData option is documented.

    Upstream names the list parameter `listId` on this route and types it as a string,
    unlike `contactListId` (integer) everywhere else; the documented type is kept.

    Args:
        contact_list_id (str):
        linked_data_id (int):
        select (list[str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | list[LinkedDataRecord]]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        linked_data_id=linked_data_id,
        select=select,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact_list_id: str,
    linked_data_id: int,
    *,
    client: AuthenticatedClient | Client,
    select: list[str],
) -> HttpError | list[LinkedDataRecord] | None:
    """Get a specific set of Linked Data's records

     The records of a Linked Data list, each a free-form object. An OData-style `$select`
    is mandatory; without it the call returns 400. No other OData option is documented.

    Upstream names the list parameter `listId` on this route and types it as a string,
    unlike `contactListId` (integer) everywhere else; the documented type is kept.

    Args:
        contact_list_id (str):
        linked_data_id (int):
        select (list[str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | list[LinkedDataRecord]
    """

    return (
        await asyncio_detailed(
            contact_list_id=contact_list_id,
            linked_data_id=linked_data_id,
            client=client,
            select=select,
        )
    ).parsed
