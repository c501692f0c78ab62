"""Webhooks: subscribe a URL to new contacts, receive Which50's call, verify it, deactivate.

The receiver here is a small server on 127.0.0.1, which the sandbox can call (it calls loopback
URLs only). The real API would need a URL it can reach. The signature scheme is a guess (see
the README's "Webhooks"): the real API may sign differently, or not at all.
"""

from __future__ import annotations

import queue
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import which50
from which50.types import WebhookEvent
from which50.webhooks import API_KEY_HEADER, SIGNATURE_HEADER, construct_event

with which50.Which50() as client:
    salt_key = client.webhooks.get_salt_key().salt_key
    api_key = client.webhooks.get_api_key().api_key

events: queue.Queue[WebhookEvent] = queue.Queue()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))  # the raw bytes
        try:
            event = construct_event(
                body,
                self.headers.get(SIGNATURE_HEADER),
                salt_key,
                api_key=api_key,
                received_api_key=self.headers.get(API_KEY_HEADER),
            )
        except which50.WebhookError as error:  # not signed with our key, stale, or malformed
            print("refused a call:", error)
            self.send_response(400)
        else:
            events.put(event)
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return None


server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_address[1]}/which50"

with which50.Which50() as client:
    subscription = client.webhooks.create_subscription("ContactCreated", url=url)
    print("subscribed", subscription.id, "to", subscription.event_name)

    contact = client.contact_lists.upsert(1042, {"Email": "webhook.demo@example.ie"})
    event = events.get(timeout=10)
    print("received", event.event_name, "for", event.data["EncContactId"])
    assert event.data["EncContactId"] == contact.enc_contact_id

    client.webhooks.delete_subscription(subscription.id)  # deactivates: nothing more is sent
    print("listed:", [(s.id, s.is_active) for s in client.webhooks.list_subscriptions()])

server.shutdown()
