from django.urls import path

from threadline.signin import views

urlpatterns = [
    path("two-factor/", views.two_factor, name="two-factor"),
    path("two-factor/set-up/", views.set_up, name="two-factor-setup"),
]
