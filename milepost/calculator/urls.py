from django.urls import path

from . import views

app_name = "calculator"
urlpatterns = [path("pace/", views.pace, name="pace")]
