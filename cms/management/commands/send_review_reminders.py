from django.core.management.base import BaseCommand

from cms.services import review_reminders_send


class Command(BaseCommand):
    help = (
        "Email whoever looks after each page due for review soon (or overdue): the page's owner, "
        "or the engagement leads. Each page is reminded once per review date. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days-ahead", type=int, default=14)
        parser.add_argument("--dry-run", action="store_true", help="List, send nothing.")

    def handle(self, *args, days_ahead, dry_run, **options):
        pages = review_reminders_send(days_ahead=days_ahead, dry_run=dry_run)
        for page in pages:
            self.stdout.write(f"  {page.review_by:%d %b %Y}  {page.title}")
        verb = "Would remind" if dry_run else "Reminded"
        self.stdout.write(self.style.SUCCESS(f"{verb} about {len(pages)} page(s)."))
