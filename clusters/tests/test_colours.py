"""clusters.colours: WCAG 2.x relative luminance and contrast ratio, checked against published values."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusters.colours import AA_TEXT_CONTRAST, WHITE, contrast_ratio, relative_luminance

colours = st.integers(0, 0xFFFFFF).map(lambda value: f"#{value:06x}")


def test_luminance_runs_from_black_to_white():
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ffffff") == pytest.approx(1)
    assert relative_luminance("#FF0000") == pytest.approx(0.2126)  # upper case is the same colour


@pytest.mark.parametrize(
    ("colour", "ratio"),
    [
        ("#000000", 21),
        ("#ffffff", 1),
        ("#767676", 4.54),  # the lightest grey that passes AA on white (WebAIM)
        ("#777777", 4.48),  # one step lighter fails
        ("#1d5c8c", 7.09),  # the portal's link colour
    ],
)
def test_contrast_with_white_matches_published_values(colour, ratio):
    assert contrast_ratio(colour, WHITE) == pytest.approx(ratio, abs=0.01)


def test_the_aa_threshold_falls_between_the_two_greys():
    assert contrast_ratio("#777777", WHITE) < AA_TEXT_CONTRAST <= contrast_ratio("#767676", WHITE)


@given(colours, colours)
def test_contrast_is_symmetric_and_between_1_and_21(first, second):
    ratio = contrast_ratio(first, second)
    assert ratio == contrast_ratio(second, first)
    assert 1 <= ratio <= 21 + 1e-9
