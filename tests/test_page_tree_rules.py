"""Editors cannot build nonsense trees: every page type says where it may stand."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from clusters.models import ClusterPage
from contact.models import ContactPage, PrivacyNoticePage
from home.models import HomePage
from news.models import NewsHubPage, NewsIndexPage, NewsPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {ClusterPage, NewsHubPage, ContactPage, PrivacyNoticePage})

    def test_cluster_page_sits_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ClusterPage, {HomePage})
        self.assertAllowedSubpageTypes(ClusterPage, {NewsIndexPage, ContactPage})

    def test_news_lives_in_a_cluster_news_index(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {ClusterPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_one_portal_news_page_under_the_home_page(self):
        self.assertAllowedParentPageTypes(NewsHubPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsHubPage, set())
        self.assertEqual(NewsHubPage.max_count_per_parent, 1)

    def test_contact_page_has_no_children(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage, ClusterPage})
        self.assertAllowedSubpageTypes(ContactPage, set())

    def test_one_privacy_notice_under_the_home_page(self):
        self.assertAllowedParentPageTypes(PrivacyNoticePage, {HomePage})
        self.assertAllowedSubpageTypes(PrivacyNoticePage, set())
        self.assertEqual(PrivacyNoticePage.max_count_per_parent, 1)

    def test_one_news_index_and_one_contact_page_per_parent(self):
        self.assertEqual(NewsIndexPage.max_count_per_parent, 1)
        self.assertEqual(ContactPage.max_count_per_parent, 1)
