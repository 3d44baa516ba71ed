from django.core.management.base import BaseCommand

from demo import accounts, coproduction, pages, surveys

# Order matters: pages before surveys, surveys before responses, staff before boards.
DEMO_STEPS = [accounts, pages, surveys, coproduction]


class Command(BaseCommand):
    help = "Load the demo content. Safe to run again: a second run changes nothing."

    def handle(self, *args, **options):
        for step in DEMO_STEPS:
            step.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
