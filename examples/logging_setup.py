"""Logging: the `which50` logger names each call, its status, time and retries; never secrets."""

from __future__ import annotations

import logging

import which50

logging.basicConfig(format="%(asctime)s %(name)s %(levelname)s %(message)s")
logging.getLogger("which50").setLevel(logging.DEBUG)  # INFO shows only retries

with which50.Which50() as client:
    client.contact_lists.list()
    # DEBUG which50 GET http://127.0.0.1:.../Which50API/contactLists -> 200 in 3.1 ms (retries: 0)
