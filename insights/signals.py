"""Receivers: reporting reacts to the apps below it without them knowing it exists."""

from insights.exports import export_files_delete
from insights.rollups import rollups_add_response, rollups_rebuild


def refresh_rollups(sender, response, **kwargs):
    """A response was tagged: its counts are added (or, if already counted, its month is
    counted again), in the same commit."""
    rollups_add_response(response=response)


def recount_merged_theme(sender, start, end, **kwargs):
    """A theme was merged into another: the days its mentions cover are counted again."""
    rollups_rebuild(start=start, end=end)


def drop_withdrawn_response(sender, submitted_on, service_id, **kwargs):
    """A resident took their feedback back: its day is counted again without it, at once."""
    rollups_rebuild(start=submitted_on, end=submitted_on, service_id=service_id)


def delete_old_export_files(sender, today, **kwargs):
    """Retention: a finished export's file (which may hold quotes) is kept for a few days."""
    return {"export files deleted": export_files_delete(today=today)}
