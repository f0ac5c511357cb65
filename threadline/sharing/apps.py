from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "threadline.sharing"
    verbose_name = "Information sharing"
