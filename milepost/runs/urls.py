from django.urls import path

from . import feelings, views

app_name = "runs"
urlpatterns = [
    path("", views.activity_list, name="list"),
    path("new/", views.activity_new, name="new"),
    path("glance/", views.running_glance, name="glance"),
    path("import/", views.import_upload, name="import"),
    path("import/<int:pk>/", views.import_batch, name="batch"),
    path("import/<int:pk>/resume/", views.import_resume, name="batch_resume"),
    path("<int:pk>/", views.activity_detail, name="detail"),
    path("<int:pk>/delete/", views.activity_delete, name="delete"),
    path("<int:pk>/original/", views.activity_original, name="original"),
    path("<int:pk>/feeling/", feelings.activity_feeling, name="feeling"),
    path("<int:pk>/race/", views.activity_race, name="race"),
]
