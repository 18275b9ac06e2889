"""RSS and Atom of the open site: newly published practices and documents."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from public.selectors import FeedEntry, as_datetime, feed_entries


class NewsFeed(Feed):
    title = "МШН: новые практики и документы"
    link = reverse_lazy("public:home")
    description = (
        "Опубликованные наставнические практики и нормативные документы муниципальной Школы наставничества."
    )
    language = "ru"

    def items(self) -> list[FeedEntry]:
        return feed_entries()

    def item_title(self, item: FeedEntry) -> str:
        return f"{item.category}: {item.title}"

    def item_description(self, item: FeedEntry) -> str:
        return item.description

    def item_link(self, item: FeedEntry) -> str:
        return item.link

    def item_guid(self, item: FeedEntry) -> str:
        return item.link

    def item_pubdate(self, item: FeedEntry):
        return as_datetime(item.published)

    def item_categories(self, item: FeedEntry) -> list[str]:
        return [item.category]

    def feed_copyright(self) -> str:
        return settings.MSHN_ORGANIZATION_NAME


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
