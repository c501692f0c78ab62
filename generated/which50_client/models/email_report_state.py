from enum import StrEnum


class EmailReportState(StrEnum):
    BOUNCED = "Bounced"
    CLICKED = "Clicked"
    DELIVERED = "Delivered"
    HARDBOUNCED = "HardBounced"
    OPENED = "Opened"
    READ = "Read"
    SENT = "Sent"
    SOFTBOUNCED = "SoftBounced"

    def __str__(self) -> str:
        return str(self.value)
