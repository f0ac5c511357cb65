from django.urls import path

from threadline.learning import views

urlpatterns = [
    path("", views.library, name="library"),
    path("upload/", views.upload, name="library-upload"),
    path("reviews/<int:pk>/", views.review_view, name="library-review"),
    path("reviews/<int:pk>/original/", views.original, name="library-original"),
    path("reviews/<int:pk>/publish/", views.publish_view, name="library-publish"),
    path("items/<int:pk>/correct/", views.correct, name="library-correct"),
    path("items/<int:pk>/remove/", views.remove, name="library-remove"),
    path("themes/", views.themes, name="library-themes"),
    path("search/", views.search, name="library-search"),
    path("checks/", views.checks, name="library-checks"),
]
