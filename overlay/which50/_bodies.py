"""Request bodies for the generated endpoints, built from plain Python values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from which50_client.models.contact import Contact
from which50_client.models.contact_form_request import ContactFormRequest
from which50_client.models.contact_values_type_0 import ContactValuesType0
from which50_client.models.import_job_create_request import ImportJobCreateRequest
from which50_client.models.register_device_request import RegisterDeviceRequest
from which50_client.models.send_email_request_dto import SendEmailRequestDTO
from which50_client.models.send_text_message_request_dto import SendTextMessageRequestDTO

from ._params import int_id, text

__all__ = [
    "contact",
    "contact_form",
    "contacts",
    "email_send",
    "import_job",
    "register_device",
    "text_message_send",
]

Values = Mapping[str, Any]


def contact(contact_list_id: int | None, values: Values) -> Contact:
    """A contact (of the list, when given), with its field values keyed by field name."""
    if not isinstance(values, Mapping):
        raise TypeError(f"values must be a mapping of field name to value, not {type(values)}")
    found = Contact(values=ContactValuesType0.from_dict(values))
    if contact_list_id is not None:
        found.list_id = contact_list_id
    return found


def contacts(contact_list_id: int, rows: Iterable[Contact | Values]) -> list[Contact]:
    return [row if isinstance(row, Contact) else contact(contact_list_id, row) for row in rows]


def contact_form(
    contact_list_id: int, fields: Mapping[str, str], contact_id: str | None
) -> ContactFormRequest:
    form = ContactFormRequest(list_id=int_id("contact_list_id", contact_list_id))
    if contact_id is not None:
        form.enc_contact_id = text("contact_id", contact_id)
    for key, value in fields.items():
        if not isinstance(value, str):
            raise TypeError(f"form field {key!r} must be a str (the form is url-encoded)")
        form[key] = value
    return form


def register_device(contact_list_id: int, device_id: str, values: Values) -> RegisterDeviceRequest:
    return RegisterDeviceRequest(
        device_id=text("device_id", device_id), contact=contact(contact_list_id, values)
    )


def email_send(email_id: int, contact_list_id: int, values: Values) -> SendEmailRequestDTO:
    return SendEmailRequestDTO(
        email_id=int_id("email_id", email_id),
        contact=contact(int_id("contact_list_id", contact_list_id), values),
    )


def text_message_send(
    text_message_id: int, contact_list_id: int, values: Values
) -> SendTextMessageRequestDTO:
    return SendTextMessageRequestDTO(
        text_message_id=int_id("text_message_id", text_message_id),
        contact=contact(int_id("contact_list_id", contact_list_id), values),
    )


def import_job(field_names: Iterable[str]) -> ImportJobCreateRequest:
    names = [text("field name", name) for name in field_names]
    if not names:
        raise ValueError("an import job needs at least one field name")
    return ImportJobCreateRequest(field_names=names)
