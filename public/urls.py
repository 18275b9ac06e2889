from django.urls import path

from core.public import public_page
from public import views
from public.feeds import AtomNewsFeed, NewsFeed

app_name = "public"

urlpatterns = [
    path("school/", views.home, name="home"),
    path("school/documents/", views.documents, name="documents"),
    path("school/documents/<int:pk>/file/", views.document_file, name="document_file"),
    path("school/roadmap/", views.roadmap, name="roadmap"),
    path("school/decisions/", views.decisions, name="decisions"),
    path("school/decisions/<int:start_year>/", views.decisions, name="decisions_of_year"),
    path("school/decisions/meeting-<int:pk>.ics", views.meeting_ics, name="meeting_ics"),
    path("school/calendar/", views.calendar_page, name="calendar"),
    path("school/calendar/<int:pk>/", views.event_detail, name="event_detail"),
    path("school/calendar/event-<int:pk>.ics", views.event_ics, name="event_ics"),
    path("school/calendar.ics", views.calendar_feed, name="calendar_feed"),
    path("school/feed/rss/", public_page(NewsFeed()), name="feed_rss"),
    path("school/feed/atom/", public_page(AtomNewsFeed()), name="feed_atom"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots, name="robots"),
]
