from django.urls import path

from threadline.matching import views

urlpatterns = [
    path("", views.queue, name="match-queue"),
    path("<int:pk>/", views.candidate, name="match-candidate"),
    path("merges/<int:pk>/", views.merge, name="match-merge"),
]
