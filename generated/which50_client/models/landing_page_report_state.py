from enum import StrEnum


class LandingPageReportState(StrEnum):
    KNOWNCLICKS = "KnownClicks"
    KNOWNVISITS = "KnownVisits"
    LINKDETAILS = "LinkDetails"
    TOTALCLICKS = "TotalClicks"
    TOTALSUBMITS = "TotalSubmits"
    TOTALVISITS = "TotalVisits"
    WEBFORMSUBMITS = "WebformSubmits"

    def __str__(self) -> str:
        return str(self.value)
