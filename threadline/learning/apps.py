from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "threadline.learning"
    verbose_name = "The partnership's learning library"
