from django.urls import path

from threadline.stepdown import views

urlpatterns = [path("people/<int:pk>/step-down/", views.step_down, name="step-down")]
