import contextlib
import logging

from django.core.management.base import BaseCommand

from demo import accounts, coproduction, pages, surveys

# Order matters: pages before surveys, surveys before responses, staff before boards.
DEMO_STEPS = [accounts, pages, surveys, coproduction]


def demo_secrets():
    """The published demo passwords and authenticator secret: a line with one is a login."""
    return (
        accounts.DEMO_STAFF_PASSWORD,
        coproduction.DEMO_MEMBER_PASSWORD,
        coproduction.DEMO_TOTP_SECRET,
    )


class HeldBackLogins:
    """Passes the steps' progress lines on, and keeps the lines with a login for the end, where
    someone running `make run` will see them rather than scroll back for them."""

    def __init__(self, stdout):
        self.stdout = stdout
        self.logins = []

    def write(self, message="", *args, **kwargs):
        if any(secret in message for secret in demo_secrets()):
            self.logins.append(message)
        else:
            self.stdout.write(message, *args, **kwargs)


@contextlib.contextmanager
def warnings_only():
    """Seeding publishes pages and stores hundreds of responses, each logged at INFO as JSON:
    during it only warnings and errors are logged."""
    previous = logging.root.manager.disable
    logging.disable(logging.INFO)
    try:
        yield
    finally:
        logging.disable(previous)


class Command(BaseCommand):
    help = "Load the demo content. Safe to run again: a second run changes nothing."

    def handle(self, *args, **options):
        out = HeldBackLogins(self.stdout)
        with warnings_only():
            for step in DEMO_STEPS:
                step.seed(out)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write("")
        for line in out.logins:
            self.stdout.write(line)
