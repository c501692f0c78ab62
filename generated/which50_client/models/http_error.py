from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HttpError")


@_attrs_define
class HttpError:
    """Inferred: the error body. Upstream does not document it; this follows ASP.NET Web API's `HttpError`, a dictionary
    that always holds `Message` and holds `MessageDetail` (and others) only when the server adds them. Unknown members
    are kept. Named after it rather than `Error`, which collides with built-in names in other languages
    (`java.lang.Error`; TypeScript generators rename it).

    """

    message: str
    """ What went wrong. """
    message_detail: None | str | Unset = UNSET
    """ More detail, when the server gives it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        message_detail: None | str | Unset
        if isinstance(self.message_detail, Unset):
            message_detail = UNSET
        else:
            message_detail = self.message_detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Message": message,
            }
        )
        if message_detail is not UNSET:
            field_dict["MessageDetail"] = message_detail

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message = d.pop("Message")

        def _parse_message_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message_detail = _parse_message_detail(d.pop("MessageDetail", UNSET))

        http_error = cls(
            message=message,
            message_detail=message_detail,
        )

        http_error.additional_properties = d
        return http_error

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
