from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "threadline.recommendations"
    verbose_name = "The tracker of review recommendations and their actions"
