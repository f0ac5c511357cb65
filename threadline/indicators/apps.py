from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "threadline.indicators"
    verbose_name = "Practice indicators from the live record"
