from django.urls import include, path

from milepost.goals import views as goal_views

urlpatterns = [
    path("", goal_views.home, name="home"),
    path("dashboard/", goal_views.dashboard, name="dashboard"),
    path("accounts/", include("milepost.accounts.urls")),
    path("rounds/", include("milepost.reflection.urls")),
    path("", include("milepost.goals.urls")),
]
