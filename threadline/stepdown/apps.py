from django.apps import AppConfig


class StepDownConfig(AppConfig):
    name = "threadline.stepdown"
    verbose_name = "Step-down and closure"
