"""Keep Wagtail's Locale rows in step with WAGTAIL_CONTENT_LANGUAGES."""

from django.conf import settings

from wagtail.models import Locale


def create_content_locales(**kwargs):
    """Create a Locale for every configured content language, so that adding a language
    is a settings change followed by migrate."""
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)
