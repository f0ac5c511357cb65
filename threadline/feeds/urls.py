from django.urls import path

from threadline.feeds import api

urlpatterns = [path("feeds/", api.send_feed, name="api-send-feed")]
