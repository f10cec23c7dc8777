"""The face: every app's pages under one address space. The profile page shows the calendar
feed (nudges), so it is served by the dashboard app under the accounts' addresses."""

from django.urls import include, path
from django.views.generic import TemplateView

from milepost.accounts.urls import urlpatterns as account_urls
from milepost.api.api import api
from milepost.dashboard import views as dashboard

urlpatterns = [
    path("", dashboard.home, name="home"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path(
        "accounts/",
        include(
            (
                [
                    *account_urls,
                    path("profile/", dashboard.profile, name="profile"),
                    path("profile/tokens/", dashboard.token_create, name="token_create"),
                    path(
                        "profile/tokens/<int:pk>/revoke/",
                        dashboard.token_revoke,
                        name="token_revoke",
                    ),
                ],
                "accounts",
            )
        ),
    ),
    path("rounds/", include("milepost.rounds.urls")),
    path("tools/", include("milepost.calculator.urls")),
    path("runs/", include("milepost.runs.urls")),
    path(
        "how-we-estimate/",
        TemplateView.as_view(template_name="goals/how_we_estimate.html"),
        name="how_we_estimate",
    ),
    path("paper/", include("milepost.paper.urls")),
    path("api/v1/", api.urls),
    path("your-data/", include("milepost.portability.urls")),
    path("", include("milepost.coaching.urls")),
    path("", include("milepost.nudges.urls")),
    path("", include("milepost.goals.urls")),
]
