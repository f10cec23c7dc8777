def profile(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"profile": getattr(user, "profile", None)}
