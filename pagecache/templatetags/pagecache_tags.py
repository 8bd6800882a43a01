"""`{% shared_part %}`: a fragment of HTML rendered once and shared until the next purge (pagecache.store)."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from pagecache.parts import cached, request_cache

register = template.Library()


class SharedPartNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        cache = request_cache(context.get("request"))
        if cache is None or not cache.generation:
            return self.nodelist.render(context)
        key = ("part", self.name, get_language(), *(v.resolve(context) for v in self.vary_on))
        return mark_safe(cached(cache, key, lambda: self.nodelist.render(context)))  # noqa: S308 - rendered by the template


@register.tag
def shared_part(parser, token):
    """`{% shared_part "name" value... %}...{% endshared_part %}`: the enclosed HTML, rendered once per scheme
    and host, language and combination of the values, for every anonymous reader until the next publish purges it.
    The values must name everything the fragment depends on besides public content (e.g. the current page).
    Signed-in users, previews and a site with the page cache's parts turned off render it every time."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% shared_part %} needs a name")
    nodelist = parser.parse(("endshared_part",))
    parser.delete_first_token()
    return SharedPartNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])
