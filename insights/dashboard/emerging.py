"""Emerging phrases, worked out in the background and cached.

Finding phrases reads thousands of comments through the NLTK engine, far too slow for a page
view, so the dashboard shows the last result for the same filter and queues a refresh when
there is none. With the inline task backend (tests, local runs) the result is ready at once.
"""

import hashlib
import json
import logging
from dataclasses import asdict
from datetime import date

from django.core.cache import cache

from insights.filters import FeedbackFilter
from insights.suppression import shown_count
from themes.selectors import emerging_phrases_in

CACHE_SECONDS = 6 * 60 * 60
logger = logging.getLogger(__name__)


def filter_to_json(feedback_filter):
    data = asdict(feedback_filter)
    data["start"], data["end"] = data["start"].isoformat(), data["end"].isoformat()
    return data


def filter_from_json(data):
    return FeedbackFilter(
        **dict(data, start=date.fromisoformat(data["start"]), end=date.fromisoformat(data["end"]))
    )


def cache_key(feedback_filter):
    digest = hashlib.sha256(json.dumps(filter_to_json(feedback_filter), sort_keys=True).encode())
    return f"insights:emerging:{digest.hexdigest()[:32]}"


def emerging_refresh(feedback_filter):
    """Work out the phrases for a filter and keep them for CACHE_SECONDS."""
    phrases = [
        {"phrase": phrase, "count": str(shown_count(count))}
        for phrase, count in emerging_phrases_in(feedback_filter.responses())
    ]
    cache.set(cache_key(feedback_filter), phrases, CACHE_SECONDS)
    return phrases


def emerging_cached(feedback_filter):
    """The cached phrases, or None while they are being worked out."""
    found = cache.get(cache_key(feedback_filter))
    if found is not None:
        return found
    from insights.tasks import refresh_emerging_phrases

    try:
        refresh_emerging_phrases.enqueue(filter_to_json(feedback_filter))
    except Exception:  # the panel says "being worked out"; the next view tries again
        logger.exception("Could not queue emerging phrases")
        return None
    return cache.get(cache_key(feedback_filter))
