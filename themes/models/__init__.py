from themes.models.analysis import CommentAnalysis, ResponseAnalysis, Sentiment, ThemeMention
from themes.models.safeguarding import SafeguardingFlag
from themes.models.themes import Theme

__all__ = [
    "CommentAnalysis",
    "ResponseAnalysis",
    "SafeguardingFlag",
    "Sentiment",
    "Theme",
    "ThemeMention",
]
