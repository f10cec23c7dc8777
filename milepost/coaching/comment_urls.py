"""The coach's side of goal threads and suggested goals, and the coaching e-mail choices.
Included under the ``coaching`` namespace, from the site's root (the paths are whole)."""

from django.urls import path

from . import comment_views

comment_urlpatterns = [
    path(
        "coach/clients/<int:runner>/goals/<int:pk>/comment/",
        comment_views.goal_comment,
        name="goal_comment",
    ),
    path("coach/clients/<int:runner>/suggest/", comment_views.suggest, name="suggest"),
    path("coaching/email/", comment_views.email_settings, name="email_settings"),
]
