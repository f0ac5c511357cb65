from django.urls import path

from threadline.checks import views

urlpatterns = [
    path("", views.inbox_view, name="alert-inbox"),
    path("team/", views.dashboard_view, name="alert-dashboard"),
    path("<int:pk>/", views.alert_view, name="alert"),
    path("<int:pk>/acknowledge/", views.acknowledge_view, name="alert-acknowledge"),
]
