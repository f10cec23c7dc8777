"""Password rules of our own, beside Django's (AUTH_PASSWORD_VALIDATORS in settings)."""

from django.core.exceptions import ValidationError


class NotOnlySpacesValidator:
    """Ten spaces are long enough for Django's length rule, but no secret at all."""

    message = "Your password cannot be only spaces. Add some letters, numbers or signs."

    def validate(self, password, user=None):
        if not password.strip():
            raise ValidationError(self.message, code="password_only_spaces")

    def get_help_text(self):
        return "Your password cannot be only spaces."
