from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from milepost.web import client_address, redirect_next, safe_next, site_url

from . import mail
from .forms import (
    EmailAddressForm,
    EmailChoicesForm,
    LimitedAuthenticationForm,
    LimitedPasswordChangeForm,
    RunningLatelyForm,
    SignupForm,
    VerifiedPasswordResetForm,
)
from .models import EmailChoice, PasswordResetAttempt, SignupAttempt

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
        if mail.send_verification(user=user, base=site_url(request)):
            messages.info(request, f"We sent a link to {user.email}: follow it to confirm it.")
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


# E-mail: the address, its confirmation, the choices and unsubscribing (milepost/accounts/mail.py)


def email_section(user, *, address_form=None) -> dict:
    """What the profile page's "E-mails" section shows."""
    return {
        "address_form": address_form or EmailAddressForm(initial={"email": user.email}),
        "verified": mail.verified_address(user) is not None,
        "can_resend": mail.can_resend(user),
        "choices_form": EmailChoicesForm(chosen=EmailChoice.objects.chosen(user)),
    }


def to_emails():
    return redirect(reverse("accounts:profile") + "#emails")


@login_required
def email_address(request):
    """The runner's e-mail address: changing it sends a link to confirm the new one."""
    form = EmailAddressForm(request.POST or None, initial={"email": request.user.email})
    if form.is_valid():
        address = form.cleaned_data["email"]
        sent = mail.change_address(user=request.user, email=address, base=site_url(request))
        if sent:
            messages.success(request, f"Saved. We sent a link to {address}: follow it to confirm.")
        elif not address:
            messages.success(request, "Saved. Milepost will not e-mail you.")
        elif mail.verified_address(request.user):
            messages.success(request, "Saved.")
        else:
            wait = settings.VERIFY_RESEND_MINUTES
            messages.success(
                request,
                f"Saved. A link went out a moment ago: in {wait} minutes you can send one to "
                "this address with “Send the link again”.",
            )
        return to_emails()
    context = email_section(request.user, address_form=form)
    status = 400 if form.errors else 200
    return render(request, "accounts/email_address.html", context, status=status)


@login_required
@require_POST
def verify_resend(request):
    user = request.user
    if mail.verified_address(user) or not user.email:
        return to_emails()
    if not mail.can_resend(user):
        wait = settings.VERIFY_RESEND_MINUTES
        messages.error(
            request, f"A link went out a moment ago. Please wait {wait} minutes between links."
        )
        return to_emails()
    mail.send_verification(user=user, base=site_url(request))
    messages.success(request, f"We sent a new link to {user.email}.")
    return to_emails()


def verify_email(request, token):
    """The link from the e-mail: a page with a button (a GET never writes), which confirms."""
    try:
        user = mail.read_verification_token(token)
    except mail.BadLink as refused:
        return render(request, "accounts/link_refused.html", {"reason": str(refused)}, status=400)
    done = mail.verified_address(user) is not None
    if request.method == "POST" and not done:
        try:
            mail.confirm_address(user=user)
        except mail.BadLink as refused:
            context = {"reason": str(refused)}
            return render(request, "accounts/link_refused.html", context, status=409)
        done = True
        messages.success(request, f"Thank you: {user.email} is confirmed.")
        return redirect(request.path)
    return render(request, "accounts/verify_email.html", {"address": user.email, "done": done})


@login_required
@require_POST
def email_choices(request):
    form = EmailChoicesForm(request.POST, chosen=EmailChoice.objects.chosen(request.user))
    form.is_valid()  # tick boxes: always valid
    EmailChoice.objects.choose(user=request.user, choices=form.cleaned_data)
    messages.success(request, "Saved. You get just the e-mails you chose.")
    return to_emails()


@csrf_exempt  # the token is the proof; mail programs POST here without a session (RFC 8058)
def unsubscribe(request, token):
    """The link at the foot of every e-mail: a page with a button (a GET never writes), and
    the one-click POST that turns that kind of e-mail off."""
    try:
        user, kind = mail.read_unsubscribe_token(token)
    except mail.BadLink as refused:
        return render(request, "accounts/link_refused.html", {"reason": str(refused)}, status=400)
    label = mail.KINDS[kind].label
    if request.method == "POST":
        EmailChoice.objects.choose(user=user, choices={kind: False})
        return render(request, "accounts/unsubscribe.html", {"label": label, "done": True})
    done = not mail.wants(user, kind)
    return render(request, "accounts/unsubscribe.html", {"label": label, "done": done})


# Password reset by e-mail: Django's views, to confirmed addresses only, throttled per client

TOO_MANY_RESETS = "Too many requests from here. Please try again in a while."


class PasswordResetView(auth_views.PasswordResetView):
    form_class = VerifiedPasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request, *args, **kwargs):
        address = client_address(request)
        if PasswordResetAttempt.objects.is_limited(address):
            form = self.form_class(initial={"email": request.POST.get("email", "")[:254]})
            context = self.get_context_data(form=form, refused=TOO_MANY_RESETS)
            return self.render_to_response(context, status=429)
        PasswordResetAttempt.objects.record(address)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        self.extra_email_context = {"site_url": site_url(self.request)}
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("accounts:password_reset_complete")
