from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from milepost.web import client_address, redirect_next, safe_next

from .forms import (
    LimitedAuthenticationForm,
    LimitedPasswordChangeForm,
    RunningLatelyForm,
    SignupForm,
)
from .models import SignupAttempt

TOO_MANY_SIGNUPS = "Too many sign-ups from here. Please try again later."


def signup(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    if request.method == "POST":
        # Before the form is checked, so a refused address learns nothing, not even whether
        # a username is taken.
        address = client_address(request)
        if SignupAttempt.objects.is_limited(address):
            form = SignupForm(initial={"username": request.POST.get("username", "")[:150]})
            context = {"form": form, "refused": TOO_MANY_SIGNUPS}
            return render(request, "registration/signup.html", context, status=429)
        SignupAttempt.objects.record(address)
    form = SignupForm(request.POST or None)
    if form.is_valid():
        user = form.save()
        login(request, user, backend="milepost.accounts.backends.ProfileBackend")
        messages.success(request, "Welcome to Milepost. Tell us a little about yourself.")
        return redirect("accounts:profile")
    return render(request, "registration/signup.html", {"form": form})


class LoginView(auth_views.LoginView):
    authentication_form = LimitedAuthenticationForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Signing out also empties what this browser keeps for Milepost (brainstorm drafts in
    localStorage, cached pages), for the next person at a shared computer. app.js does the
    same for browsers that ignore the header."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = LimitedPasswordChangeForm
    success_url = reverse_lazy("accounts:password_change_done")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


@login_required
def running_lately(request):
    form = RunningLatelyForm(request.POST or None, instance=request.user.profile)
    if form.is_valid():
        form.save()
        messages.success(request, "Thank you. Your goals now show how they look from here.")
        return redirect_next(request, "dashboard")
    return render(
        request, "accounts/running_lately.html", {"form": form, "next": safe_next(request)}
    )
