"""Request bodies for the generated endpoints, built from plain Python values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._params import int_id, json_problem, match_values, text

# The generated models load on first use, not on `import which50` (their package imports all
# of them at once).
if TYPE_CHECKING:
    from pydantic import BaseModel
    from which50_client.models import (
        ContactFormRequest,
        ContactInput,
        ImportJobCreateRequest,
        RegisterDeviceRequest,
        SendEmailRequestDTO,
        SendTextMessageRequestDTO,
    )

__all__ = [
    "contact",
    "contact_form",
    "contacts",
    "email_send",
    "email_state",
    "import_job",
    "landing_page_state",
    "patch_match",
    "register_device",
    "text_message_send",
]

Values = Mapping[str, Any]


def contact(contact_list_id: int | None, values: Values) -> ContactInput:
    """A contact to write (of the list, when given), with its field values keyed by field
    name."""
    if not isinstance(values, Mapping):
        raise TypeError(f"values must be a mapping of field name to value, not {type(values)}")
    for name, value in values.items():
        unfit = json_problem(value)
        if unfit is not None:
            raise ValueError(f"field {name!r} cannot be sent: {unfit}")
    from which50_client.models import ContactInput, ContactInputValuesType0

    found = ContactInput(values=ContactInputValuesType0.from_dict(values))
    if contact_list_id is not None:
        found.list_id = contact_list_id
    return found


def contacts(contact_list_id: int, rows: Iterable[BaseModel | Values]) -> list[ContactInput]:
    """Contacts to write: mappings of field values, or `which50.types.Contact` /
    `ContactInput` models (as a read returned them), sent with the members they hold."""
    from which50_client.models import ContactInput

    found = []
    for row in rows:
        if isinstance(row, Mapping):
            found.append(contact(contact_list_id, row))
            continue
        dump = getattr(row, "model_dump", None)
        if dump is None:
            raise TypeError(f"a contact must be a mapping or a which50 model, not {type(row)}")
        found.append(ContactInput.from_dict(dump(by_alias=True, exclude_none=True)))
    return found


def contact_form(
    contact_list_id: int, fields: Mapping[str, str], contact_id: str | None
) -> ContactFormRequest:
    from which50_client.models import ContactFormRequest

    form = ContactFormRequest(list_id=int_id("contact_list_id", contact_list_id))
    if contact_id is not None:
        form.enc_contact_id = text("contact_id", contact_id)
    # The spec's `Fields` map is sent flattened (its encoding is form style, exploded), which
    # openapi-python-client does not apply: it would send `Fields` as one field. Its additional
    # properties are sent one form field each, which is that same wire.
    for key, value in fields.items():
        if not isinstance(value, str):
            raise TypeError(f"form field {key!r} must be a str (the form is url-encoded)")
        form[key] = value
    return form


def register_device(contact_list_id: int, device_id: str, values: Values) -> RegisterDeviceRequest:
    from which50_client.models import RegisterDeviceRequest

    return RegisterDeviceRequest(
        device_id=text("device_id", device_id), contact=contact(contact_list_id, values)
    )


def email_send(email_id: int, contact_list_id: int, values: Values) -> SendEmailRequestDTO:
    from which50_client.models import SendEmailRequestDTO

    return SendEmailRequestDTO(
        email_id=int_id("email_id", email_id),
        contact=contact(int_id("contact_list_id", contact_list_id), values),
    )


def text_message_send(
    text_message_id: int, contact_list_id: int, values: Values
) -> SendTextMessageRequestDTO:
    from which50_client.models import SendTextMessageRequestDTO

    return SendTextMessageRequestDTO(
        text_message_id=int_id("text_message_id", text_message_id),
        contact=contact(int_id("contact_list_id", contact_list_id), values),
    )


def import_job(field_names: Iterable[str]) -> ImportJobCreateRequest:
    names = [text("field name", name) for name in field_names]
    if not names:
        raise ValueError("an import job needs at least one field name")
    from which50_client.models import ImportJobCreateRequest

    return ImportJobCreateRequest(field_names=names)


def patch_match(operation: str, values: Mapping[str, str | int]) -> dict[str, Any]:
    """PATCH matching: the ``match`` names and the operation's own match-values model."""
    from which50_client import models

    fields, encoded = match_values(values)
    model = getattr(models, f"{operation}MatchValues")
    return {"match": fields, "match_values": model.from_dict(encoded)}


def email_state(state: str) -> Any:
    """An `EmailReportState`, or a `ValueError` that lists the allowed values."""
    from which50_client.models import EmailReportState

    return _member(EmailReportState, "email report state", state)


def landing_page_state(state: str) -> Any:
    """A `LandingPageReportState`, or a `ValueError` that lists the allowed values."""
    from which50_client.models import LandingPageReportState

    return _member(LandingPageReportState, "landing page report state", state)


def _member(enum: Any, what: str, state: str) -> Any:
    try:
        return enum(state)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise ValueError(f"{what} {state!r} is not one of: {allowed}") from None
