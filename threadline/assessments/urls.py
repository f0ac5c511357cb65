from django.urls import path

from threadline.assessments import views

urlpatterns = [
    path("people/<int:pk>/assessments/", views.person_assessments, name="person-assessments"),
    path("people/<int:pk>/assessments/start/", views.start, name="assessment-start"),
    path("people/<int:pk>/assessments/dash/", views.dash_form, name="dash-form"),
    path("people/<int:pk>/assessments/child-risk/", views.child_risk_form, name="child-risk-form"),
    path("assessments/<int:pk>/", views.assessment_view, name="assessment"),
    path("assessments/dash/<int:pk>/", views.dash_view, name="dash"),
    path("assessments/dash/<int:pk>/marac/", views.marac, name="dash-marac"),
    path("assessments/child-risk/<int:pk>/", views.child_risk_view, name="child-risk"),
]
