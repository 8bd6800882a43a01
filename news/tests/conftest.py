"""A second cluster with its own news, so the portal-wide listing and the feeds have two clusters to tell apart."""

import datetime
from dataclasses import dataclass

import pytest

from clusters.models import ClusterPage
from conftest import _no_index_updates, make_image, publish, stream, translate
from news.models import NewsIndexPage, NewsPage

HYDROGEN_DATE = datetime.date(2025, 3, 13)  # between the first cluster's newest items


@dataclass
class SecondCluster:
    pl: ClusterPage
    en: ClusterPage
    news_pl: NewsPage  # tagged "wodór", the only item with that tag
    news_en: NewsPage  # tagged "hydrogen"


def add_second_cluster(portal):
    with _no_index_updates():
        cluster = portal.pl.home.add_child(
            instance=ClusterPage(title="Klaster Wodorowy", slug="klaster-wodorowy", short_name="KW")
        )
        publish(cluster)
        index = publish(cluster.add_child(instance=NewsIndexPage(title="Aktualności", slug="aktualnosci")))
        cluster_en = translate(cluster, portal.en_locale, title="Hydrogen Cluster", slug="hydrogen-cluster")
        index_en = translate(index, portal.en_locale, title="News", slug="news")
        image = make_image("hydrogen", size=(480, 270))
        item = NewsPage(
            title="Wodór w regionie",
            slug="wodor-w-regionie",
            locale=portal.pl_locale,
            date=HYDROGEN_DATE,
            summary="Pierwsza stacja tankowania wodoru.",
            listing_image=image,
            body=stream(("paragraph", "<p>Stacja wodorowa.</p>")),
            live=True,
        )
        item.tags.add("wodór")
        index.add_child(instance=item)
        item_en = NewsPage(
            title="Hydrogen in the region",
            slug="hydrogen-in-the-region",
            locale=portal.en_locale,
            translation_key=item.translation_key,
            date=HYDROGEN_DATE,
            summary="The first hydrogen filling station.",
            listing_image=image,
            body=stream(("paragraph", "<p>A hydrogen station.</p>")),
            live=True,
        )
        item_en.tags.add("hydrogen")
        index_en.add_child(instance=item_en)
    return SecondCluster(pl=cluster, en=cluster_en, news_pl=item, news_en=item_en)


@pytest.fixture
def second_cluster(portal):
    return add_second_cluster(portal)
