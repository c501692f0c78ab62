"""Contains all the data models used in inputs/outputs"""

from .campaign import Campaign
from .campaign_activity import CampaignActivity
from .contact import Contact
from .contact_email import ContactEmail
from .contact_form_request import ContactFormRequest
from .contact_form_request_fields import ContactFormRequestFields
from .contact_input import ContactInput
from .contact_input_values_type_0 import ContactInputValuesType0
from .contact_interaction import ContactInteraction
from .contact_landing_page import ContactLandingPage
from .contact_schema_field import ContactSchemaField
from .contact_schema_field_value import ContactSchemaFieldValue
from .contact_summary import ContactSummary
from .contact_text_message import ContactTextMessage
from .contact_values import ContactValues
from .contact_web_form import ContactWebForm
from .contacts_list import ContactsList
from .email_report import EmailReport
from .email_report_state import EmailReportState
from .file_upload_request import FileUploadRequest
from .http_error import HttpError
from .import_job import ImportJob
from .import_job_create_request import ImportJobCreateRequest
from .journey_channel_reports import JourneyChannelReports
from .landing_page_report import LandingPageReport
from .landing_page_report_state import LandingPageReportState
from .linked_data import LinkedData
from .linked_data_record import LinkedDataRecord
from .register_device_request import RegisterDeviceRequest
from .send_email_request_dto import SendEmailRequestDTO
from .send_text_message_request_dto import SendTextMessageRequestDTO
from .target import Target
from .text_message_report import TextMessageReport
from .update_matching_and_send_email_match_values import (
    UpdateMatchingAndSendEmailMatchValues,
)
from .update_matching_and_send_text_message_match_values import (
    UpdateMatchingAndSendTextMessageMatchValues,
)
from .update_matching_contacts_match_values import UpdateMatchingContactsMatchValues
from .uploaded_file import UploadedFile
from .webhook_api_key import WebhookApiKey
from .webhook_event import WebhookEvent
from .webhook_event_data import WebhookEventData
from .webhook_salt_key import WebhookSaltKey
from .webhook_subscription import WebhookSubscription
from .webhook_subscription_request import WebhookSubscriptionRequest

__all__ = (
    "Campaign",
    "CampaignActivity",
    "Contact",
    "ContactEmail",
    "ContactFormRequest",
    "ContactFormRequestFields",
    "ContactInput",
    "ContactInputValuesType0",
    "ContactInteraction",
    "ContactLandingPage",
    "ContactSchemaField",
    "ContactSchemaFieldValue",
    "ContactSummary",
    "ContactTextMessage",
    "ContactValues",
    "ContactWebForm",
    "ContactsList",
    "EmailReport",
    "EmailReportState",
    "FileUploadRequest",
    "HttpError",
    "ImportJob",
    "ImportJobCreateRequest",
    "JourneyChannelReports",
    "LandingPageReport",
    "LandingPageReportState",
    "LinkedData",
    "LinkedDataRecord",
    "RegisterDeviceRequest",
    "SendEmailRequestDTO",
    "SendTextMessageRequestDTO",
    "Target",
    "TextMessageReport",
    "UpdateMatchingAndSendEmailMatchValues",
    "UpdateMatchingAndSendTextMessageMatchValues",
    "UpdateMatchingContactsMatchValues",
    "UploadedFile",
    "WebhookApiKey",
    "WebhookEvent",
    "WebhookEventData",
    "WebhookSaltKey",
    "WebhookSubscription",
    "WebhookSubscriptionRequest",
)
