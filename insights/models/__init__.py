from insights.models.analysis import CommentAnalysis, ResponseAnalysis, Sentiment, ThemeMention
from insights.models.exports import ReportExport
from insights.models.rollups import (
    ROLLUP_MODELS,
    MonthlyEqualityPairRollup,
    MonthlyEqualityRollup,
    MonthlyEqualityThemeRollup,
    MonthlyResponseRollup,
    MonthlyThemeRollup,
    MonthlyTouchpointRollup,
    MonthlyTouchpointThemeRollup,
)
from insights.models.safeguarding import SafeguardingFlag
from insights.models.themes import Theme

__all__ = [
    "CommentAnalysis",
    "MonthlyEqualityPairRollup",
    "MonthlyEqualityRollup",
    "MonthlyEqualityThemeRollup",
    "MonthlyResponseRollup",
    "MonthlyThemeRollup",
    "MonthlyTouchpointRollup",
    "MonthlyTouchpointThemeRollup",
    "ROLLUP_MODELS",
    "ReportExport",
    "ResponseAnalysis",
    "SafeguardingFlag",
    "Sentiment",
    "Theme",
    "ThemeMention",
]
