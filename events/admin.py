from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from events.models import Event, Interaction, Partner, Training


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "starts_on", "organizer"]
    list_filter = ["kind", "year"]
    search_fields = ["title"]
    raw_id_fields = ["organizer"]
    list_select_related = ["organizer"]  # nullable: the admin's own select_related() leaves it out


@admin.register(Training)
class TrainingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "person", "provider", "hours", "ends_on"]
    list_filter = ["year"]
    search_fields = ["title", "provider", "person__last_name"]
    raw_id_fields = ["person"]


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(Interaction)
class InteractionAdmin(SimpleHistoryAdmin):
    list_display = ["partner", "date", "kind", "topic"]
    list_filter = ["kind"]
    raw_id_fields = ["event"]
