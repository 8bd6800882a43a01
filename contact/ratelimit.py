"""Per-client limit on stored contact messages, counted in Django's cache.

The client is the connecting address, or the address a trusted proxy puts in CONTACT_TRUSTED_PROXY_HEADER
(only when that setting names one: otherwise anybody could send the header and reset their own count).
IPv6 clients count per /64, which is what one household or server usually gets. A cache that is down
lets messages through (and logs it): losing a person's message is worse than letting a bot through.
"""

import hashlib
import ipaddress
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)


def parse_limit(value):
    """ "5/600" -> (5, 600): at most 5 messages per 600 seconds; "0/..." switches the limit off."""
    try:
        count, seconds = (int(part) for part in value.split("/"))
    except ValueError:
        raise ImproperlyConfigured(
            f"CONTACT_RATE_LIMIT must look like 5/600 (messages/seconds), not {value!r}."
        ) from None
    if count < 0 or seconds <= 0:
        raise ImproperlyConfigured(f"CONTACT_RATE_LIMIT must be a count >= 0 and seconds > 0, not {value!r}.")
    return count, seconds


def client_address(request):
    """The visitor's address, from the trusted proxy's header (its last entry) if one is configured."""
    address = request.META.get("REMOTE_ADDR", "")
    header = settings.CONTACT_TRUSTED_PROXY_HEADER
    if header:
        forwarded = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
        if entries:
            address = entries[-1]
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


@dataclass
class RateLimit:
    key: str
    limit: int
    window: int

    @classmethod
    def for_request(cls, request):
        limit, window = parse_limit(settings.CONTACT_RATE_LIMIT)
        digest = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]  # no addresses in the cache
        return cls(key=f"contact:rate:{digest}", limit=limit, window=window)

    def exceeded(self):
        if not self.limit:
            return False
        try:
            return (cache.get(self.key) or 0) >= self.limit
        except Exception:  # any cache failure must let the visitor through
            logger.warning("Contact rate limit not checked: the cache is unavailable.", exc_info=True)
            return False

    def hit(self):
        """Count one stored message; the window starts with the first one."""
        if not self.limit:
            return
        try:
            cache.add(self.key, 0, timeout=self.window)
            cache.incr(self.key)
        except ValueError:  # expired between add and incr
            cache.set(self.key, 1, timeout=self.window)
        except Exception:
            logger.warning("Contact rate limit not counted: the cache is unavailable.", exc_info=True)
