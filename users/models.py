from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The portal's user: Django's own, swappable from day one so fields can be added later
    without the migration surgery a switch from auth.User needs."""
