from django.urls import path

from threadline.plans import views

urlpatterns = [
    path("people/<int:pk>/plan/", views.child_plan, name="child-plan"),
    path("plans/<int:pk>/", views.plan_view, name="plan"),
    path("plans/<int:pk>/print/", views.plan_print, name="plan-print"),
    path(
        "plans/<int:pk>/actions/<int:action_pk>/done/", views.action_done, name="plan-action-done"
    ),
    path(
        "plans/<int:pk>/conditions/<int:condition_pk>/evidence/",
        views.evidence,
        name="plan-evidence",
    ),
]
