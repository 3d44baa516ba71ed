from insights.models.analysis import CommentAnalysis, ResponseAnalysis, Sentiment, ThemeMention
from insights.models.safeguarding import SafeguardingFlag
from insights.models.themes import Theme

__all__ = [
    "CommentAnalysis",
    "ResponseAnalysis",
    "SafeguardingFlag",
    "Sentiment",
    "Theme",
    "ThemeMention",
]
