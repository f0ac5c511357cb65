from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "threadline.checks"
    verbose_name = "Learning checks"
