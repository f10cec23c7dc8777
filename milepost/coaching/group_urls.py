"""The group pages and the coach's own questions, included under the ``coaching`` namespace
(``milepost/urls.py``)."""

from django.urls import path

from . import group_views as views

group_urlpatterns = [
    path("coach/groups/", views.group_list, name="groups"),
    path("coach/groups/<int:pk>/", views.group, name="group"),
    path("coach/groups/<int:pk>/round/", views.group_round_start, name="group_round_start"),
    path(
        "coach/clients/<int:runner>/rounds/<int:pk>/question/",
        views.client_round_question,
        name="client_round_question",
    ),
    path("groups/join/<str:token>/", views.group_join, name="group_join"),
    path("groups/<int:pk>/", views.member_group, name="member_group"),
    path("groups/<int:pk>/take-part/", views.take_part, name="take_part"),
]
