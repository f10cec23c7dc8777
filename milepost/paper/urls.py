from django.urls import path

from . import views

app_name = "paper"
urlpatterns = [
    path("worksheet.pdf", views.worksheet, name="worksheet"),
    path("rounds/<int:pk>/reflection.pdf", views.reflection, name="reflection"),
    path("goals.pdf", views.goals, name="goals"),
]
