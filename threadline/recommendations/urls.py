from django.urls import path

from threadline.recommendations import views

urlpatterns = [
    path("", views.board, name="recommendations-board"),
    path("reviews/<int:pk>/", views.review_board, name="recommendations-review"),
    path("new/<int:item_pk>/", views.new_action, name="recommendation-new"),
    path("actions/<int:pk>/", views.action_view, name="recommendation-action"),
    path("actions/<int:pk>/update/", views.update, name="recommendation-update"),
    path("actions/<int:pk>/deadline/", views.deadline, name="recommendation-deadline"),
]
