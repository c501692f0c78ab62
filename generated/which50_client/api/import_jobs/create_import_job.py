from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_error import HttpError
from ...models.import_job import ImportJob
from ...models.import_job_create_request import ImportJobCreateRequest
from ...types import Response


def _get_kwargs(
    contact_list_id: int,
    *,
    body: ImportJobCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contactLists/{contact_list_id}/import".format(
            contact_list_id=quote(str(contact_list_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HttpError | ImportJob | None:
    if response.status_code == 200:
        response_200 = ImportJob.from_dict(response.json())

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
) -> Response[HttpError | ImportJob]:
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
    body: ImportJobCreateRequest,
) -> Response[HttpError | ImportJob]:
    """Create an Import job for a specific ContactList

     Step 1 of a batch import: create a job naming the fields to take from each contact
    record. Then add batches (`addImportJobContacts`), run the job (`runImportJob`) and poll
    it (`getImportJob`).

    Inferred: the codes other than 200. The page's copy ends inside the response table.

    Args:
        contact_list_id (int):
        body (ImportJobCreateRequest): Body of `createImportJob`. Inferred: `FieldNames` may be
            null, as a .NET list may be (the page does not say what the server does with a null).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | ImportJob]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ImportJobCreateRequest,
) -> HttpError | ImportJob | None:
    """Create an Import job for a specific ContactList

     Step 1 of a batch import: create a job naming the fields to take from each contact
    record. Then add batches (`addImportJobContacts`), run the job (`runImportJob`) and poll
    it (`getImportJob`).

    Inferred: the codes other than 200. The page's copy ends inside the response table.

    Args:
        contact_list_id (int):
        body (ImportJobCreateRequest): Body of `createImportJob`. Inferred: `FieldNames` may be
            null, as a .NET list may be (the page does not say what the server does with a null).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | ImportJob
    """

    return sync_detailed(
        contact_list_id=contact_list_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ImportJobCreateRequest,
) -> Response[HttpError | ImportJob]:
    """Create an Import job for a specific ContactList

     Step 1 of a batch import: create a job naming the fields to take from each contact
    record. Then add batches (`addImportJobContacts`), run the job (`runImportJob`) and poll
    it (`getImportJob`).

    Inferred: the codes other than 200. The page's copy ends inside the response table.

    Args:
        contact_list_id (int):
        body (ImportJobCreateRequest): Body of `createImportJob`. Inferred: `FieldNames` may be
            null, as a .NET list may be (the page does not say what the server does with a null).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | ImportJob]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact_list_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ImportJobCreateRequest,
) -> HttpError | ImportJob | None:
    """Create an Import job for a specific ContactList

     Step 1 of a batch import: create a job naming the fields to take from each contact
    record. Then add batches (`addImportJobContacts`), run the job (`runImportJob`) and poll
    it (`getImportJob`).

    Inferred: the codes other than 200. The page's copy ends inside the response table.

    Args:
        contact_list_id (int):
        body (ImportJobCreateRequest): Body of `createImportJob`. Inferred: `FieldNames` may be
            null, as a .NET list may be (the page does not say what the server does with a null).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | ImportJob
    """

    return (
        await asyncio_detailed(
            contact_list_id=contact_list_id,
            client=client,
            body=body,
        )
    ).parsed
