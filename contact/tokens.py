"""The signed form token: when the form was shown, and a nonce that makes a resent POST recognisable.

A bot that posts without loading the form, or tampers with the token, or posts faster than a person can
type, is recognised here. The token is signed, not stored: nothing is written until a message is accepted.
"""

import enum
import secrets
import time

from django.conf import settings
from django.core import signing

SALT = "contact.form-token"


class Verdict(enum.Enum):
    OK = "ok"
    INVALID = "invalid"  # missing, tampered with or malformed: a bot
    TOO_FAST = "too-fast"  # sent sooner than a person could fill the form in: a bot
    EXPIRED = "expired"  # an old tab: a person, who is asked to send again


def issue(backdate=0.0):
    """A fresh token; `backdate` seconds older, for a person who has already filled the form in."""
    issued = round(time.time() - backdate, 3)
    return signing.Signer(salt=SALT).sign_object({"t": issued, "n": secrets.token_urlsafe(16)})


def check(token):
    """(verdict, nonce) for the token sent back with the form."""
    try:
        payload = signing.Signer(salt=SALT).unsign_object(token or "")
        issued, nonce = float(payload["t"]), str(payload["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return Verdict.INVALID, None
    age = time.time() - issued
    if age < settings.CONTACT_MIN_SECONDS:
        return Verdict.TOO_FAST, nonce
    if age > settings.CONTACT_FORM_MAX_AGE:
        return Verdict.EXPIRED, nonce
    return Verdict.OK, nonce
