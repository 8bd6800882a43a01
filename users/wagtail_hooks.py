"""Admin pages for the optional two-factor sign-in (users/two_factor.py) and its entry on the account page."""

from django.urls import path, reverse
from django.utils.translation import gettext as _

from wagtail import hooks

from users import two_factor


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/verify/", two_factor.verify, name="two_factor_verify"),
        path("two-factor/enrol/", two_factor.enrol, name="two_factor_enrol"),
        path("two-factor/disable/", two_factor.disable, name="two_factor_disable"),
        path("two-factor/backup-codes/", two_factor.backup_codes, name="two_factor_backup_codes"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    on = two_factor.confirmed_device(request.user) is not None
    return {
        "url": reverse("two_factor_disable" if on else "two_factor_enrol"),
        "label": _("Two-factor sign-in"),
        "help_text": _(
            "On: the admin asks for a code from your app after the password. Click for new backup codes or to "
            "turn it off."
        )
        if on
        else _("Off: click to turn it on with an authenticator app."),
    }
