"""Optional two-factor sign-in for the Wagtail admin: a time-based code (TOTP) from an authenticator app, on
django-otp. An editor turns it on from the account page; from then on, after the password, the admin asks for
the app's current code once per session. Editors without a confirmed device are not affected. Ten backup codes,
each good once, are shown when it is turned on (and anew on request), for when the phone is lost."""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import time_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

# Areas where a password alone is not enough for an editor who has turned two-factor sign-in on.
PROTECTED_PREFIXES = ("/admin/", "/django-admin/")
BACKUP_CODE_COUNT = 10


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def backup_device(user):
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def new_backup_codes(user):
    """Replace the editor's backup codes with BACKUP_CODE_COUNT new ones (8 letters and digits, each good once)
    and return them: they are shown once and stored as django-otp keeps them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Backup codes"), confirmed=True)
    codes = [StaticToken.random_token() for _unused in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


class TwoFactorMiddleware:
    """Sends an editor with a confirmed device whose session has not given a code yet to the verify step.
    Goes after django_otp's OTPMiddleware, which gives request.user its is_verified()."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith(PROTECTED_PREFIXES)
            and user.is_authenticated
            and not user.is_verified()
            and request.path not in self.exempt_paths()
            and user_has_device(user, confirmed=True)
        ):
            return redirect(f"{reverse('two_factor_verify')}?{next_query(request.get_full_path())}")
        return self.get_response(request)

    @staticmethod
    def exempt_paths():
        return {
            reverse("two_factor_verify"),
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_javascript_catalog"),
            reverse("admin:logout"),
            reverse("admin:jsi18n"),
        }


def next_query(url):
    return urlencode({"next": url})


def safe_next(request):
    """The ?next= (or posted next) address when it stays on this site, else the dashboard."""
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


class CodeForm(forms.Form):
    """The six-digit code, checked against the device with django-otp's throttle: after each wrong code the
    next attempt must wait 1, 2, 4, 8 … seconds, so guessing a code is out of reach. With `backup` (the
    editor's backup codes device), a backup code is taken instead and used up; `device` is then that one."""

    code = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "size": 8}
        ),
    )

    def __init__(self, device, *args, backup=None, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)
        if backup is not None:
            self.fields["code"].label = gettext_lazy("Code from your authenticator app, or a backup code")
            self.fields["code"].widget.attrs["inputmode"] = "text"
        self.backup = backup

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "").replace("-", "").lower()
        if self.backup is not None and not code.isdigit():  # app codes are digits; backup codes have letters
            self.device = self.backup
        allowed, info = self.device.verify_is_allowed()
        if not allowed:
            until = info.get("locked_until") if info else None
            if until:
                raise ValidationError(
                    _("Too many wrong codes. Try again after %(time)s.")
                    % {"time": time_format(localtime(until), "H:i:s")}
                )
            raise ValidationError(_("Too many wrong codes. Try again later."))
        if not self.device.verify_token(code):  # a wrong code counts towards the throttle
            raise ValidationError(_("That code is not right. Enter the current code from your app."))
        return code


def verify(request):
    """The step after the password for an editor who has turned two-factor sign-in on."""
    next_url = safe_next(request)
    device = confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(next_url)
    form = CodeForm(device, request.POST or None, backup=backup_device(request.user))
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        if form.device is form.backup:
            left = form.backup.token_set.count()
            messages.warning(
                request,
                ngettext(
                    "You signed in with a backup code; %(count)d is left. Make new ones from your account page.",
                    "You signed in with a backup code; %(count)d are left. Make new ones from your account page.",
                    left,
                )
                % {"count": left},
            )
        return redirect(next_url)
    return render(request, "users/two_factor_verify.html", {"form": form, "next": next_url})


def enrol(request):
    """Turn two-factor sign-in on: a new secret (one unconfirmed device at a time) as a QR code and as text,
    confirmed by the first code the app shows."""
    user = request.user
    if confirmed_device(user):
        return redirect("two_factor_disable")
    pending = list(TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk"))
    if pending:
        device = pending[0]
        TOTPDevice.objects.filter(pk__in=[extra.pk for extra in pending[1:]]).delete()
    else:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Two-factor sign-in is on."))
        return render(request, "users/two_factor_backup_codes.html", {"codes": new_backup_codes(user)})
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("QR code for your app"))
    return render(
        request,
        "users/two_factor_enrol.html",
        {
            "form": form,
            "qr_svg": mark_safe(qr_svg),  # noqa: S308 (segno draws paths only; the user name is encoded, not shown)
            "secret": " ".join(_chunks(b32encode(device.bin_key).decode().rstrip("="))),
        },
    )


def _chunks(text, size=4):
    return [text[i : i + size] for i in range(0, len(text), size)]


def _app_code_form(request):
    """A CodeForm for the editor's app (bound to a POST), or None when two-factor sign-in is off."""
    device = confirmed_device(request.user)
    return CodeForm(device, request.POST or None) if device is not None else None


def disable(request):
    """Turn two-factor sign-in off (a POST with a current code): deletes the editor's devices."""
    form = _app_code_form(request)
    if form is None:
        return redirect("two_factor_enrol")
    if request.method == "POST" and form.is_valid():
        TOTPDevice.objects.filter(user=request.user).delete()
        StaticDevice.objects.filter(user=request.user).delete()
        messages.success(request, _("Two-factor sign-in is off."))
        return redirect("wagtailadmin_account")
    return render(request, "users/two_factor_disable.html", {"form": form})


def backup_codes(request):
    """New backup codes (a POST with a current code from the app): the old ones stop working."""
    form = _app_code_form(request)
    if form is None:
        return redirect("two_factor_enrol")
    if request.method == "POST" and form.is_valid():
        return render(request, "users/two_factor_backup_codes.html", {"codes": new_backup_codes(request.user)})
    left = getattr(backup_device(request.user), "token_set", StaticToken.objects.none()).count()
    return render(request, "users/two_factor_backup_codes.html", {"form": form, "left": left})
