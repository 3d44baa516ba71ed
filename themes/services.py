"""Writes for the themes engine: analysing responses, reviewing tags, safeguarding outcomes."""

import logging
import time

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Max, Min, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tasks_db import DatabaseBackend
from wagtail.log_actions import log

from surveys.models import Response
from themes.engine import current_tagger
from themes.models import (
    CommentAnalysis,
    PhraseDecision,
    ResponseAnalysis,
    SafeguardingFlag,
    Theme,
    ThemeMention,
)
from themes.notifications import notify_safeguarding_lead
from themes.signals import response_analysed, theme_merged

logger = logging.getLogger(__name__)


WAITING_BATCH = 500
RUN_SECONDS = 30


def response_analysis_queue(*, response):
    """Mark a new response as waiting for tagging and wake the tagger, in the transaction that
    stores the response. If queueing fails, the response is still stored (its analysis stays
    'pending') and the next run or `themes retag` picks it up.

    The task names no response: the database task backend keeps each task row, with the moment
    it was queued, and a row holding both would tie a response to the time it was sent. So one
    queued run tags every response waiting when it starts: while one is queued and not started,
    a new response queues nothing (a query, not a task row and a savepoint, per response)."""
    from themes.tasks import analyse_waiting_responses  # tasks wrap this module's services

    ResponseAnalysis.objects.create(response=response)
    if isinstance(analyse_waiting_responses.get_backend(), DatabaseBackend):
        # The queue is a table in this database: the task row commits with the response.
        if not _tagging_run_queued(analyse_waiting_responses):
            _enqueue(analyse_waiting_responses)
    else:
        # Any other backend may run it at once (inline in development): after the commit.
        transaction.on_commit(lambda: _enqueue(analyse_waiting_responses))


def _tagging_run_queued(task):
    """A run queued and not yet started, which will see this response when it starts. (A
    worker may start it between this look and the response's commit: the run's last look,
    after `TAGGING_GRACE_SECONDS`, is for those responses.)

    One statement of SQL rather than `DBTaskResult.objects.ready()`: building that query cost
    1 ms of CPU, on every resident's send. Our runs are never deferred (no `run_after`)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    table = connection.ops.quote_name(DBTaskResult._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM {table} WHERE status = %s AND task_path = %s LIMIT 1",
            [TaskResultStatus.READY, task.module_path],
        )
        return cursor.fetchone() is not None


def _enqueue(task):
    try:
        with transaction.atomic():
            task.enqueue()
    except Exception:
        logger.exception("Could not queue tagging; it will be retried")


def waiting_responses_run(
    *, limit=WAITING_BATCH, grace_seconds=None, sleep=time.sleep, clock=time.monotonic
):
    """The queued tagging run: tag what is waiting, batch after batch, until a look finds
    nothing; then look once more after `grace_seconds`, for responses that found this run
    queued just before it started and committed after its look. After `limit` responses or
    RUN_SECONDS with more waiting, another run is queued: under a steady trickle of responses
    a run would otherwise never end, and other tasks (emails, exports) get the worker between
    runs."""
    from themes.tasks import analyse_waiting_responses

    queued = isinstance(analyse_waiting_responses.get_backend(), DatabaseBackend)
    if grace_seconds is None:
        # Run inline (development), a run is its response's own request: no one to wait for.
        grace_seconds = settings.TAGGING_GRACE_SECONDS if queued else 0
    tagged, looked_again, started = 0, False, clock()
    while tagged < limit and clock() - started < RUN_SECONDS:
        batch = waiting_responses_analyse(limit=limit - tagged)
        tagged += batch
        if batch:
            looked_again = False
            continue
        if looked_again or not grace_seconds:
            return tagged
        sleep(grace_seconds)
        looked_again = True
    pending = ResponseAnalysis.objects.filter(status=ResponseAnalysis.Status.PENDING)
    if queued and pending.exists() and not _tagging_run_queued(analyse_waiting_responses):
        _enqueue(analyse_waiting_responses)
    return tagged


def waiting_responses_analyse(*, limit=WAITING_BATCH):
    """Tag responses still waiting, oldest first; returns how many were tagged. Several workers
    can run this at once: each response is claimed under a row lock that others skip."""
    waiting = ResponseAnalysis.objects.filter(status=ResponseAnalysis.Status.PENDING)
    tagged = 0
    for response_id in waiting.order_by("response_id").values_list("response_id", flat=True)[
        :limit
    ]:
        with transaction.atomic():
            claimed = (
                waiting.select_for_update(skip_locked=True).filter(response_id=response_id).exists()
            )
            response = Response.objects.filter(pk=response_id).first() if claimed else None
            if response is None:
                continue
            try:
                response_analyse(response=response)
            except Exception:  # noqa: BLE001 - recorded as failed by the service; carry on
                continue
            tagged += 1
    return tagged


def response_analyse(*, response):
    """Tag every comment of a response. Safe to run again: machine tags are replaced,
    staff reviews and safeguarding outcomes are kept."""
    state, _ = ResponseAnalysis.objects.get_or_create(response=response)
    state.attempts += 1
    try:
        with transaction.atomic():
            new_flags = _analyse_comments(response)
            _summarise(state, response)
            response_analysed.send(sender=ResponseAnalysis, response=response)
    except Exception as error:
        state.status = ResponseAnalysis.Status.FAILED
        state.error = type(error).__name__
        state.save(update_fields=["status", "error", "attempts"])
        logger.exception("Tagging failed; the response is kept and will be retried")
        raise
    for flag in new_flags:
        transaction.on_commit(lambda flag=flag: notify_safeguarding_lead(flag))
    return state


def _analyse_comments(response):
    tagger = current_tagger()
    themes = {theme.key: theme for theme in Theme.objects.filter(is_active=True)}
    new_flags = []
    # A comment whose text retention removed keeps the tags it had: its text is no longer the
    # resident's words, so tagging it again would only lose them.
    for comment in response.comments.filter(text_removed_on__isnull=True):
        analysis = tagger.analyse(comment.text)
        CommentAnalysis.objects.update_or_create(
            comment=comment,
            defaults={
                "sentiment": analysis.sentiment,
                "compound": analysis.compound,
                "redacted_text": analysis.redacted_text,
                "redactions": analysis.redactions,
            },
        )
        _replace_mentions(comment, response, analysis.tags, themes)
        if analysis.safeguarding:
            flag, created = _flag(comment, response, analysis.safeguarding)
            if created:
                new_flags.append(flag)
    return new_flags


def _replace_mentions(comment, response, tags, themes):
    reviewed = set(comment.theme_mentions.exclude(review="").values_list("theme__key", flat=True))
    comment.theme_mentions.filter(review="").delete()
    ThemeMention.objects.bulk_create(
        ThemeMention(
            comment=comment,
            theme=themes[tag.theme_key],
            response=response,
            service_id=response.service_id,
            submitted_on=response.submitted_on,
            sentiment=tag.sentiment,
            compound=tag.compound,
            evidence=tag.sentence,
            matched_words=list(tag.matched_words),
            source=tag.source,
            confidence=tag.confidence,
        )
        for tag in _best_per_theme(tags)
        if tag.theme_key in themes and tag.theme_key not in reviewed
    )


def _best_per_theme(tags):
    """One mention per theme per comment: the most negative sentence (problems surface)."""
    best = {}
    for tag in tags:
        if tag.theme_key not in best or tag.compound < best[tag.theme_key].compound:
            best[tag.theme_key] = tag
    return best.values()


def _flag(comment, response, flags):
    raised_on = timezone.localdate()
    return SafeguardingFlag.objects.get_or_create(
        comment=comment,
        defaults={
            "response": response,
            "categories": sorted({flag.category for flag in flags}),
            "evidence": "\n".join(dict.fromkeys(flag.sentence for flag in flags)),
            "matched_words": sorted({w for flag in flags for w in flag.matched_words}),
            "raised_on": raised_on,
            "due_on": SafeguardingFlag.due_from(raised_on),
        },
    )


def comment_copies_clear(*, comments):
    """Clear the engine's copies of these comments' text (redacted text, theme and safeguarding
    evidence and trigger words), once retention has removed it. Themes, sentiment, counts and
    safeguarding outcomes stay. Returns how many rows changed."""
    changed = (
        CommentAnalysis.objects.filter(comment__in=comments)
        .exclude(redacted_text="")
        .update(redacted_text="")
    )
    for model in (ThemeMention, SafeguardingFlag):
        changed += (
            model.objects.filter(comment__in=comments)
            .filter(~Q(evidence="") | ~Q(matched_words=[]))
            .update(evidence="", matched_words=[])
        )
    return changed


def _summarise(state, response):
    analyses = list(CommentAnalysis.objects.filter(comment__response=response))
    if analyses:
        state.compound = sum(a.compound for a in analyses) / len(analyses)
        state.sentiment = min(
            (a.sentiment for a in analyses), key=["negative", "neutral", "positive"].index
        )
    state.is_flagged = SafeguardingFlag.objects.filter(response=response).exists()
    state.status = ResponseAnalysis.Status.DONE
    state.analysed_on = timezone.localdate()
    state.error = ""
    state.save()


def theme_from_phrase(*, name, phrase, by):
    """The theme a board accepted from a suggested phrase: the one of that name if it exists,
    otherwise a new one that starts from the phrase. New themes are written to the audit log."""
    name = name.strip()[:120]
    theme = Theme.objects.filter(name__iexact=name).first()
    if theme is not None:
        return theme
    theme = Theme(name=name, key=_free_key(name), phrases=phrase.strip())
    theme.full_clean()
    with transaction.atomic():
        theme.save()
        log(theme, "wagtail.create", user=by)
    return theme


def phrase_decision_record(*, phrase, outcome, theme=None, by=None):
    """Remember what a board decided about a suggested phrase, so it is not suggested again."""
    decision, _ = PhraseDecision.objects.update_or_create(
        phrase=PhraseDecision.normalise(phrase),
        defaults={"outcome": outcome, "theme": theme, "decided_on": timezone.localdate()},
    )
    return decision


def phrase_reopen(*, decision, by):
    """Staff let a decided phrase be suggested again (e.g. a rejection the board regrets)."""
    if not by.has_perm("themes.change_theme"):
        raise PermissionDenied
    with transaction.atomic():
        log(decision, "themes.phrase.reopen", user=by, data={"phrase": decision.phrase})
        decision.delete()


def phrase_merge_into(*, phrase, into, by):
    """A board merged a suggested phrase into an existing theme: the tagger finds `into` from
    now on where the phrase is used, and a theme that grew from the phrase is merged too."""
    phrase = " ".join(phrase.split())
    with transaction.atomic():
        grown = (
            Theme.objects.filter(name__iexact=phrase, is_active=True).exclude(pk=into.pk).first()
        )
        if grown is not None:
            theme_merge(theme=grown, into=into, by=by)
        known = {line.strip().lower() for line in into.phrases.splitlines()}
        if phrase.lower() not in known:
            into.phrases = "\n".join(filter(None, [into.phrases.strip(), phrase]))
            into.save(update_fields=["phrases", "updated_at"])  # the tagger rebuilds on this
        phrase_decision_record(phrase=phrase, outcome=PhraseDecision.Outcome.MERGED, theme=into)
    return into


@transaction.atomic
def theme_merge(*, theme, into, by):
    """`theme` becomes part of `into`: its mentions count for `into` (one per comment), its
    phrases and patterns tag as `into`, and it is switched off. Audit-logged."""
    if theme.pk == into.pk:
        raise ValidationError(_("A theme can't be merged into itself."))
    moving = ThemeMention.objects.filter(theme=theme)
    days = moving.aggregate(start=Min("submitted_on"), end=Max("submitted_on"))
    # A comment that mentions both keeps the survivor's mention.
    moving.filter(comment__theme_mentions__theme=into).delete()
    moving.update(theme=into)
    for field in ("phrases", "problem_phrases", "patterns"):
        lines = dict.fromkeys(
            line.strip()
            for text in (getattr(into, field), getattr(theme, field))
            for line in text.splitlines()
            if line.strip()
        )
        setattr(into, field, "\n".join(lines))
    into.save()
    theme.is_active = False
    theme.save(update_fields=["is_active", "updated_at"])
    log(into, "themes.theme.merge", user=by, data={"merged": theme.pk, "name": theme.name})
    if days["start"] is not None:
        theme_merged.send(sender=Theme, theme=theme, into=into, **days)
    return into


def _free_key(name):
    base = slugify(name)[:72] or "theme"
    key, n = base, 1
    while Theme.objects.filter(key=key).exists():
        n += 1
        key = f"{base}-{n}"
    return key


@transaction.atomic
def mention_review(*, mention, confirmed, user):
    """Staff confirm or reject a tag; confirmed tags train the learned classifier."""
    if not user.has_perm("themes.review_thememention"):
        raise PermissionDenied
    mention.review = ThemeMention.Review.CONFIRMED if confirmed else ThemeMention.Review.REJECTED
    mention.reviewed_by = user
    mention.reviewed_at = timezone.now()
    mention.save(update_fields=["review", "reviewed_by", "reviewed_at"])
    log(mention, "themes.mention_review", user=user, data={"review": mention.review})
    return mention


@transaction.atomic
def safeguarding_outcome_record(*, flag, outcome, notes, user):
    """The safeguarding lead's decision on a flag, with who and when, and its audit entry."""
    if not user.has_perm("themes.review_safeguardingflag"):
        raise PermissionDenied
    if outcome not in SafeguardingFlag.Outcome.values or not outcome:
        raise ValidationError("Choose an outcome.")
    flag.outcome = outcome
    flag.outcome_notes = notes
    flag.outcome_by = user
    flag.outcome_at = timezone.now()
    flag.save(update_fields=["outcome", "outcome_notes", "outcome_by", "outcome_at"])
    log(
        instance=flag.response,
        action="themes.safeguarding_outcome",
        user=user,
        data={"flag": flag.pk, "outcome": flag.outcome},
    )
    return flag


def safeguarding_flag_open(*, flag, user):
    """A safeguarding lead reads the flagged comment unredacted: the audit log records it."""
    if not user.has_perm("themes.review_safeguardingflag"):
        raise PermissionDenied
    log(instance=flag.response, action="surveys.view_unredacted", user=user)
    return flag
