"""The models that `which50` methods return: the pydantic models of `which50_models`, one per
schema of the spec, re-exported; and the closed sets of values some arguments take (generated
from the spec's enums, in `which50_resources.types`).

Members the spec calls always present are typed without ``None`` (``contact.enc_contact_id`` is
a `str`, ids and counts are `int`); members that may be null are ``X | None``. Unknown members
from the server are kept in ``model.model_extra``; string fields whose values upstream does not
document are plain strings, so a new value never breaks parsing.
"""

from which50_models import (
    Campaign,
    CampaignActivity,
    Contact,
    ContactEmail,
    ContactFormRequest,
    ContactInput,
    ContactInteraction,
    ContactLandingPage,
    ContactSchemaField,
    ContactSchemaFieldValue,
    ContactsList,
    ContactSummary,
    ContactTextMessage,
    ContactWebForm,
    EmailReport,
    EmailReportState,
    FileUploadRequest,
    HttpError,
    ImportJob,
    ImportJobCreateRequest,
    JourneyChannelReports,
    LandingPageReport,
    LandingPageReportState,
    LinkedData,
    LinkedDataRecord,
    RegisterDeviceRequest,
    SendEmailRequestDTO,
    SendTextMessageRequestDTO,
    ServerTime,
    Target,
    TextMessageReport,
    UploadedFile,
)
from which50_resources.types import EmailState, FileContent, LandingPageState

__all__ = [
    "Campaign",
    "CampaignActivity",
    "Contact",
    "ContactEmail",
    "ContactFormRequest",
    "ContactInput",
    "ContactInteraction",
    "ContactLandingPage",
    "ContactSchemaField",
    "ContactSchemaFieldValue",
    "ContactSummary",
    "ContactTextMessage",
    "ContactWebForm",
    "ContactsList",
    "EmailReport",
    "EmailReportState",
    "EmailState",
    "FileContent",
    "FileUploadRequest",
    "HttpError",
    "ImportJob",
    "ImportJobCreateRequest",
    "JourneyChannelReports",
    "LandingPageReport",
    "LandingPageReportState",
    "LandingPageState",
    "LinkedData",
    "LinkedDataRecord",
    "RegisterDeviceRequest",
    "SendEmailRequestDTO",
    "SendTextMessageRequestDTO",
    "ServerTime",
    "Target",
    "TextMessageReport",
    "UploadedFile",
]
