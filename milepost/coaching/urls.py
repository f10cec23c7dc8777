from django.urls import path

from . import views
from .comment_urls import comment_urlpatterns
from .group_urls import group_urlpatterns

app_name = "coaching"

urlpatterns = [
    path("coaching/", views.sharing, name="sharing"),
    path("coaching/sharing/<int:pk>/scopes/", views.grant_scopes, name="grant_scopes"),
    path("coaching/sharing/<int:pk>/status/", views.grant_status, name="grant_status"),
    path("coaching/sharing/<int:pk>/preview/", views.grant_preview, name="grant_preview"),
    path(
        "coaching/invitations/<int:pk>/withdraw/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("coaching/join/<str:token>/", views.invitation, name="invitation"),
    path("coach/", views.coach_roster, name="roster"),
    path("coach/clients/<int:runner>/", views.client, name="client"),
    path("coach/clients/<int:runner>/notes/", views.client_note, name="client_note"),
    path("coach/clients/<int:runner>/goals/<int:pk>/", views.client_goal, name="client_goal"),
    path("coach/clients/<int:runner>/rounds/<int:pk>/", views.client_round, name="client_round"),
    path("coach/clients/<int:runner>/years/", views.client_years, name="client_years"),
    *group_urlpatterns,
    *comment_urlpatterns,
]
