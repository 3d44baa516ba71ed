"""Meeting times as people write them in each language."""

import datetime

from django.urls import reverse
from django.utils import timezone


def test_meeting_times_read_naturally_in_each_language(client, member, meeting):
    """English says "2:30 p.m." (and "4 p.m." on the hour); Polish uses the 24-hour clock."""
    meeting.starts_at = timezone.make_aware(datetime.datetime(2026, 3, 4, 14, 30))
    meeting.ends_at = timezone.make_aware(datetime.datetime(2026, 3, 4, 16, 0))
    meeting.save()
    client.force_login(member)
    path = reverse("coproduction:meeting-detail", args=[meeting.board.slug, meeting.pk])
    english = client.get(path).content.decode()
    assert "Wednesday 4 March 2026, 2:30 p.m. to 4 p.m." in english
    polish = client.get("/pl" + path).content.decode()
    assert "4 marca 2026 14:30" in polish and "16:00" in polish
