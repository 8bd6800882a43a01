"""Where the privacy notice is, for the consent checkbox of every contact form.

The address is cached per language (it changes only when a notice is published, unpublished or deleted,
which clears it), so showing a contact form costs no extra query.
"""

import logging

from django.core.cache import cache

from wagtail.models import Locale

logger = logging.getLogger(__name__)
TIMEOUT = 600


def _key(locale_id):
    return f"contact:privacy-notice-url:{locale_id}"


def _lookup(locale_id):
    from .models import PrivacyNoticePage

    notices = PrivacyNoticePage.objects.live().order_by("path")
    notice = notices.filter(locale_id=locale_id).first() or notices.first()
    return notice.url if notice else ""


def notice_url(locale_id):
    """The live notice in this language, else in any language; "" when there is none."""
    try:
        url = cache.get(_key(locale_id))
    except Exception:  # a cache that is down only costs the query
        logger.warning("Privacy notice address not read from the cache.", exc_info=True)
        return _lookup(locale_id)
    if url is None:
        url = _lookup(locale_id)
        try:
            cache.set(_key(locale_id), url, TIMEOUT)
        except Exception:
            logger.warning("Privacy notice address not cached.", exc_info=True)
    return url


def forget(**kwargs):
    """Signal receiver: a notice was published, unpublished or deleted."""
    try:
        cache.delete_many([_key(pk) for pk in Locale.objects.values_list("pk", flat=True)])
    except Exception:
        logger.warning("Privacy notice addresses not cleared from the cache.", exc_info=True)
