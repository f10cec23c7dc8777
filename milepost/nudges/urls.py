from django.urls import path

from . import views

app_name = "nudges"
urlpatterns = [
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("calendar/new/", views.calendar_regenerate, name="calendar_regenerate"),
]
