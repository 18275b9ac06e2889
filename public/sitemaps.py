"""The sitemap of the open site: its pages, the published practices and the public events."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from public.selectors import best_practices, public_events

PAGES = (
    "public:home",
    "public:documents",
    "public:roadmap",
    "public:decisions",
    "public:calendar",
    "banks:showcase",
)


class PagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return list(PAGES)

    def location(self, item):
        return reverse(item)


class PracticesSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return best_practices().select_related(None).prefetch_related(None).only("id", "published_on")

    def location(self, item):
        return item.get_public_url()

    def lastmod(self, item):
        return item.published_on


class EventsSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return public_events().only("id", "updated_at").select_related(None).order_by("-starts_on", "-id")

    def location(self, item):
        return reverse("public:event_detail", args=[item.pk])

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": PagesSitemap, "practices": PracticesSitemap, "events": EventsSitemap}
