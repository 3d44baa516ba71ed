import logging

logger = logging.getLogger(__name__)


def queue_tagging(sender, response, **kwargs):
    """A new response is tagged in the background. If queueing fails, the response is still
    stored (its analysis stays 'pending') and `themes retag --pending` picks it up."""
    from insights.models import ResponseAnalysis
    from insights.tasks import analyse_response

    ResponseAnalysis.objects.get_or_create(response=response)
    try:
        analyse_response.enqueue(response.pk)
    except Exception:
        logger.exception("Could not queue tagging; it will be retried")


def delete_old_export_files(sender, today, **kwargs):
    """Retention: a finished export's file (which may hold quotes) is kept for a few days."""
    from insights.exports import export_files_delete

    return {"export files deleted": export_files_delete(today=today)}


def clear_removed_comment_text(sender, comments, **kwargs):
    """Retention took the text out of these comments: the engine's copies of it go too."""
    from insights.services import comment_copies_clear

    return comment_copies_clear(comments=comments)
