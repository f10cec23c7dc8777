from .models import DemoRunner

SESSION_KEY = "milepost_demo_runner"


def demo_banner(request):
    """``demo_runner`` is true on every page while the demo runner is logged in.

    Asked once per session and kept in it (logging in as someone else starts a new session),
    so the banner costs no query per page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    session = request.session
    if SESSION_KEY not in session:
        session[SESSION_KEY] = DemoRunner.objects.filter(user=user).exists()
    return {"demo_runner": session[SESSION_KEY]}
