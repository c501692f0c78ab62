from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EmailReport")


@_attrs_define
class EmailReport:
    """Inferred: the report of one email of a journey, counting contacts in each documented email state (the values of
    `EmailReportState`).

    """

    id: int | Unset = UNSET
    """ Email id, the `{emailId}` of the contacts routes. """
    name: None | str | Unset = UNSET
    sent: int | Unset = UNSET
    delivered: int | Unset = UNSET
    read: int | Unset = UNSET
    opened: int | Unset = UNSET
    clicked: int | Unset = UNSET
    bounced: int | Unset = UNSET
    soft_bounced: int | Unset = UNSET
    hard_bounced: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
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
        field_dict.update({})
        if id is not UNSET:
            field_dict["Id"] = id
        if name is not UNSET:
            field_dict["Name"] = name
        if sent is not UNSET:
            field_dict["Sent"] = sent
        if delivered is not UNSET:
            field_dict["Delivered"] = delivered
        if read is not UNSET:
            field_dict["Read"] = read
        if opened is not UNSET:
            field_dict["Opened"] = opened
        if clicked is not UNSET:
            field_dict["Clicked"] = clicked
        if bounced is not UNSET:
            field_dict["Bounced"] = bounced
        if soft_bounced is not UNSET:
            field_dict["SoftBounced"] = soft_bounced
        if hard_bounced is not UNSET:
            field_dict["HardBounced"] = hard_bounced

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("Id", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("Name", UNSET))

        sent = d.pop("Sent", UNSET)

        delivered = d.pop("Delivered", UNSET)

        read = d.pop("Read", UNSET)

        opened = d.pop("Opened", UNSET)

        clicked = d.pop("Clicked", UNSET)

        bounced = d.pop("Bounced", UNSET)

        soft_bounced = d.pop("SoftBounced", UNSET)

        hard_bounced = d.pop("HardBounced", UNSET)

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
