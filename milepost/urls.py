from django.urls import include, path
from django.views.generic import TemplateView

from milepost.goals import views as goal_views

urlpatterns = [
    path("", goal_views.home, name="home"),
    path("dashboard/", goal_views.dashboard, name="dashboard"),
    path("accounts/", include("milepost.accounts.urls")),
    path("rounds/", include("milepost.reflection.urls")),
    path("tools/", include("milepost.calculator.urls")),
    path("runs/", include("milepost.runs.urls")),
    path(
        "how-we-estimate/",
        TemplateView.as_view(template_name="goals/how_we_estimate.html"),
        name="how_we_estimate",
    ),
    path("paper/", include("milepost.paper.urls")),
    path("", include("milepost.nudges.urls")),
    path("", include("milepost.goals.urls")),
]
