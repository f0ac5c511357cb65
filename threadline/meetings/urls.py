from django.urls import path

from threadline.meetings import views

urlpatterns = [
    path("people/<int:pk>/meetings/", views.child_meetings, name="child-meetings"),
    path("people/<int:pk>/meetings/book/", views.book, name="meeting-book"),
    path("meetings/minutes/", views.awaiting, name="minutes-awaiting"),
    path("meetings/<int:pk>/", views.meeting_view, name="meeting"),
    path("meetings/<int:pk>/answer/", views.answer, name="meeting-answer"),
    path("meetings/<int:pk>/cancel/", views.cancel, name="meeting-cancel"),
    path("meetings/<int:pk>/review/", views.review, name="meeting-review"),
    path("meetings/<int:pk>/circulate/", views.circulate, name="meeting-circulate"),
    path("meetings/<int:pk>/acknowledge/", views.acknowledge, name="meeting-acknowledge"),
    path("meetings/<int:pk>/minutes/print/", views.minutes_print, name="meeting-minutes-print"),
    path("meetings/<int:pk>/minutes/file/", views.minutes_file, name="meeting-minutes-file"),
    path(
        "meetings/<int:pk>/actions/<int:action_pk>/done/",
        views.action_done,
        name="meeting-action-done",
    ),
]
