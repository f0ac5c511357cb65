from django.urls import path

from threadline.transfers import views

urlpatterns = [
    path("people/<int:pk>/transfer/", views.child_transfer, name="child-transfer"),
    path("transfers/out/<int:pk>/", views.transfer_out, name="transfer-out"),
    path("transfers/out/<int:pk>/pack.json", views.transfer_out_pack, name="transfer-out-pack"),
    path("transfers/out/<int:pk>/print/", views.transfer_out_print, name="transfer-out-print"),
    path("transfers/in/", views.take_in, name="transfer-import"),
    path("transfers/in/<int:pk>/", views.transfer_in, name="transfer-in"),
    path("transfers/in/<int:pk>/print/", views.transfer_in_print, name="transfer-in-print"),
]
