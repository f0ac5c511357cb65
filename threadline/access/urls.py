from django.urls import path

from threadline.access import views

urlpatterns = [
    path("", views.emergency_search, name="emergency-search"),
    path("open/<int:pk>/", views.emergency_open, name="emergency-open"),
    path("review/", views.emergency_review, name="emergency-review"),
]
