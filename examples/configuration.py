"""Configuration: arguments beat WHICH50_* environment variables, which beat the defaults."""

from __future__ import annotations

import os

import httpx
import which50

# From the environment: WHICH50_BASE_URL, and WHICH50_TOKEN or WHICH50_USERNAME/PASSWORD.
client = which50.Which50()

# Or explicitly, with a longer read timeout and more retries than the defaults.
explicit = which50.Which50(
    base_url=os.environ.get("WHICH50_BASE_URL", which50.DEFAULT_BASE_URL),
    token=os.environ.get("WHICH50_TOKEN"),
    timeout=httpx.Timeout(120.0, connect=5.0),
    max_retries=4,
)

# Your own httpx.Client (proxies, custom CA bundle, event hooks): used as is, never closed here.
with httpx.Client(verify=True, follow_redirects=False) as http:
    custom = which50.Which50(http_client=http)
    print(custom.contact_lists.get_server_time())

# A per-call variant that shares the connections: a tight timeout and no retries.
fast = client.with_options(timeout=2.0, max_retries=0)
print(fast.contact_lists.list()[0].name)
print(repr(client))  # the credentials never show: auth=BearerAuth(token=<redacted>)

explicit.close()
client.close()
