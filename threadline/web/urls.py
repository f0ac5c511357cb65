from django.contrib.auth import views as auth_views
from django.urls import path

from threadline.web import views
from threadline.web.forms import SignInForm

urlpatterns = [
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            authentication_form=SignInForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("people/<int:pk>/", views.person, name="person"),
    path("people/<int:pk>/chronology/", views.person_chronology, name="person-chronology"),
    path(
        "people/<int:pk>/chronology/print/", views.chronology_print, name="person-chronology-print"
    ),
    path("people/<int:pk>/chronology.csv", views.chronology_csv, name="person-chronology-csv"),
]
