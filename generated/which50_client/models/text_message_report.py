from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TextMessageReport")


@_attrs_define
class TextMessageReport:
    """Inferred: the report of one text message of a journey. The text-message states are not documented; `Sent`,
    `Delivered` and `Failed` are assumed. Inferred: presence and nullability, after the ASP.NET serializer (see the
    API's description).

    """

    id: int
    """ Text message id, the `{textMessageId}` of the contacts routes. """
    name: None | str
    sent: int
    delivered: int
    failed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str
        name = self.name

        sent = self.sent

        delivered = self.delivered

        failed = self.failed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Name": name,
                "Sent": sent,
                "Delivered": delivered,
                "Failed": failed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("Name"))

        sent = d.pop("Sent")

        delivered = d.pop("Delivered")

        failed = d.pop("Failed")

        text_message_report = cls(
            id=id,
            name=name,
            sent=sent,
            delivered=delivered,
            failed=failed,
        )

        text_message_report.additional_properties = d
        return text_message_report

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
