from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class ProfileBackend(ModelBackend):
    """Django's own backend, loading the runner's profile with the user: every page needs it
    (time zone, units, the page cache's version), and this saves a query on each."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("profile")
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
