from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.file_upload_request import FileUploadRequest
from ...models.http_error import HttpError
from ...models.uploaded_file import UploadedFile
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: FileUploadRequest,
    sub_folder: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["subFolder"] = sub_folder

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HttpError | UploadedFile | None:
    if response.status_code == 200:
        response_200 = UploadedFile.from_dict(response.json())

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
) -> Response[HttpError | UploadedFile]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FileUploadRequest,
    sub_folder: str | Unset = UNSET,
) -> Response[HttpError | UploadedFile]:
    """Upload a file to the specified subFolder

     Inferred: the form field name (`file`), the response (`UploadedFile`) and the codes. Upstream gives
    only the index line, which says the file must be attached as a form-data value.

    Args:
        sub_folder (str | Unset):
        body (FileUploadRequest): Inferred: the form-data of `uploadFile`; the field name `file`
            is assumed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | UploadedFile]
    """

    kwargs = _get_kwargs(
        body=body,
        sub_folder=sub_folder,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: FileUploadRequest,
    sub_folder: str | Unset = UNSET,
) -> HttpError | UploadedFile | None:
    """Upload a file to the specified subFolder

     Inferred: the form field name (`file`), the response (`UploadedFile`) and the codes. Upstream gives
    only the index line, which says the file must be attached as a form-data value.

    Args:
        sub_folder (str | Unset):
        body (FileUploadRequest): Inferred: the form-data of `uploadFile`; the field name `file`
            is assumed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | UploadedFile
    """

    return sync_detailed(
        client=client,
        body=body,
        sub_folder=sub_folder,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FileUploadRequest,
    sub_folder: str | Unset = UNSET,
) -> Response[HttpError | UploadedFile]:
    """Upload a file to the specified subFolder

     Inferred: the form field name (`file`), the response (`UploadedFile`) and the codes. Upstream gives
    only the index line, which says the file must be attached as a form-data value.

    Args:
        sub_folder (str | Unset):
        body (FileUploadRequest): Inferred: the form-data of `uploadFile`; the field name `file`
            is assumed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | UploadedFile]
    """

    kwargs = _get_kwargs(
        body=body,
        sub_folder=sub_folder,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: FileUploadRequest,
    sub_folder: str | Unset = UNSET,
) -> HttpError | UploadedFile | None:
    """Upload a file to the specified subFolder

     Inferred: the form field name (`file`), the response (`UploadedFile`) and the codes. Upstream gives
    only the index line, which says the file must be attached as a form-data value.

    Args:
        sub_folder (str | Unset):
        body (FileUploadRequest): Inferred: the form-data of `uploadFile`; the field name `file`
            is assumed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | UploadedFile
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            sub_folder=sub_folder,
        )
    ).parsed
