"""`seed_demo` ends with the logins and the authenticator secret, each on its own line."""

import io
import logging

from django.core.management import call_command

from demo.accounts import DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD
from demo.coproduction import DEMO_MEMBER_PASSWORD, DEMO_TOTP_SECRET


class Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def _seed():
    out, handler = io.StringIO(), Records()
    logging.getLogger().addHandler(handler)
    try:
        call_command("seed_demo", stdout=out)
        logging.getLogger("surveys.services").info("after seeding")
    finally:
        logging.getLogger().removeHandler(handler)
    return out.getvalue().splitlines(), handler.records


def test_logins_and_secret_come_last_on_their_own_lines(db):
    lines, _records = _seed()
    last = lines[-3:]
    assert any(DEMO_STAFF_EMAIL in line and DEMO_STAFF_PASSWORD in line for line in last)
    assert any(DEMO_MEMBER_PASSWORD in line for line in last)
    assert any(line.endswith(DEMO_TOTP_SECRET) for line in last)
    earlier = "\n".join(lines[:-3])
    assert DEMO_STAFF_PASSWORD not in earlier and DEMO_TOTP_SECRET not in earlier
    assert "Demo content is ready." in earlier


def test_seeding_logs_nothing_below_warning_and_logging_comes_back_after(db):
    _lines, records = _seed()
    during = [r for r in records if r.getMessage() != "after seeding"]
    assert [r for r in during if r.levelno < logging.WARNING] == []
    assert [r.getMessage() for r in records if r.getMessage() == "after seeding"] == [
        "after seeding"
    ]


def test_a_second_run_still_ends_with_the_logins(db):
    _seed()
    lines, _records = _seed()
    assert DEMO_TOTP_SECRET in "\n".join(lines[-3:])
