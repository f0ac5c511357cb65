from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "threadline.assessments"
    verbose_name = "Assessments and risk tools"
