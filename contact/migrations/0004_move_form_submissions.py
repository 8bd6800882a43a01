"""Move the messages stored before ContactSubmission existed (Wagtail's FormSubmission rows of contact
pages) into ContactSubmission, so they stay in the inbox. They were e-mailed when sent: marked "sent"."""

from django.db import migrations


def move(apps, schema_editor):
    FormSubmission = apps.get_model("wagtailforms", "FormSubmission")
    ContactSubmission = apps.get_model("contact", "ContactSubmission")
    ContactPage = apps.get_model("contact", "ContactPage")
    old = FormSubmission.objects.filter(page_id__in=ContactPage.objects.values("pk"))
    for submission in old.iterator():
        email = submission.form_data.get("email", "") if isinstance(submission.form_data, dict) else ""
        moved = ContactSubmission.objects.create(
            page_id=submission.page_id,
            form_data=submission.form_data,
            email=email if isinstance(email, str) and len(email) <= 254 else "",
            consent_text="",
            dedupe_key=f"legacy-{submission.pk}",
            notification_status="sent",
        )
        ContactSubmission.objects.filter(pk=moved.pk).update(submit_time=submission.submit_time)
    old.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0003_privacy_notice_contact_submission"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
    ]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]
