from registry.views import (
    imports,
    matching,
    mentees,
    mentors,
    pairs,
    people,
    personal_data,
    programs,
    search,
    young,
)

app_name = "registry"

urlpatterns = (
    people.urlpatterns
    + mentors.urlpatterns
    + mentees.urlpatterns
    + pairs.urlpatterns
    + programs.urlpatterns
    + imports.urlpatterns
    + young.urlpatterns
    + personal_data.urlpatterns
    + search.urlpatterns
    + matching.urlpatterns
)
