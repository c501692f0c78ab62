from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EmailReport")


@_attrs_define
class EmailReport:
    """Inferred: the report of one email of a journey, counting contacts in each documented email state (the values of
    `EmailReportState`). Inferred: presence and nullability, after the ASP.NET serializer (see the API's description).

    """

    id: int
    """ Email id, the `{emailId}` of the contacts routes. """
    name: None | str
    sent: int
    delivered: int
    read: int
    opened: int
    clicked: int
    bounced: int
    soft_bounced: int
    hard_bounced: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str
        name = self.name

        sent = self.sent

        delivered = self.delivered

        read = self.read

        opened = self.opened

        clicked = self.clicked

        bounced = self.bounced

        soft_bounced = self.soft_bounced

        hard_bounced = self.hard_bounced

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Id": id,
                "Name": name,
                "Sent": sent,
                "Delivered": delivered,
                "Read": read,
                "Opened": opened,
                "Clicked": clicked,
                "Bounced": bounced,
                "SoftBounced": soft_bounced,
                "HardBounced": hard_bounced,
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

        read = d.pop("Read")

        opened = d.pop("Opened")

        clicked = d.pop("Clicked")

        bounced = d.pop("Bounced")

        soft_bounced = d.pop("SoftBounced")

        hard_bounced = d.pop("HardBounced")

        email_report = cls(
            id=id,
            name=name,
            sent=sent,
            delivered=delivered,
            read=read,
            opened=opened,
            clicked=clicked,
            bounced=bounced,
            soft_bounced=soft_bounced,
            hard_bounced=hard_bounced,
        )

        email_report.additional_properties = d
        return email_report

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
