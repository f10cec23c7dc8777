from django.urls import path

from . import views

app_name = "goals"
urlpatterns = [
    path("rounds/<int:pk>/goals/", views.round_goals, name="round_goals"),
    path("rounds/<int:pk>/rest/", views.rest, name="rest"),
    path("rounds/<int:pk>/rest/start/", views.rest_start, name="rest_start"),
    path("rounds/<int:pk>/settle/", views.settle, name="settle"),
    path("rounds/<int:pk>/purpose/", views.purpose, name="purpose"),
    path("rounds/<int:pk>/steps/", views.steps, name="steps"),
    path("rounds/<int:pk>/finish/", views.round_finish, name="round_finish"),
    path("goals/<int:pk>/", views.goal_detail, name="detail"),
    path("goals/<int:pk>/edit/", views.goal_edit, name="edit"),
    path("goals/<int:pk>/purpose/", views.goal_purpose, name="purpose_check"),
    path("goals/<int:pk>/pause/", views.goal_pause, name="pause"),
    path("goals/<int:pk>/resume/", views.goal_resume, name="resume"),
    path("goals/<int:pk>/check-in/", views.goal_check_in, name="check_in"),
    path("goals/<int:pk>/steps/suggested/", views.goal_ladder, name="ladder"),
    path("steps/<int:pk>/done/", views.step_done, name="step_done"),
]
