from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = "How Did We Do surveys"

    def ready(self):
        from surveys.published import published_receivers_connect

        published_receivers_connect()
