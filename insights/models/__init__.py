from insights.models.digests import DigestSubscription
from insights.models.exports import ReportExport
from insights.models.rollups import (
    DAILY_ROLLUP_MODELS,
    MONTHLY_ROLLUP_MODELS,
    ROLLUP_MODELS,
    CountedResponse,
    DailyResponseRollup,
    DailyThemeRollup,
    MonthlyEqualityPairRollup,
    MonthlyEqualityRollup,
    MonthlyEqualityThemeRollup,
    MonthlyResponseRollup,
    MonthlyThemeRollup,
    MonthlyTouchpointRollup,
    MonthlyTouchpointThemeRollup,
)

__all__ = [
    "CountedResponse",
    "DAILY_ROLLUP_MODELS",
    "DailyResponseRollup",
    "DigestSubscription",
    "DailyThemeRollup",
    "MONTHLY_ROLLUP_MODELS",
    "MonthlyEqualityPairRollup",
    "MonthlyEqualityRollup",
    "MonthlyEqualityThemeRollup",
    "MonthlyResponseRollup",
    "MonthlyThemeRollup",
    "MonthlyTouchpointRollup",
    "MonthlyTouchpointThemeRollup",
    "ROLLUP_MODELS",
    "ReportExport",
]
