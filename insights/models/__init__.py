from insights.models.analysis import CommentAnalysis, ResponseAnalysis, Sentiment, ThemeMention
from insights.models.exports import ReportExport
from insights.models.rollups import DailyResponseRollup, DailyThemeRollup
from insights.models.safeguarding import SafeguardingFlag
from insights.models.themes import Theme

__all__ = [
    "CommentAnalysis",
    "DailyResponseRollup",
    "DailyThemeRollup",
    "ReportExport",
    "ResponseAnalysis",
    "SafeguardingFlag",
    "Sentiment",
    "Theme",
    "ThemeMention",
]
