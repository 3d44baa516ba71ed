"""The themes engine: a plain Python text-analysis core (no Django).

Text in; tokens, theme tags with evidence, sentiment, safeguarding flags and redacted text out.
Every resource is a file we ship or the VADER lexicon inside the installed ``vaderSentiment``
package; nothing is ever downloaded. See ``docs/themes-engine.md``.
"""

from .classifier import LabelledExample, ThemeClassifier
from .csv_tagging import tag_csv
from .dataset import map_sentiment, parse_labels, read_examples, split_examples
from .emerging import EmergingPhrase, emerging_phrases
from .evaluate import evaluate_csv, evaluate_examples, format_report, score_model
from .matcher import ThemeMatcher
from .metrics import multilabel_scores, sentiment_scores
from .persistence import load_model, save_model
from .redaction import RedactionResult, redact
from .resources import ResourceMissing, loader
from .retrain import RetrainReport, retrain
from .safeguarding import SafeguardingDetector, SafeguardingFlag, detect_safeguarding
from .sentiment import SentimentScorer, label_for, reference_analyser
from .tagger import Analysis, Tagger, analyse, analyse_batch
from .text import normalise, split_sentences, stem, tokenise
from .themes import Theme, ThemeTag, default_taxonomy

__all__ = [
    "Analysis",
    "EmergingPhrase",
    "LabelledExample",
    "RedactionResult",
    "ResourceMissing",
    "RetrainReport",
    "SafeguardingDetector",
    "SafeguardingFlag",
    "SentimentScorer",
    "Tagger",
    "Theme",
    "ThemeClassifier",
    "ThemeMatcher",
    "ThemeTag",
    "analyse",
    "analyse_batch",
    "default_taxonomy",
    "detect_safeguarding",
    "emerging_phrases",
    "evaluate_csv",
    "evaluate_examples",
    "format_report",
    "label_for",
    "load_model",
    "loader",
    "map_sentiment",
    "multilabel_scores",
    "normalise",
    "parse_labels",
    "read_examples",
    "redact",
    "reference_analyser",
    "retrain",
    "save_model",
    "score_model",
    "sentiment_scores",
    "split_examples",
    "split_sentences",
    "stem",
    "tag_csv",
    "tokenise",
]
