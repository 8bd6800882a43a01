"""wagtail-localize's views, with the permission checks they lack (security notes, finding 6 and P2).

Its submit and sync views check only the global `submit_translation` permission, so anyone holding it could
read a page's draft title and create translations of pages they may not edit, and "Sync translated pages"
with "Publish immediately", or "Convert to alias", made translations live without publish permission.
wagtail_hooks mounts these subclasses at the same URLs, ahead of wagtail-localize's own.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from wagtail.admin.api import views as admin_api_views
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views import convert, submit_translations, update_translations

from .roles import edits_page_only_as_translator


def can_edit(user, instance):
    """May the user edit this page or snippet in Wagtail's terms (the right to have it translated)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user.has_perm(get_permission_name("change", type(instance)))


def can_publish(user, instance):
    """May the user make this page or snippet live. Snippets without drafts go live when saved."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return user.has_perm(get_permission_name(action, type(instance)))


class EditorOnlyMixin:
    """Only users who may edit the source object may submit it for translation: the others get a 403
    (the admin turns it into a redirect with an error message) before anything is shown or created."""

    def get_object(self):
        instance = super().get_object()
        if not can_edit(self.request.user, instance):
            raise PermissionDenied
        return instance


class SubmitPageTranslationView(EditorOnlyMixin, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationView(EditorOnlyMixin, submit_translations.SubmitSnippetTranslationView):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """Sync translations: editors of the source only; "Publish immediately" only for those who may publish
    every translation, otherwise the option is hidden and a forged one is ignored (the sync still runs)."""

    template_name = "translations/update_translations.html"

    def get_object(self):
        source = super().get_object()
        try:
            instance = source.get_source_instance()
        except ObjectDoesNotExist as error:
            raise Http404 from error
        if not can_edit(self.request.user, instance):
            raise PermissionDenied
        return source

    def may_publish(self):
        """True if the user may publish every enabled translation; a target not created yet counts as no."""
        for translation in self.object.translations.filter(enabled=True):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:
                return False
            if not can_publish(self.request.user, target):
                return False
        return True

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            field = form.fields["publish_translations"]
            field.disabled = True  # the submitted value is ignored, the initial False is used
            field.widget = field.hidden_widget()
            form.publish_refused = True
        return form

    def form_valid(self, form):
        if getattr(form, "publish_refused", False) and self.request.POST.get("publish_translations"):
            messages.warning(
                self.request, _("You may not publish these translations: they were synced but not published.")
            )
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["publish_refused"] = getattr(context["form"], "publish_refused", False)
        return context


def convert_to_alias(request, page_id):
    """An alias mirrors its source, live status included: converting a translation into one publishes it."""
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


class PagesAdminAPIViewSet(admin_api_views.PagesAdminAPIViewSet):
    """The admin API's page actions (delete, revert, move, ...) skip the before_* hooks, so translators are
    refused them there; "copy_for_translation" checks the page itself and is translation work."""

    def action_view(self, request, pk, action_name):
        if action_name != "copy_for_translation" and edits_page_only_as_translator(request.user, self.get_object()):
            raise PermissionDenied
        return super().action_view(request, pk, action_name)
