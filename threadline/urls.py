from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from threadline.access import views as access_views

urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/", include("threadline.feeds.urls")),
    path("alerts/", include("threadline.checks.urls")),
    path("matches/", include("threadline.matching.urls")),
    path("sign-in/", include("threadline.signin.urls")),
    path("emergency/", include("threadline.access.urls")),
    path("library/", include("threadline.learning.urls")),
    path("recommendations/", include("threadline.recommendations.urls")),
    path("indicators/", include("threadline.indicators.urls")),
    path("people/<int:pk>/looks/", access_views.person_audit, name="person-looks"),
    path("people/<int:pk>/subject-access/", access_views.subject_access, name="subject-access"),
    path("", include("threadline.meetings.urls")),
    path("", include("threadline.stepdown.urls")),
    path("", include("threadline.assessments.urls")),
    path("", include("threadline.plans.urls")),
    path("", include("threadline.transfers.urls")),
    path("", include("threadline.network.urls")),
    path("", include("threadline.web.urls")),
]
