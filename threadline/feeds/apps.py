from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "threadline.feeds"
