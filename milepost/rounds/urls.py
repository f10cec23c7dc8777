from django.urls import path

from . import views

app_name = "rounds"
urlpatterns = [
    path("new/", views.round_new, name="round_new"),
    path("years/", views.years, name="years"),
    path("<int:pk>/", views.round_detail, name="round"),
    path("<int:pk>/brainstorm/", views.brainstorm, name="brainstorm"),
    path("<int:pk>/notes/", views.note_add, name="note_add"),
    path("notes/<int:pk>/share/", views.note_share, name="note_share"),
    path("<int:pk>/themes/share/", views.themes_share, name="themes_share"),
    path("<int:pk>/brainstorm/close/", views.brainstorm_close, name="brainstorm_close"),
    path("<int:pk>/themes/", views.themes, name="themes"),
    path("<int:pk>/themes/add/", views.theme_add, name="theme_add"),
    path("<int:pk>/goals/", views.goals, name="goals"),
    path("<int:pk>/rest/", views.rest, name="rest"),
    path("<int:pk>/rest/start/", views.rest_start, name="rest_start"),
    path("<int:pk>/settle/", views.settle, name="settle"),
    path("<int:pk>/purpose/", views.purpose, name="purpose"),
    path("<int:pk>/steps/", views.steps, name="steps"),
    path("<int:pk>/finish/", views.finish, name="finish"),
    path("<int:pk>/summary/", views.summary, name="summary"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/delete/", views.round_delete, name="delete"),
    path("notes/<int:pk>/delete/", views.note_delete, name="note_delete"),
]
