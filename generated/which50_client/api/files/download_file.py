from http import HTTPStatus
from io import BytesIO
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_error import HttpError
from ...types import UNSET, File, Response


def _get_kwargs(
    *,
    file_path: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["filePath"] = file_path

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | HttpError | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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
) -> Response[File | HttpError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    file_path: str,
) -> Response[File | HttpError]:
    """Gets and returns a file as specified by the filePath parameter

     Inferred: the response content type (`application/octet-stream`), the `filePath` format (a path
    relative to the account's FTP folder, `/`-separated) and the codes. Upstream gives only the index
    line.

    Args:
        file_path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | HttpError]
    """

    kwargs = _get_kwargs(
        file_path=file_path,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    file_path: str,
) -> File | HttpError | None:
    """Gets and returns a file as specified by the filePath parameter

     Inferred: the response content type (`application/octet-stream`), the `filePath` format (a path
    relative to the account's FTP folder, `/`-separated) and the codes. Upstream gives only the index
    line.

    Args:
        file_path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | HttpError
    """

    return sync_detailed(
        client=client,
        file_path=file_path,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    file_path: str,
) -> Response[File | HttpError]:
    """Gets and returns a file as specified by the filePath parameter

     Inferred: the response content type (`application/octet-stream`), the `filePath` format (a path
    relative to the account's FTP folder, `/`-separated) and the codes. Upstream gives only the index
    line.

    Args:
        file_path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | HttpError]
    """

    kwargs = _get_kwargs(
        file_path=file_path,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    file_path: str,
) -> File | HttpError | None:
    """Gets and returns a file as specified by the filePath parameter

     Inferred: the response content type (`application/octet-stream`), the `filePath` format (a path
    relative to the account's FTP folder, `/`-separated) and the codes. Upstream gives only the index
    line.

    Args:
        file_path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | HttpError
    """

    return (
        await asyncio_detailed(
            client=client,
            file_path=file_path,
        )
    ).parsed
