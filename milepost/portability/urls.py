from django.urls import path

from . import views

app_name = "portability"
urlpatterns = [
    path("export/", views.export_start, name="export_start"),
    path("export/<int:pk>/", views.export_detail, name="export"),
    path("export/<int:pk>/download/", views.export_download, name="download"),
    path("delete/", views.delete_account, name="delete"),
]
