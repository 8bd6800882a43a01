"""A visitor's POST to a contact page: limit, trap bots, validate, store once, then queue the e-mail.

The message is committed before any e-mail is tried (the e-mail task is queued on commit), so a mail
server that is down can never cost a message nor show the visitor an error. Bots (honeypot filled,
token missing or forged, form sent too fast) see the thank-you page and leave nothing behind.
"""

import hashlib
import json
import logging
from functools import partial

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import tokens
from .forms import CONSENT, RESERVED_NAMES, TOKEN
from .ratelimit import RateLimit
from .submissions import ContactSubmission
from .tasks import enqueue_notification

logger = logging.getLogger(__name__)


def handle_post(page, request):
    limit = RateLimit.for_request(request)
    if limit.exceeded():
        return rate_limited(page, request, limit)
    form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
    verdict, nonce = tokens.check(request.POST.get(TOKEN))
    if form.honeypot_filled() or verdict is tokens.Verdict.INVALID:
        return dropped(page, request, "honeypot" if form.honeypot_filled() else verdict.value)
    if verdict is tokens.Verdict.EXPIRED:
        form.renew_token()
        form.is_valid()
        form.add_error(None, _("This form was open for a long time. Please check your message and send it again."))
        return render_form(page, request, form)
    if not form.is_valid():  # errors are shown even to the too fast: a person must never read "sent" wrongly
        return render_form(page, request, form)
    if verdict is tokens.Verdict.TOO_FAST:
        return dropped(page, request, verdict.value)
    submission, created = store(page, form, nonce, request)
    if created:
        limit.hit()
        transaction.on_commit(partial(enqueue_notification, submission.pk), robust=True)
    return page.render_landing_page(request, submission)


def dropped(page, request, reason):
    """A bot's message: it sees the thank-you page, nothing is stored or sent."""
    logger.info("Contact form on page %s: a bot's message dropped (%s).", page.pk, reason)
    return page.render_landing_page(request)


def render_form(page, request, form):
    context = page.get_context(request)
    context["form"] = form
    return TemplateResponse(request, page.get_template(request), context)


def rate_limited(page, request, limit):
    context = page.get_context(request)
    context["retry_minutes"] = max(1, round(limit.window / 60))
    response = TemplateResponse(request, "contact/rate_limited.html", context, status=429)
    response["Retry-After"] = str(limit.window)
    return response


def answers(form):
    """The editor's fields' cleaned values, as stored (and as JSON, for the duplicate key)."""
    return {name: value for name, value in form.cleaned_data.items() if name not in RESERVED_NAMES}


def reply_address(page, form_data):
    """The first e-mail field's validated value: where the officers' reply goes."""
    for field in page.get_form_fields():
        if field.field_type == "email" and form_data.get(field.clean_name):
            return form_data[field.clean_name]
    return ""


def consent_wording(page, form, request):
    """The wording the visitor agreed to, with the full address of the notice it pointed to."""
    label = str(form.fields[CONSENT].label)
    url = page.privacy_notice_url()
    return f"{label} ({request.build_absolute_uri(url)})" if url else label


def store(page, form, nonce, request):
    """(submission, created): a resent form (same token, same answers) finds the first one."""
    form_data = answers(form)
    canonical = json.dumps([page.pk, nonce, form_data], cls=DjangoJSONEncoder, sort_keys=True)
    dedupe_key = hashlib.sha256(canonical.encode()).hexdigest()
    try:
        with transaction.atomic():
            submission = ContactSubmission.objects.create(
                page=page,
                form_data=form_data,
                email=reply_address(page, form_data),
                consent_text=consent_wording(page, form, request),
                consent_at=timezone.now(),
                dedupe_key=dedupe_key,
            )
    except IntegrityError:
        existing = ContactSubmission.objects.filter(dedupe_key=dedupe_key).first()
        if existing is None:
            raise
        return existing, False
    return submission, True
