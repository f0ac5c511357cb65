from django.urls import path

from threadline.indicators import views

urlpatterns = [
    path("", views.index, name="indicators"),
    path("<slug:slug>/", views.indicator_view, name="indicator"),
]
