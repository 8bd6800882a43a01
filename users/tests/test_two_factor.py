"""Optional two-factor sign-in (users/two_factor.py): an editor turns it on with an authenticator app, the admin
then asks for the app's code (or a backup code) after the password, and the editor can turn it off again.
Everyone signs in through the real admin form."""

import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.urls import reverse

from wagtail.users.models import UserProfile

from home.models import HomePage

pytestmark = pytest.mark.django_db

LOGIN = reverse("wagtailadmin_login")
HOME = reverse("wagtailadmin_home")
VERIFY = reverse("two_factor_verify")
ENROL = reverse("two_factor_enrol")
DISABLE = reverse("two_factor_disable")
BACKUP_CODES = reverse("two_factor_backup_codes")
PASSWORD = "the-right-password"  # noqa: S105


@pytest.fixture
def editor(portal, django_user_model):
    user = django_user_model.objects.create_superuser("redaktorka", "r@example.org", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def sign_in(client, username="redaktorka"):
    response = client.post(LOGIN, {"username": username, "password": PASSWORD}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    return response


def code(device, wrong=False):
    """The app's current code. The test clock barely moves, so let the device forget the last code it
    accepted (django-otp refuses a code twice) and any throttle pause left by an earlier wrong code."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        last_t=-1, throttling_failure_count=0, throttling_failure_timestamp=None
    )
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    right = f"{totp.token():0{device.digits}d}"
    return f"{(int(right) + 1) % 10**device.digits:0{device.digits}d}" if wrong else right


def enrolled_device(client, editor):
    sign_in(client)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=editor)
    assert client.post(ENROL, {"code": code(device)}).status_code == 200  # the backup codes, shown once
    client.logout()
    device.refresh_from_db()
    return device


def edit_url():
    return reverse("wagtailadmin_pages:edit", args=[HomePage.objects.first().pk])


def test_without_a_device_the_password_alone_reaches_the_dashboard(client, editor):
    sign_in(client)
    assert client.get(HOME).status_code == 200
    assert client.get(edit_url()).status_code == 200


def test_the_account_page_links_to_two_factor_sign_in_with_its_status(client, editor):
    sign_in(client)
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert "Two-factor sign-in" in account
    assert ENROL in account
    assert "Off:" in account


def test_enrolment_shows_a_qr_code_and_the_secret_and_needs_the_right_code(client, editor):
    sign_in(client)
    page = client.get(ENROL)
    assert page.status_code == 200
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    assert "<svg" in html
    assert "<script" not in html.split('id="main"')[1]
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    assert secret[:4] in html and secret[-4:] in html
    assert client.get(ENROL).status_code == 200
    assert TOTPDevice.objects.filter(user=editor).count() == 1  # one pending device at a time

    refused = client.post(ENROL, {"code": code(device, wrong=True)})
    assert refused.status_code == 200
    assert "That code is not right" in refused.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    accepted = client.post(ENROL, {"code": code(device)})
    assert accepted.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(HOME).status_code == 200  # this session is verified
    assert DISABLE in client.get(reverse("wagtailadmin_account")).content.decode()


def test_with_a_device_the_admin_asks_for_the_code_after_the_password(client, editor):
    device = enrolled_device(client, editor)
    sign_in(client)

    for url in (HOME, edit_url()):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(VERIFY)
        assert "next=" in response["Location"]

    page = client.get(f"{VERIFY}?next={edit_url()}")
    assert page.status_code == 200
    assert "Enter the code from your app" in page.content.decode()

    wrong = client.post(VERIFY, {"code": code(device, wrong=True), "next": HOME})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    throttled = client.post(VERIFY, {"code": "000000", "next": HOME})  # straight after: paused
    assert "Too many wrong codes" in throttled.content.decode()
    assert client.get(HOME).status_code == 302

    right = client.post(VERIFY, {"code": code(device), "next": edit_url()})
    assert right.status_code == 302
    assert right["Location"] == edit_url()
    assert client.get(HOME).status_code == 200


def test_even_the_right_code_is_not_tried_straight_after_a_wrong_one(client, editor):
    device = enrolled_device(client, editor)
    sign_in(client)
    client.post(VERIFY, {"code": code(device, wrong=True)})
    right_but_too_soon = client.post(VERIFY, {"code": _current(device)})
    assert "Too many wrong codes" in right_but_too_soon.content.decode()
    assert client.get(HOME).status_code == 302


def _current(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def test_an_external_next_is_not_followed(client, editor):
    device = enrolled_device(client, editor)
    sign_in(client)
    response = client.post(VERIFY, {"code": code(device), "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == HOME


def test_turning_it_off_needs_a_code_and_then_the_password_suffices(client, editor):
    device = enrolled_device(client, editor)
    sign_in(client)
    client.post(VERIFY, {"code": code(device)})

    assert client.get(DISABLE).status_code == 200
    refused = client.post(DISABLE, {"code": code(device, wrong=True)})
    assert "That code is not right" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=editor).exists()

    assert client.post(DISABLE, {"code": code(device)}).status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()  # the backup codes go too
    client.logout()
    sign_in(client)
    assert client.get(HOME).status_code == 200


def test_the_django_admin_is_covered_too(client, editor):
    enrolled_device(client, editor)
    sign_in(client)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_the_verify_step_speaks_polish_to_a_polish_editor(client, editor):
    device = enrolled_device(client, editor)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "pl"
    profile.save()
    sign_in(client)
    page = client.get(VERIFY).content.decode()
    assert "Wpisz kod z aplikacji" in page
    wrong = client.post(VERIFY, {"code": code(device, wrong=True)}).content.decode()
    assert "Ten kod jest nieprawidłowy" in wrong


def backup_codes_of(editor):
    return set(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))


def test_turning_it_on_shows_ten_backup_codes_only_then(client, editor):
    sign_in(client)
    client.get(ENROL)
    page = client.post(ENROL, {"code": code(TOTPDevice.objects.get(user=editor))}).content.decode()

    codes = backup_codes_of(editor)
    assert len(codes) == 10
    assert all(backup in page for backup in codes)
    later = client.get(BACKUP_CODES).content.decode()
    assert "You have 10 unused backup codes." in later
    assert not any(backup in later for backup in codes)


def test_a_backup_code_signs_in_once(client, editor):
    enrolled_device(client, editor)
    backup = sorted(backup_codes_of(editor))[0]
    sign_in(client)

    typed = f"{backup[:4].upper()}-{backup[4:].upper()}"  # as people copy it: case and a dash do not matter
    response = client.post(VERIFY, {"code": typed, "next": HOME}, follow=True)
    assert response.status_code == 200
    assert "9 are left" in response.content.decode()
    assert client.get(HOME).status_code == 200

    client.logout()
    sign_in(client)
    reused = client.post(VERIFY, {"code": backup})
    assert "That code is not right" in reused.content.decode()
    assert client.get(HOME).status_code == 302


def test_new_backup_codes_need_the_apps_code_and_replace_the_old_ones(client, editor):
    device = enrolled_device(client, editor)
    old = backup_codes_of(editor)
    sign_in(client)
    client.post(VERIFY, {"code": code(device)})

    refused = client.post(BACKUP_CODES, {"code": code(device, wrong=True)})
    assert "That code is not right" in refused.content.decode()
    assert backup_codes_of(editor) == old

    made = client.post(BACKUP_CODES, {"code": code(device)}).content.decode()
    new = backup_codes_of(editor)
    assert len(new) == 10 and not new & old
    assert all(backup in made for backup in new)

    client.logout()
    sign_in(client)
    assert "That code is not right" in client.post(VERIFY, {"code": sorted(old)[0]}).content.decode()
