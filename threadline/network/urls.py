from django.urls import path

from threadline.network import views

urlpatterns = [
    path("people/<int:pk>/network/", views.network_page, name="person-network"),
    path("people/<int:pk>/genogram.svg", views.genogram_file, name="person-genogram"),
]
