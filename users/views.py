"""What a visitor sees when django-axes has paused sign-ins after too many failures."""

from django.conf import settings
from django.shortcuts import render


def sign_in_locked(request, original_response=None, credentials=None):
    """A page in the visitor's language that says how long to wait, answered with 429 Too Many Requests."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(request, "users/sign_in_locked.html", {"minutes": minutes}, status=429)
