from themes.models.analysis import CommentAnalysis, ResponseAnalysis, Sentiment, ThemeMention
from themes.models.learning import ThemeModelVersion
from themes.models.safeguarding import SafeguardingFlag
from themes.models.themes import PhraseDecision, Theme

__all__ = [
    "CommentAnalysis",
    "PhraseDecision",
    "ResponseAnalysis",
    "SafeguardingFlag",
    "Sentiment",
    "Theme",
    "ThemeMention",
    "ThemeModelVersion",
]
