from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact import Contact
from ...models.contact_form_request import ContactFormRequest
from ...models.http_error import HttpError
from ...types import Response


def _get_kwargs(
    *,
    body: ContactFormRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contactLists/contactForm",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Contact | HttpError | None:
    if response.status_code == 200:
        response_200 = Contact.from_dict(response.json())

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

    if response.status_code == 417:
        response_417 = HttpError.from_dict(response.json())

        return response_417

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
    body: ContactFormRequest,
) -> Response[Contact | HttpError]:
    """Create/Update a contact from form fields (replaces api/Contact.aspx)

     Creates or updates a contact in a list. It directly replaces the legacy
    `api/Contact.aspx` form endpoint.

    What the page documents: the purpose above, a body of "None" (no bound parameter), no
    request content type, the codes 200, 401, 403, 404 (the list was not found, so no
    contact was created), 417 (invalid parameters) and 500, and a raw .NET
    `HttpResponseMessage` as the answer.

    Inferred: the request. A form endpoint takes form fields, so this description takes an
    `application/x-www-form-urlencoded` body: the target list in `ListId`, optionally the
    contact in `EncContactId`, and one more form field per schema field of the list
    (`ListId=1042&Email=…&FirstName=…`). Those per-list fields are the `Fields` map,
    flattened by its encoding (form style, exploded), so the name `Fields` itself never
    appears on the wire.

    Inferred: the response body. The page documents the raw .NET `HttpResponseMessage`,
    which is not a JSON contract; this description takes the contact as stored.

    Args:
        body (ContactFormRequest): Inferred: the form fields of `submitContactForm`. Upstream
            documents neither the content type nor the fields, nor how the target list is chosen; this
            description takes `ListId` for the list, `EncContactId` for an existing contact, and one
            form field per schema field of the list, given in `Fields` and sent flattened (see the
            operation's `encoding`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | HttpError]
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
    body: ContactFormRequest,
) -> Contact | HttpError | None:
    """Create/Update a contact from form fields (replaces api/Contact.aspx)

     Creates or updates a contact in a list. It directly replaces the legacy
    `api/Contact.aspx` form endpoint.

    What the page documents: the purpose above, a body of "None" (no bound parameter), no
    request content type, the codes 200, 401, 403, 404 (the list was not found, so no
    contact was created), 417 (invalid parameters) and 500, and a raw .NET
    `HttpResponseMessage` as the answer.

    Inferred: the request. A form endpoint takes form fields, so this description takes an
    `application/x-www-form-urlencoded` body: the target list in `ListId`, optionally the
    contact in `EncContactId`, and one more form field per schema field of the list
    (`ListId=1042&Email=…&FirstName=…`). Those per-list fields are the `Fields` map,
    flattened by its encoding (form style, exploded), so the name `Fields` itself never
    appears on the wire.

    Inferred: the response body. The page documents the raw .NET `HttpResponseMessage`,
    which is not a JSON contract; this description takes the contact as stored.

    Args:
        body (ContactFormRequest): Inferred: the form fields of `submitContactForm`. Upstream
            documents neither the content type nor the fields, nor how the target list is chosen; this
            description takes `ListId` for the list, `EncContactId` for an existing contact, and one
            form field per schema field of the list, given in `Fields` and sent flattened (see the
            operation's `encoding`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Contact | HttpError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ContactFormRequest,
) -> Response[Contact | HttpError]:
    """Create/Update a contact from form fields (replaces api/Contact.aspx)

     Creates or updates a contact in a list. It directly replaces the legacy
    `api/Contact.aspx` form endpoint.

    What the page documents: the purpose above, a body of "None" (no bound parameter), no
    request content type, the codes 200, 401, 403, 404 (the list was not found, so no
    contact was created), 417 (invalid parameters) and 500, and a raw .NET
    `HttpResponseMessage` as the answer.

    Inferred: the request. A form endpoint takes form fields, so this description takes an
    `application/x-www-form-urlencoded` body: the target list in `ListId`, optionally the
    contact in `EncContactId`, and one more form field per schema field of the list
    (`ListId=1042&Email=…&FirstName=…`). Those per-list fields are the `Fields` map,
    flattened by its encoding (form style, exploded), so the name `Fields` itself never
    appears on the wire.

    Inferred: the response body. The page documents the raw .NET `HttpResponseMessage`,
    which is not a JSON contract; this description takes the contact as stored.

    Args:
        body (ContactFormRequest): Inferred: the form fields of `submitContactForm`. Upstream
            documents neither the content type nor the fields, nor how the target list is chosen; this
            description takes `ListId` for the list, `EncContactId` for an existing contact, and one
            form field per schema field of the list, given in `Fields` and sent flattened (see the
            operation's `encoding`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Contact | HttpError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ContactFormRequest,
) -> Contact | HttpError | None:
    """Create/Update a contact from form fields (replaces api/Contact.aspx)

     Creates or updates a contact in a list. It directly replaces the legacy
    `api/Contact.aspx` form endpoint.

    What the page documents: the purpose above, a body of "None" (no bound parameter), no
    request content type, the codes 200, 401, 403, 404 (the list was not found, so no
    contact was created), 417 (invalid parameters) and 500, and a raw .NET
    `HttpResponseMessage` as the answer.

    Inferred: the request. A form endpoint takes form fields, so this description takes an
    `application/x-www-form-urlencoded` body: the target list in `ListId`, optionally the
    contact in `EncContactId`, and one more form field per schema field of the list
    (`ListId=1042&Email=…&FirstName=…`). Those per-list fields are the `Fields` map,
    flattened by its encoding (form style, exploded), so the name `Fields` itself never
    appears on the wire.

    Inferred: the response body. The page documents the raw .NET `HttpResponseMessage`,
    which is not a JSON contract; this description takes the contact as stored.

    Args:
        body (ContactFormRequest): Inferred: the form fields of `submitContactForm`. Upstream
            documents neither the content type nor the fields, nor how the target list is chosen; this
            description takes `ListId` for the list, `EncContactId` for an existing contact, and one
            form field per schema field of the list, given in `Fields` and sent flattened (see the
            operation's `encoding`).

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
        )
    ).parsed
