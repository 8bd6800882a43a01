"""An editor cannot give a cluster an accent colour too light to carry text (WCAG 2.1 AA, 4.5:1 on white)."""

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from editorial.tests.admin import edit_url, form_data


@pytest.mark.parametrize("colour", ["#2e7d32", "#767676", "#000000"])
def test_dark_enough_colours_are_accepted(portal, colour):
    portal.pl.cluster.accent_colour = colour
    portal.pl.cluster.full_clean()


@pytest.mark.parametrize(
    ("language_code", "message"),
    [
        ("en", "The contrast of #777777 with white is 4.47:1; at least 4.5:1 is needed (WCAG AA)."),
        ("pl", "Kontrast koloru #777777 z białym wynosi 4,47:1; potrzeba co najmniej 4,5:1 (WCAG AA)."),
    ],
)
def test_a_light_colour_is_refused_with_the_measured_ratio(portal, language_code, message):
    portal.pl.cluster.accent_colour = "#777777"  # 4.478:1, shown rounded down

    with translation.override(language_code), pytest.raises(ValidationError) as refusal:
        portal.pl.cluster.full_clean()

    assert list(refusal.value.message_dict) == ["accent_colour"]
    assert refusal.value.message_dict["accent_colour"][0].startswith(message)


def test_a_malformed_colour_gets_the_format_error_only(portal):
    portal.pl.cluster.accent_colour = "yellow"

    with pytest.raises(ValidationError) as refusal:
        portal.pl.cluster.full_clean()

    with translation.override("en"):  # the validator's message is lazy: translated when read
        assert refusal.value.message_dict["accent_colour"] == [
            "Enter a colour as # followed by six hexadecimal digits, e.g. #1d5c8c."
        ]


def test_the_admin_refuses_yellow_next_to_the_field(portal, admin_client):
    cluster = portal.pl.cluster
    data = form_data(admin_client, edit_url(cluster), accent_colour="#ffdd00")

    response = admin_client.post(edit_url(cluster), data)

    assert response.status_code == 200  # the form again, not a redirect after saving
    assert list(response.context["form"].errors) == ["accent_colour"]
    assert response.context["form"].errors["accent_colour"] == [  # the admin speaks Polish by default
        "Kontrast koloru #ffdd00 z białym wynosi 1,34:1; potrzeba co najmniej 4,5:1 (WCAG AA). "
        "Wybierz ciemniejszy kolor."
    ]
    cluster.refresh_from_db()
    assert cluster.accent_colour == "#2e7d32"
    assert cluster.get_latest_revision().content["accent_colour"] == "#2e7d32"
