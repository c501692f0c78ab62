"""Authentication (401, basic, read-only 403) and the injected faults."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import httpx
import pytest
from which50_client import Client
from which50_client.api.contact_lists import list_contact_lists, upsert_contact
from which50_client.api.files import delete_file
from which50_client.models import HttpError
from which50_sandbox.testing import SandboxServer

from .conftest import client_for, contact

Factory = Callable[..., SandboxServer]


def test_no_or_wrong_credentials_are_401(shared_sandbox: SandboxServer) -> None:
    with Client(base_url=shared_sandbox.base_url) as anonymous:
        response = list_contact_lists.sync_detailed(client=anonymous)
        assert response.status_code == 401 and isinstance(response.parsed, HttpError)
        assert "Bearer" in response.headers["www-authenticate"]
    with client_for(shared_sandbox, token="wrong") as wrong:
        assert list_contact_lists.sync_detailed(client=wrong).status_code == 401
    wrong_basic = httpx.get(
        shared_sandbox.base_url + "/contactLists", auth=(shared_sandbox.username, "wrong")
    )
    assert wrong_basic.status_code == 401


def test_basic_credentials_work(shared_sandbox: SandboxServer) -> None:
    auth = (shared_sandbox.username, shared_sandbox.password)
    response = httpx.get(shared_sandbox.base_url + "/contactLists", auth=auth)
    assert response.status_code == 200 and response.json()[0]["Id"] == 1042


def test_the_readonly_token_reads_but_never_writes(shared_sandbox: SandboxServer) -> None:
    with client_for(shared_sandbox, token=shared_sandbox.readonly_token) as reader:
        assert list_contact_lists.sync_detailed(client=reader).status_code == 200
        denied = upsert_contact.sync_detailed(
            1042, client=reader, body=contact({"Email": "r@example.ie"})
        )
        assert denied.status_code == 403 and isinstance(denied.parsed, HttpError)
        assert (
            delete_file.sync_detailed(client=reader, file_path="exports/README.txt").status_code
            == 403
        )
        patch = reader.get_httpx_client().patch(
            "/contactLists/1042/contact?match=Email&Email=x", json={}
        )
        assert patch.status_code == 403
    assert (shared_sandbox.files_dir / "exports" / "README.txt").exists()


def test_rate_limit_answers_429_with_retry_after(which50_sandbox_factory: Factory) -> None:
    server = which50_sandbox_factory(rate_limit=1, extra_args=["--retry-after=3"])
    with client_for(server) as client:
        response = list_contact_lists.sync_detailed(client=client)
    assert response.status_code == 429 and response.headers["retry-after"] == "3"
    # 429 is not a documented status, so the raw client leaves the Error body unparsed
    assert HttpError.from_dict(json.loads(response.content)).message == "Too many requests."


def test_faults_follow_their_rates_and_seed(which50_sandbox_factory: Factory) -> None:
    def statuses(server: SandboxServer) -> list[int]:
        with client_for(server) as client:
            return [list_contact_lists.sync_detailed(client=client).status_code for _ in range(40)]

    one = statuses(which50_sandbox_factory(error_rate=0.5, fault_seed=3))
    two = statuses(which50_sandbox_factory(error_rate=0.5, fault_seed=3))
    assert one == two and set(one) == {200, 503}
    assert 5 < one.count(503) < 35


def test_dropped_connections(which50_sandbox_factory: Factory) -> None:
    server = which50_sandbox_factory(drop_rate=1)
    with client_for(server) as client, pytest.raises(httpx.RemoteProtocolError):
        list_contact_lists.sync_detailed(client=client)


def test_truncated_bodies(which50_sandbox_factory: Factory) -> None:
    server = which50_sandbox_factory(truncate_rate=1)
    with client_for(server) as client, pytest.raises(httpx.RemoteProtocolError):
        list_contact_lists.sync_detailed(client=client)


def test_latency(which50_sandbox_factory: Factory) -> None:
    server = which50_sandbox_factory(latency_ms=200)
    with client_for(server) as client:
        list_contact_lists.sync_detailed(client=client)
        started = time.perf_counter()
        assert list_contact_lists.sync_detailed(client=client).status_code == 200
    assert time.perf_counter() - started >= 0.2
