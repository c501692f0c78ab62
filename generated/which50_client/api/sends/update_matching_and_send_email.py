from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.http_error import HttpError
from ...models.send_email_request_dto import SendEmailRequestDTO
from ...models.update_matching_and_send_email_match_values import (
    UpdateMatchingAndSendEmailMatchValues,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SendEmailRequestDTO,
    match: list[str] | Unset = UNSET,
    match_values: UpdateMatchingAndSendEmailMatchValues | Unset = UNSET,
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/journeys/sendEmail",
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
    *,
    client: AuthenticatedClient | Client,
    body: SendEmailRequestDTO,
    match: list[str] | Unset = UNSET,
    match_values: UpdateMatchingAndSendEmailMatchValues | Unset = UNSET,
) -> Response[Contact | HttpError]:
    """Update the contacts matched by query values and send them an email

     Inferred: the body (`SendEmailRequestDTO`, as on PUT), the response (the contact as
    stored) and the codes. Upstream gives only the index line.

    Inferred: match semantics (PATCH): `match` names the fields to match on, and each matched
    field's value is passed as its own query pair (`?match=Email&Email=…`). Every
    contact that matches is updated with the body's `Contact.Values`, then the
    email `EmailId` is sent to each.

    No `customevents` parameter is documented for the send endpoints.

    Args:
        match (list[str] | Unset):
        match_values (UpdateMatchingAndSendEmailMatchValues | Unset):
        body (SendEmailRequestDTO): Body of the sendEmail operations (documented for PUT; presumed
            for POST and PATCH).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | HttpError]
    """

    kwargs = _get_kwargs(
        body=body,
        match=match,
        match_values=match_values,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SendEmailRequestDTO,
    match: list[str] | Unset = UNSET,
    match_values: UpdateMatchingAndSendEmailMatchValues | Unset = UNSET,
) -> Contact | HttpError | None:
    """Update the contacts matched by query values and send them an email

     Inferred: the body (`SendEmailRequestDTO`, as on PUT), the response (the contact as
    stored) and the codes. Upstream gives only the index line.

    Inferred: match semantics (PATCH): `match` names the fields to match on, and each matched
    field's value is passed as its own query pair (`?match=Email&Email=…`). Every
    contact that matches is updated with the body's `Contact.Values`, then the
    email `EmailId` is sent to each.

    No `customevents` parameter is documented for the send endpoints.

    Args:
        match (list[str] | Unset):
        match_values (UpdateMatchingAndSendEmailMatchValues | Unset):
        body (SendEmailRequestDTO): Body of the sendEmail operations (documented for PUT; presumed
            for POST and PATCH).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | HttpError
    """

    return sync_detailed(
        client=client,
        body=body,
        match=match,
        match_values=match_values,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendEmailRequestDTO,
    match: list[str] | Unset = UNSET,
    match_values: UpdateMatchingAndSendEmailMatchValues | Unset = UNSET,
) -> Response[Contact | HttpError]:
    """Update the contacts matched by query values and send them an email

     Inferred: the body (`SendEmailRequestDTO`, as on PUT), the response (the contact as
    stored) and the codes. Upstream gives only the index line.

    Inferred: match semantics (PATCH): `match` names the fields to match on, and each matched
    field's value is passed as its own query pair (`?match=Email&Email=…`). Every
    contact that matches is updated with the body's `Contact.Values`, then the
    email `EmailId` is sent to each.

    No `customevents` parameter is documented for the send endpoints.

    Args:
        match (list[str] | Unset):
        match_values (UpdateMatchingAndSendEmailMatchValues | Unset):
        body (SendEmailRequestDTO): Body of the sendEmail operations (documented for PUT; presumed
            for POST and PATCH).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | HttpError]
    """

    kwargs = _get_kwargs(
        body=body,
        match=match,
        match_values=match_values,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SendEmailRequestDTO,
    match: list[str] | Unset = UNSET,
    match_values: UpdateMatchingAndSendEmailMatchValues | Unset = UNSET,
) -> Contact | HttpError | None:
    """Update the contacts matched by query values and send them an email

     Inferred: the body (`SendEmailRequestDTO`, as on PUT), the response (the contact as
    stored) and the codes. Upstream gives only the index line.

    Inferred: match semantics (PATCH): `match` names the fields to match on, and each matched
    field's value is passed as its own query pair (`?match=Email&Email=…`). Every
    contact that matches is updated with the body's `Contact.Values`, then the
    email `EmailId` is sent to each.

    No `customevents` parameter is documented for the send endpoints.

    Args:
        match (list[str] | Unset):
        match_values (UpdateMatchingAndSendEmailMatchValues | Unset):
        body (SendEmailRequestDTO): Body of the sendEmail operations (documented for PUT; presumed
            for POST and PATCH).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | HttpError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            match=match,
            match_values=match_values,
        )
    ).parsed
