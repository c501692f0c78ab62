from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.contact_input import ContactInput
from ...models.http_error import HttpError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    contact_list_id: int,
    *,
    body: ContactInput,
    match: list[str] | Unset = UNSET,
    customevents: list[str] | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_match: list[str] | Unset = UNSET
    if not isinstance(match, Unset):
        json_match = match

    params["match"] = json_match

    json_customevents: list[str] | Unset = UNSET
    if not isinstance(customevents, Unset):
        json_customevents = customevents

    params["customevents"] = json_customevents

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
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
) -> Contact | HttpError | None:
    if response.status_code == 200:
        response_200 = Contact.from_dict(response.json())

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
) -> Response[Contact | HttpError]:
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
    customevents: list[str] | Unset = UNSET,
) -> Response[Contact | HttpError]:
    """Create/Update a contact in a specific ContactList

     Creates the contact, or updates it when it already exists.

    Inferred: match semantics (POST): `match` names the fields to match on, and the matched fields
    must be present in the body's `Values`, for example `?match=ReferanceAccountId,Email`
    with `{"Values": {"ReferanceAccountId": 123456, "Email": "…", "Mobile": "…"}}`. Every
    contact that matches is updated with the other `Values`; when none matches, a contact is
    created.

    After the write, each Custom Event named in `customevents` runs against the contacts
    that were inserted or updated.

    Inferred: the response (the contact as stored) and the codes. The page's copy ends
    after the first row of its body table.

    Args:
        contact_list_id (int):
        match (list[str] | Unset):
        customevents (list[str] | Unset):
        body (ContactInput): Inferred: a schema of its own for a contact a request body sends, so
            that the answer's always-present members are not forced on callers (the pages document one
            ContactsDTO for both directions). The same members as `Contact`, none required: a request
            names the values it writes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | HttpError]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        body=body,
        match=match,
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
    customevents: list[str] | Unset = UNSET,
) -> Contact | HttpError | None:
    """Create/Update a contact in a specific ContactList

     Creates the contact, or updates it when it already exists.

    Inferred: match semantics (POST): `match` names the fields to match on, and the matched fields
    must be present in the body's `Values`, for example `?match=ReferanceAccountId,Email`
    with `{"Values": {"ReferanceAccountId": 123456, "Email": "…", "Mobile": "…"}}`. Every
    contact that matches is updated with the other `Values`; when none matches, a contact is
    created.

    After the write, each Custom Event named in `customevents` runs against the contacts
    that were inserted or updated.

    Inferred: the response (the contact as stored) and the codes. The page's copy ends
    after the first row of its body table.

    Args:
        contact_list_id (int):
        match (list[str] | Unset):
        customevents (list[str] | Unset):
        body (ContactInput): Inferred: a schema of its own for a contact a request body sends, so
            that the answer's always-present members are not forced on callers (the pages document one
            ContactsDTO for both directions). The same members as `Contact`, none required: a request
            names the values it writes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | HttpError
    """

    return sync_detailed(
        contact_list_id=contact_list_id,
        client=client,
        body=body,
        match=match,
        customevents=customevents,
    ).parsed


async def asyncio_detailed(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ContactInput,
    match: list[str] | Unset = UNSET,
    customevents: list[str] | Unset = UNSET,
) -> Response[Contact | HttpError]:
    """Create/Update a contact in a specific ContactList

     Creates the contact, or updates it when it already exists.

    Inferred: match semantics (POST): `match` names the fields to match on, and the matched fields
    must be present in the body's `Values`, for example `?match=ReferanceAccountId,Email`
    with `{"Values": {"ReferanceAccountId": 123456, "Email": "…", "Mobile": "…"}}`. Every
    contact that matches is updated with the other `Values`; when none matches, a contact is
    created.

    After the write, each Custom Event named in `customevents` runs against the contacts
    that were inserted or updated.

    Inferred: the response (the contact as stored) and the codes. The page's copy ends
    after the first row of its body table.

    Args:
        contact_list_id (int):
        match (list[str] | Unset):
        customevents (list[str] | Unset):
        body (ContactInput): Inferred: a schema of its own for a contact a request body sends, so
            that the answer's always-present members are not forced on callers (the pages document one
            ContactsDTO for both directions). The same members as `Contact`, none required: a request
            names the values it writes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | HttpError]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        body=body,
        match=match,
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
    customevents: list[str] | Unset = UNSET,
) -> Contact | HttpError | None:
    """Create/Update a contact in a specific ContactList

     Creates the contact, or updates it when it already exists.

    Inferred: match semantics (POST): `match` names the fields to match on, and the matched fields
    must be present in the body's `Values`, for example `?match=ReferanceAccountId,Email`
    with `{"Values": {"ReferanceAccountId": 123456, "Email": "…", "Mobile": "…"}}`. Every
    contact that matches is updated with the other `Values`; when none matches, a contact is
    created.

    After the write, each Custom Event named in `customevents` runs against the contacts
    that were inserted or updated.

    Inferred: the response (the contact as stored) and the codes. The page's copy ends
    after the first row of its body table.

    Args:
        contact_list_id (int):
        match (list[str] | Unset):
        customevents (list[str] | Unset):
        body (ContactInput): Inferred: a schema of its own for a contact a request body sends, so
            that the answer's always-present members are not forced on callers (the pages document one
            ContactsDTO for both directions). The same members as `Contact`, none required: a request
            names the values it writes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | HttpError
    """

    return (
        await asyncio_detailed(
            contact_list_id=contact_list_id,
            client=client,
            body=body,
            match=match,
            customevents=customevents,
        )
    ).parsed
