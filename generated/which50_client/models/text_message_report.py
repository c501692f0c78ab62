from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TextMessageReport")


@_attrs_define
class TextMessageReport:
    """Inferred: the report of one text message of a journey. The text-message states are not documented; `Sent`,
    `Delivered` and `Failed` are assumed.

    """

    id: int | Unset = UNSET
    """ Text message id, the `{textMessageId}` of the contacts routes. """
    name: None | str | Unset = UNSET
    sent: int | Unset = UNSET
    delivered: int | Unset = UNSET
    failed: int | Unset = UNSET
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

        failed = self.failed

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
        if failed is not UNSET:
            field_dict["Failed"] = failed

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

        failed = d.pop("Failed", UNSET)

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
