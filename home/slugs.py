"""ASCII slugs that keep Polish letters as their closest Latin ones.

Django's slugify drops letters that have no Unicode decomposition, so "Łódź – członkostwo" becomes
"odz-czonkostwo". wagtail-localize runs the slug a translator types through it before saving the
translated page; `use_transliterating_slugify` makes it transliterate first ("lodz-czlonkostwo"), as the
admin's own slug field already does in the browser.
"""

from django.utils.text import slugify

from wagtail.coreutils import string_to_ascii


def transliterated_slugify(value, allow_unicode=False):
    return slugify(string_to_ascii(str(value)))


def use_transliterating_slugify():
    import wagtail_localize.models

    wagtail_localize.models.slugify = transliterated_slugify
