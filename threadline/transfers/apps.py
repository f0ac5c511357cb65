from django.apps import AppConfig


class TransfersConfig(AppConfig):
    name = "threadline.transfers"
    label = "transfers"
    verbose_name = "Transfers between local authorities"
