from django.urls import path

from . import views

app_name = "goals"
urlpatterns = [
    path("goals/<int:pk>/", views.goal_detail, name="detail"),
    path("goals/<int:pk>/edit/", views.goal_edit, name="edit"),
    path("goals/<int:pk>/purpose/", views.goal_purpose, name="purpose_check"),
    path("goals/<int:pk>/pause/", views.goal_pause, name="pause"),
    path("goals/<int:pk>/resume/", views.goal_resume, name="resume"),
    path("goals/<int:pk>/activate/", views.goal_activate, name="activate"),
    path("goals/<int:pk>/reached/", views.goal_reached, name="reached"),
    path("goals/<int:pk>/check-in/", views.goal_check_in, name="check_in"),
    path("goals/<int:pk>/steps/suggested/", views.goal_ladder, name="ladder"),
    path("goals/<int:pk>/comments/", views.goal_comment, name="comment"),
    path("goals/<int:pk>/delete/", views.goal_delete, name="delete"),
    path("steps/<int:pk>/done/", views.step_done, name="step_done"),
    path("suggestions/<int:pk>/accept/", views.suggestion_accept, name="suggestion_accept"),
    path("suggestions/<int:pk>/decline/", views.suggestion_decline, name="suggestion_decline"),
]
