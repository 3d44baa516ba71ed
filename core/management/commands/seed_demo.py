from importlib import import_module

from django.core.management.base import BaseCommand

# Each app owns its demo data; order matters (pages before surveys, surveys before responses).
DEMO_MODULES = ["core.demo", "cms.demo", "surveys.demo", "coproduction.demo", "insights.demo"]


class Command(BaseCommand):
    help = "Load the demo content. Safe to run again: a second run changes nothing."

    def handle(self, *args, **options):
        for module_name in DEMO_MODULES:
            try:
                module = import_module(module_name)
            except ModuleNotFoundError as error:
                if error.name != module_name:
                    raise
                continue
            module.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
