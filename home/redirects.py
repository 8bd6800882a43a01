"""Automatic redirects only from addresses that were public.

Wagtail creates a redirect whenever a page's slug changes. wagtail-localize creates a translation as a
draft copy under the source-language slug and then gives it the translated one, so every first
translation left a redirect from an address nobody could ever open (/en/kontakt -> /en/contact/).
A slug change of a page that was not live is skipped; everything else goes to Wagtail's handler.
"""

import functools

from wagtail.signals import page_slug_changed


def only_from_public_addresses(handler):
    @functools.wraps(handler)
    def receiver(instance_before, instance, **kwargs):
        if not instance_before.live:
            return None
        return handler(instance_before=instance_before, instance=instance, **kwargs)

    return receiver


def skip_redirects_from_unpublished_addresses():
    """Swap Wagtail's receiver for the guarded one, whether wagtail.contrib.redirects is ready yet or not."""
    from wagtail.contrib.redirects import signal_handlers

    original = signal_handlers.autocreate_redirects_on_slug_change
    guarded = only_from_public_addresses(original)
    signal_handlers.autocreate_redirects_on_slug_change = guarded  # what its ready() will connect
    if page_slug_changed.disconnect(original):  # or it is connected already
        page_slug_changed.connect(guarded)
