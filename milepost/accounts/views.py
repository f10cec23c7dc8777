from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from milepost.web import redirect_next, safe_next

from .forms import LimitedAuthenticationForm, RunningLatelyForm, SignupForm


def signup(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
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


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("accounts:password_change_done")


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
