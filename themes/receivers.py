"""Receivers for the surveys app's signals: tag new responses, forget text retention removed."""

import logging

from themes.services import comment_copies_clear, response_analysis_queue

logger = logging.getLogger(__name__)


def queue_tagging(sender, response, **kwargs):
    response_analysis_queue(response=response)


def clear_removed_comment_text(sender, comments, **kwargs):
    return comment_copies_clear(comments=comments)
