from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.contact_input import ContactInput
from ...models.http_error import HttpError
from ...models.update_matching_contacts_match_values import (
    UpdateMatchingContactsMatchValues,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    contact_list_id: int,
    *,
    body: ContactInput,
    match: list[str] | Unset = UNSET,
    match_values: UpdateMatchingContactsMatchValues | Unset = UNSET,
    customevents: list[str] | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_match: list[str] | Unset = UNSET
    if not isinstance(match, Unset):
        json_match = match

    params["match"] = json_match

    json_match_values: dict[str, Any] | Unset = UNSET
    if not isinstance(match_values, Unset):
        json_match_values = match_values.to_dict()
    if not isinstance(json_match_values, Unset):
        params.update(json_match_values)

    json_customevents: list[str] | Unset = UNSET
    if not isinstance(customevents, Unset):
        json_customevents = customevents

    params["customevents"] = json_customevents

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/contactLists/{contact_list_id}/contact".format(
            contact_list_id=quote(str(contact_list_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
) -> Response[HttpError | list[Contact]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ContactInput,
    match: list[str] | Unset = UNSET,
    match_values: UpdateMatchingContactsMatchValues | Unset = UNSET,
    customevents: list[str] | Unset = UNSET,
) -> Response[HttpError | list[Contact]]:
    """Update every contact of a ContactList that matches a set of values

     Finds every contact in the list whose properties equal the given values, then sets
    their other properties to the values in the body. Example: every contact with a
    `ReferanceAccountId` of 123456 gets a new address.

    Inferred: match semantics (PATCH): `match` names the fields to match on, and each matched field's
    value is passed as its own query pair, for example
    `?match=ReferanceAccountId&ReferanceAccountId=123456`. The body's `Values` hold the new
    values to set.

    Inferred: the body (a `Contact`), the response (the updated contacts) and the codes.
    The page's copy ends before its body, response and code sections.

    Args:
        contact_list_id (int):
        match (list[str] | Unset):
        match_values (UpdateMatchingContactsMatchValues | Unset):
        customevents (list[str] | Unset):
        body (ContactInput): Inferred: a schema of its own for a contact a request body sends, so
            that the answer's always-present members are not forced on callers (the pages document one
            ContactsDTO for both directions). The same members as `Contact`, none required: a request
            names the values it writes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | list[Contact]]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        body=body,
        match=match,
        match_values=match_values,
        customevents=customevents,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ContactInput,
    match: list[str] | Unset = UNSET,
    match_values: UpdateMatchingContactsMatchValues | Unset = UNSET,
    customevents: list[str] | Unset = UNSET,
) -> HttpError | list[Contact] | None:
    """Update every contact of a ContactList that matches a set of values

     Finds every contact in the list whose properties equal the given values, then sets
    their other properties to the values in the body. Example: every contact with a
    `ReferanceAccountId` of 123456 gets a new address.

    Inferred: match semantics (PATCH): `match` names the fields to match on, and each matched field's
    value is passed as its own query pair, for example
    `?match=ReferanceAccountId&ReferanceAccountId=123456`. The body's `Values` hold the new
    values to set.

    Inferred: the body (a `Contact`), the response (the updated contacts) and the codes.
    The page's copy ends before its body, response and code sections.

    Args:
        contact_list_id (int):
        match (list[str] | Unset):
        match_values (UpdateMatchingContactsMatchValues | Unset):
        customevents (list[str] | Unset):
        body (ContactInput): Inferred: a schema of its own for a contact a request body sends, so
            that the answer's always-present members are not forced on callers (the pages document one
            ContactsDTO for both directions). The same members as `Contact`, none required: a request
            names the values it writes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | list[Contact]
    """

    return sync_detailed(
        contact_list_id=contact_list_id,
        client=client,
        body=body,
        match=match,
        match_values=match_values,
        customevents=customevents,
    ).parsed


async def asyncio_detailed(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ContactInput,
    match: list[str] | Unset = UNSET,
    match_values: UpdateMatchingContactsMatchValues | Unset = UNSET,
    customevents: list[str] | Unset = UNSET,
) -> Response[HttpError | list[Contact]]:
    """Update every contact of a ContactList that matches a set of values

     Finds every contact in the list whose properties equal the given values, then sets
    their other properties to the values in the body. Example: every contact with a
    `ReferanceAccountId` of 123456 gets a new address.

    Inferred: match semantics (PATCH): `match` names the fields to match on, and each matched field's
    value is passed as its own query pair, for example
    `?match=ReferanceAccountId&ReferanceAccountId=123456`. The body's `Values` hold the new
    values to set.

    Inferred: the body (a `Contact`), the response (the updated contacts) and the codes.
    The page's copy ends before its body, response and code sections.

    Args:
        contact_list_id (int):
        match (list[str] | Unset):
        match_values (UpdateMatchingContactsMatchValues | Unset):
        customevents (list[str] | Unset):
        body (ContactInput): Inferred: a schema of its own for a contact a request body sends, so
            that the answer's always-present members are not forced on callers (the pages document one
            ContactsDTO for both directions). The same members as `Contact`, none required: a request
            names the values it writes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | list[Contact]]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        body=body,
        match=match,
        match_values=match_values,
        customevents=customevents,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ContactInput,
    match: list[str] | Unset = UNSET,
    match_values: UpdateMatchingContactsMatchValues | Unset = UNSET,
    customevents: list[str] | Unset = UNSET,
) -> HttpError | list[Contact] | None:
    """Update every contact of a ContactList that matches a set of values

     Finds every contact in the list whose properties equal the given values, then sets
    their other properties to the values in the body. Example: every contact with a
    `ReferanceAccountId` of 123456 gets a new address.

    Inferred: match semantics (PATCH): `match` names the fields to match on, and each matched field's
    value is passed as its own query pair, for example
    `?match=ReferanceAccountId&ReferanceAccountId=123456`. The body's `Values` hold the new
    values to set.

    Inferred: the body (a `Contact`), the response (the updated contacts) and the codes.
    The page's copy ends before its body, response and code sections.

    Args:
        contact_list_id (int):
        match (list[str] | Unset):
        match_values (UpdateMatchingContactsMatchValues | Unset):
        customevents (list[str] | Unset):
        body (ContactInput): Inferred: a schema of its own for a contact a request body sends, so
            that the answer's always-present members are not forced on callers (the pages document one
            ContactsDTO for both directions). The same members as `Contact`, none required: a request
            names the values it writes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | list[Contact]
    """

    return (
        await asyncio_detailed(
            contact_list_id=contact_list_id,
            client=client,
            body=body,
            match=match,
            match_values=match_values,
            customevents=customevents,
        )
    ).parsed
