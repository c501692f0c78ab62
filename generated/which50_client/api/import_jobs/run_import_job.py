from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_error import HttpError
from ...models.import_job import ImportJob
from ...types import UNSET, Response, Unset


def _get_kwargs(
    contact_list_id: int,
    import_job_id: int,
    *,
    match: list[str] | Unset = UNSET,
    customevents: list[str] | Unset = UNSET,
) -> dict[str, Any]:

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
        "url": "/contactLists/{contact_list_id}/import/{import_job_id}/run".format(
            contact_list_id=quote(str(contact_list_id), safe=""),
            import_job_id=quote(str(import_job_id), safe=""),
        ),
        "params": params,
    }

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
    import_job_id: int,
    *,
    client: AuthenticatedClient | Client,
    match: list[str] | Unset = UNSET,
    customevents: list[str] | Unset = UNSET,
) -> Response[HttpError | ImportJob]:
    """Run an ImportJob, to start the batch Insert/Update process

     Starts processing the job's batches. The newest copy of the page also documents `match`:
    the matched fields must be present in each contact's `Values`, and every contact of the
    list that matches is updated rather than a new one inserted. After processing, each
    Custom Event named in `customevents` runs against the contacts inserted or updated.

    Inferred: the codes other than 200. The page's copy ends after the 200 response.

    Args:
        contact_list_id (int):
        import_job_id (int):
        match (list[str] | Unset):
        customevents (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | ImportJob]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        import_job_id=import_job_id,
        match=match,
        customevents=customevents,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    contact_list_id: int,
    import_job_id: int,
    *,
    client: AuthenticatedClient | Client,
    match: list[str] | Unset = UNSET,
    customevents: list[str] | Unset = UNSET,
) -> HttpError | ImportJob | None:
    """Run an ImportJob, to start the batch Insert/Update process

     Starts processing the job's batches. The newest copy of the page also documents `match`:
    the matched fields must be present in each contact's `Values`, and every contact of the
    list that matches is updated rather than a new one inserted. After processing, each
    Custom Event named in `customevents` runs against the contacts inserted or updated.

    Inferred: the codes other than 200. The page's copy ends after the 200 response.

    Args:
        contact_list_id (int):
        import_job_id (int):
        match (list[str] | Unset):
        customevents (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | ImportJob
    """

    return sync_detailed(
        contact_list_id=contact_list_id,
        import_job_id=import_job_id,
        client=client,
        match=match,
        customevents=customevents,
    ).parsed


async def asyncio_detailed(
    contact_list_id: int,
    import_job_id: int,
    *,
    client: AuthenticatedClient | Client,
    match: list[str] | Unset = UNSET,
    customevents: list[str] | Unset = UNSET,
) -> Response[HttpError | ImportJob]:
    """Run an ImportJob, to start the batch Insert/Update process

     Starts processing the job's batches. The newest copy of the page also documents `match`:
    the matched fields must be present in each contact's `Values`, and every contact of the
    list that matches is updated rather than a new one inserted. After processing, each
    Custom Event named in `customevents` runs against the contacts inserted or updated.

    Inferred: the codes other than 200. The page's copy ends after the 200 response.

    Args:
        contact_list_id (int):
        import_job_id (int):
        match (list[str] | Unset):
        customevents (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HttpError | ImportJob]
    """

    kwargs = _get_kwargs(
        contact_list_id=contact_list_id,
        import_job_id=import_job_id,
        match=match,
        customevents=customevents,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    contact_list_id: int,
    import_job_id: int,
    *,
    client: AuthenticatedClient | Client,
    match: list[str] | Unset = UNSET,
    customevents: list[str] | Unset = UNSET,
) -> HttpError | ImportJob | None:
    """Run an ImportJob, to start the batch Insert/Update process

     Starts processing the job's batches. The newest copy of the page also documents `match`:
    the matched fields must be present in each contact's `Values`, and every contact of the
    list that matches is updated rather than a new one inserted. After processing, each
    Custom Event named in `customevents` runs against the contacts inserted or updated.

    Inferred: the codes other than 200. The page's copy ends after the 200 response.

    Args:
        contact_list_id (int):
        import_job_id (int):
        match (list[str] | Unset):
        customevents (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HttpError | ImportJob
    """

    return (
        await asyncio_detailed(
            contact_list_id=contact_list_id,
            import_job_id=import_job_id,
            client=client,
            match=match,
            customevents=customevents,
        )
    ).parsed
