"""A meeting as an iCalendar file (RFC 5545), written by hand: one VEVENT, times in UTC.

Plain functions, no Django: `calendar_event(...)` takes the meeting's details as values and
returns the text, with CRLF line endings and lines folded at 75 octets.
"""

import datetime

PRODID = "-//How Did We Do//Co-production boards//EN"


def _escape(text):
    """TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line):
    """Lines longer than 75 octets go on in continuation lines starting with a space (3.1),
    never splitting a UTF-8 character."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(encoded):
        end = min(start + limit, len(encoded))
        while end < len(encoded) and (encoded[end] & 0xC0) == 0x80:
            end -= 1  # back off to the start of a multi-byte character
        parts.append(encoded[start:end].decode())
        start, limit = end, 74  # the leading space counts towards a continuation's 75
    return "\r\n ".join(parts)


def calendar_event(*, uid, starts_at, ends_at, summary, location, description, url, stamp):
    """The .ics text for one event. Times must be aware; `ends_at` may be None (no DTEND:
    RFC 5545 then reads it as ending when it starts, rather than us guessing a length)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(starts_at)}",
    ]
    if ends_at:
        lines.append(f"DTEND:{_utc(ends_at)}")
    lines += [
        f"SUMMARY:{_escape(summary)}",
        f"LOCATION:{_escape(location)}",
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)
