"""The e-mail tasks. django-tasks logs and records a task that fails; nothing reaches the editor's request.

They run on the "editorial" task backend (settings TASKS): immediate by default, i.e. after the editor's
transaction commits, within the same request; the database queue moves them to a worker
(EDITORIAL_TASKS_BACKEND=django_tasks_db.DatabaseBackend and `manage.py db_worker --backend editorial`).
"""

import logging

from django_tasks import task

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation

from wagtail.models import Page

logger = logging.getLogger(__name__)
BACKEND = "editorial"


def enqueue(task, *args):
    """Queue a task; a queue that cannot be reached is logged, never raised into the editor's action."""
    try:
        task.enqueue(*args)
    except Exception:
        logger.exception("Could not queue the e-mail task %s%r.", task.name, args)


@task(backend=BACKEND)
def send_workflow_mail(notifier_name, model_label, pk, user_pk):
    """Run one of Wagtail's workflow notifiers on the task or workflow state it was called for."""
    from .notifications import wagtail_notifier

    instance = apps.get_model(model_label).objects.get(pk=pk)
    instance = getattr(instance, "specific", instance)
    user = get_user_model().objects.filter(pk=user_pk).first() if user_pk else None
    # Recipients without a preferred language get the portal's default, not the active language.
    with translation.override(settings.LANGUAGE_CODE):
        wagtail_notifier(notifier_name)(instance=instance, user=user)


@task(backend=BACKEND)
def mail_translators(page_pk, editor_pk):
    """Tell the translators of a page that its source changed."""
    from .notifications import mail_translators_of

    page = Page.objects.filter(pk=page_pk).first()
    if page is not None:
        with translation.override(settings.LANGUAGE_CODE):
            mail_translators_of(page.specific, editor_pk)
