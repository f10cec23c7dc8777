from django.urls import path

from . import views

app_name = "nudges"
urlpatterns = [
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("calendar/new/", views.calendar_regenerate, name="calendar_regenerate"),
    path("nudges/<int:pk>/dismiss/", views.nudge_dismiss, name="dismiss"),
    path("nudges/<int:pk>/snooze/", views.nudge_snooze, name="snooze"),
    path("nudges/act/", views.nudge_act, name="act"),
    path("cycles/", views.cycles, name="cycles"),
    path("cycles/<int:pk>/delete/", views.cycle_delete, name="cycle_delete"),
]
