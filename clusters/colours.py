"""WCAG 2.x contrast arithmetic for colours editors choose: relative luminance and contrast ratio.

Plain functions on "#rrggbb" strings, so the model, templates and tests share one definition of the rule.
https://www.w3.org/TR/WCAG21/#dfn-relative-luminance and #dfn-contrast-ratio
"""

WHITE = "#ffffff"
# WCAG 2.1 AA (1.4.3) for text of normal size; large text and graphics (1.4.11) need 3:1.
AA_TEXT_CONTRAST = 4.5


def relative_luminance(colour):
    """Relative luminance (0 for black, 1 for white) of a "#rrggbb" colour in sRGB."""
    channels = (int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5))
    red, green, blue = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    """Contrast ratio of two "#rrggbb" colours, from 1 (the same) to 21 (black and white); order does not matter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
