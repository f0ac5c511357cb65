from django.apps import AppConfig


class SigninConfig(AppConfig):
    name = "threadline.signin"
    verbose_name = "Signing in"
