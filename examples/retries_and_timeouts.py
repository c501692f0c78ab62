"""Retries and timeouts: defaults, per client, and per call."""

from __future__ import annotations

import logging

import which50

logging.basicConfig(level=logging.INFO, format="%(name)s %(levelname)s %(message)s")

# Connect errors, 408, 429, 502, 503 and 504 are retried (with exponential backoff and jitter,
# honouring Retry-After); POST and PATCH only when the server cannot have acted on them.
with which50.Which50(max_retries=5, timeout=30.0) as client:
    print(client.contact_lists.get_server_time())

    # Per call: a derived client that shares the connection pool.
    quick = client.with_options(timeout=1.0, max_retries=0)
    try:
        print(quick.journeys.list()[0].name)
    except which50.APITimeoutError:
        print("the server took more than a second")

print(which50.DEFAULT_TIMEOUT, which50.DEFAULT_MAX_RETRIES, which50.MAX_RETRY_DELAY)
