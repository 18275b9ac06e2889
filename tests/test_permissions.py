"""Every named URL with every persona. A new URL without its row here fails the suite."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.access import Role
from core.models import Job, JobStatus
from home.digest import unsubscribe_token
from registry.models import Consent
from tests.banks.factories import banks_data
from tests.careers.factories import careers_data
from tests.events.factories import events_data
from tests.factories import (
    AcademicYearFactory,
    MenteeFactory,
    MentorFactory,
    MentoringFormFactory,
    PairFactory,
    PersonFactory,
    UserFactory,
)
from tests.meetings.factories import meetings_data
from tests.monitoring.factories import monitoring_data
from tests.public.factories import public_data
from tests.reports.factories import reports_data
from tests.submissions.factories import submissions_data
from tests.websites.factories import websites_data

ANON = 302
READ_ALL = {"methodist": 200, "coord_a": 200, "coord_b": 200, "department": 200, "anon": ANON}
READ_A = {**READ_ALL, "coord_b": 404}  # a record of school A
METHODIST_WRITES = {"methodist": 200, "coord_a": 403, "coord_b": 403, "department": 403, "anon": ANON}
WRITE_OWN = {"methodist": 200, "coord_a": 200, "coord_b": 200, "department": 403, "anon": ANON}
WRITE_A = {
    "methodist": 200,
    "coord_a": 200,
    "coord_b": 404,
    "department": 403,
    "anon": ANON,
}  # school A's record
LOGGED_IN_REDIRECT = {"methodist": 302, "coord_a": 302, "coord_b": 302, "department": 302, "anon": 200}
OWN_JOB = {
    "methodist": 200,
    "coord_a": 404,
    "coord_b": 404,
    "department": 404,
    "anon": ANON,
}  # the methodist's
PUBLIC = {**READ_ALL, "anon": 200}
# Coordinators put their own people forward (nominations); the methodologist adds participants directly.
COORDINATORS_WRITE = {"methodist": 403, "coord_a": 200, "coord_b": 200, "department": 403, "anon": ANON}
METHODIST_POSTS = {"methodist": 405, "coord_a": 403, "coord_b": 403, "department": 403, "anon": ANON}
POST_ONLY = {"methodist": 405, "coord_a": 405, "coord_b": 405, "department": 405, "anon": 405}


def no_args(data):
    return {}


def pk_of(name):
    return lambda data: {"pk": data[name].pk}


# url name: (kwargs from the data, expected status per persona)
EXPECTED = {
    "home": (no_args, READ_ALL),
    "attention": (no_args, {**READ_ALL, "department": 403}),
    "documentation": (no_args, {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "digest_send": (no_args, POST_ONLY),
    "digest_unsubscribe": (
        lambda d: {"token": unsubscribe_token(d["job"].user)},
        {**READ_ALL, "anon": 200},  # the mail's link works without signing in
    ),
    "job": (pk_of("job"), OWN_JOB),
    "job_status": (pk_of("job"), OWN_JOB),
    "job_download": (pk_of("job"), OWN_JOB),
    "login": (no_args, LOGGED_IN_REDIRECT),
    "logout": (no_args, POST_ONLY),
    "password_change": (no_args, {**READ_ALL}),
    "password_change_done": (no_args, {**READ_ALL}),
    "directory:district_list": (no_args, {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "directory:district_export": (no_args, {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "directory:district_create": (no_args, {**METHODIST_WRITES, "methodist": 403}),  # the administrator's
    "directory:district_detail": (pk_of("district"), {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "directory:district_update": (pk_of("district"), {**METHODIST_WRITES, "methodist": 403}),
    "directory:organization_list": (no_args, READ_ALL),
    "directory:organization_export": (no_args, READ_ALL),
    "directory:organization_create": (no_args, METHODIST_WRITES),
    "directory:organization_detail": (pk_of("school_a"), READ_A),
    "directory:organization_update": (
        pk_of("school_a"),
        {**METHODIST_WRITES, "coord_a": 403, "coord_b": 403},
    ),
    "directory:year_list": (no_args, READ_ALL),
    "directory:year_export": (no_args, READ_ALL),
    "directory:year_create": (no_args, METHODIST_WRITES),
    "directory:year_detail": (pk_of("year"), READ_ALL),
    "directory:year_update": (pk_of("year"), METHODIST_WRITES),
    "directory:form_list": (no_args, READ_ALL),
    "directory:form_export": (no_args, READ_ALL),
    "directory:form_create": (no_args, METHODIST_WRITES),
    "directory:form_detail": (pk_of("form"), READ_ALL),
    "directory:form_update": (pk_of("form"), METHODIST_WRITES),
    "directory:requisites": (no_args, METHODIST_WRITES),
    # registry: people, mentors, mentees, pairs
    "registry:person_list": (no_args, READ_ALL),
    "registry:person_export": (no_args, READ_ALL),
    "registry:person_create": (no_args, WRITE_OWN),
    "registry:person_detail": (pk_of("person_a"), READ_A),
    "registry:person_update": (pk_of("person_a"), WRITE_A),
    "registry:person_name_forms": (pk_of("person_a"), METHODIST_WRITES),
    "registry:consent_create": (lambda d: {"person_pk": d["person_a"].pk}, WRITE_A),
    "registry:consent_update": (pk_of("consent_a"), WRITE_A),
    "registry:mentor_list": (no_args, READ_ALL),
    "registry:mentor_export": (no_args, READ_ALL),
    "registry:mentor_create": (no_args, WRITE_OWN),
    "registry:mentor_detail": (pk_of("mentor_a"), READ_A),
    "registry:mentor_update": (pk_of("mentor_a"), WRITE_A),
    "registry:mentee_list": (no_args, READ_ALL),
    "registry:mentee_export": (no_args, READ_ALL),
    "registry:mentee_create": (no_args, WRITE_OWN),
    "registry:mentee_detail": (pk_of("mentee_a"), READ_A),
    "registry:mentee_update": (pk_of("mentee_a"), WRITE_A),
    "registry:pair_list": (no_args, READ_ALL),
    "registry:pair_export": (no_args, READ_ALL),
    "registry:pair_create": (no_args, WRITE_OWN),
    "registry:pair_detail": (pk_of("pair_a"), READ_A),
    "registry:pair_update": (pk_of("pair_a"), WRITE_A),
    "registry:pair_transition": (pk_of("pair_a"), WRITE_A),
    # registry: personalised programs (rows added with the views)
    "registry:program_update": (pk_of("pair_a"), WRITE_A),
    "registry:program_pdf": (pk_of("pair_a"), READ_A),
    "registry:program_docx": (pk_of("pair_a"), READ_A),
    # registry: imports (rows added with the views)
    "registry:person_import": (no_args, WRITE_OWN),
    "registry:person_import_template": (no_args, WRITE_OWN),
    "registry:pair_import": (no_args, WRITE_OWN),
    "registry:pair_import_template": (no_args, WRITE_OWN),
    # registry: young pedagogues (rows added with the views)
    "registry:young": (no_args, READ_ALL),
    "registry:young_export": (no_args, READ_ALL),
    # registry: personal data (rows added with the views)
    "registry:person_data_export": (pk_of("person_a"), {**READ_A, "department": 403}),
    "registry:person_anonymise": (pk_of("person_a"), METHODIST_WRITES),
    "registry:mentor_match": (pk_of("person_a"), WRITE_A),
    "registry:mentor_match_pair": (
        lambda d: {"pk": d["person_a"].pk, "mentor_pk": d["free_mentor_a"].pk},
        WRITE_A,
    ),
    # banks: rows
    "banks:practice_list": (no_args, READ_ALL),
    "banks:practice_export": (no_args, READ_ALL),
    "banks:practice_create": (no_args, WRITE_OWN),
    "banks:practice_detail": (pk_of("practice_a"), READ_A),
    "banks:practice_update": (pk_of("practice_a"), WRITE_A),
    "banks:practice_delete": (pk_of("practice_a"), WRITE_A),
    "banks:practice_submit": (pk_of("practice_a"), {**WRITE_A, "methodist": 403}),
    "banks:practice_return": (pk_of("practice_a"), METHODIST_WRITES),
    "banks:practice_publish": (pk_of("practice_a"), METHODIST_WRITES),
    "banks:practice_mark_best": (pk_of("practice_published"), METHODIST_WRITES),
    "banks:practice_unmark_best": (pk_of("practice_published"), METHODIST_WRITES),
    "banks:practice_file": (pk_of("practice_file_a"), READ_A),
    "banks:practice_file_delete": (pk_of("practice_file_a"), WRITE_A),
    "banks:program_list": (no_args, READ_ALL),
    "banks:program_export": (no_args, READ_ALL),
    "banks:program_create": (no_args, WRITE_OWN),
    "banks:program_detail": (pk_of("mentoring_program_a"), READ_A),
    "banks:program_update": (pk_of("mentoring_program_a"), WRITE_A),
    "banks:program_delete": (pk_of("mentoring_program_a"), WRITE_A),
    "banks:program_document": (pk_of("mentoring_program_a"), READ_A),
    "banks:template_create": (lambda d: {"program_pk": d["mentoring_program_a"].pk}, WRITE_A),
    "banks:template_detail": (pk_of("template_a"), READ_A),
    "banks:template_update": (pk_of("template_a"), WRITE_A),
    "banks:template_delete": (pk_of("template_a"), WRITE_A),
    "banks:apply_template": (pk_of("pair_a"), WRITE_A),
    "banks:document_list": (no_args, READ_ALL),
    "banks:document_export": (no_args, READ_ALL),
    "banks:document_create": (no_args, METHODIST_WRITES),
    "banks:document_detail": (pk_of("document"), READ_ALL),
    "banks:document_update": (pk_of("document"), METHODIST_WRITES),
    "banks:document_delete": (pk_of("document"), METHODIST_WRITES),
    "banks:document_file": (pk_of("document"), READ_ALL),
    "banks:showcase": (no_args, PUBLIC),
    "banks:showcase_detail": (pk_of("practice_published"), PUBLIC),
    "banks:showcase_file": (pk_of("practice_file_published"), PUBLIC),
    "meetings:meeting_list": (no_args, READ_ALL),
    "meetings:meeting_export": (no_args, READ_ALL),
    "meetings:meeting_create": (no_args, METHODIST_WRITES),
    "meetings:meeting_detail": (pk_of("meeting"), READ_ALL),
    "meetings:meeting_update": (pk_of("meeting"), METHODIST_WRITES),
    "meetings:meeting_delete": (pk_of("meeting"), METHODIST_WRITES),
    "meetings:meeting_approve": (pk_of("meeting"), METHODIST_WRITES),
    "meetings:meeting_reopen": (pk_of("meeting"), METHODIST_WRITES),
    "meetings:meeting_invite": (pk_of("meeting"), METHODIST_WRITES),
    "meetings:meeting_protocol": (pk_of("meeting"), READ_ALL),
    "meetings:meeting_protocol_docx": (pk_of("meeting"), READ_ALL),
    "meetings:attachment_create": (pk_of("meeting"), METHODIST_WRITES),
    "meetings:attachment_download": (pk_of("meeting_attachment"), READ_ALL),
    "meetings:attachment_delete": (
        pk_of("meeting_attachment"),
        {"methodist": 405, "coord_a": 403, "coord_b": 403, "department": 403, "anon": ANON},
    ),
    "meetings:roadmap_list": (no_args, READ_ALL),
    "meetings:roadmap_export": (no_args, READ_ALL),
    "meetings:roadmap_pdf": (no_args, READ_ALL),
    "meetings:roadmap_docx": (no_args, READ_ALL),
    "meetings:roadmap_create": (no_args, METHODIST_WRITES),
    "meetings:roadmap_copy": (no_args, METHODIST_WRITES),
    "meetings:roadmap_from_decision": (
        lambda d: {"item_pk": d["agenda_item"].pk, "number": 1},
        METHODIST_WRITES,
    ),
    "meetings:roadmap_detail": (pk_of("roadmap_item"), READ_ALL),
    "meetings:roadmap_update": (pk_of("roadmap_item"), METHODIST_WRITES),
    "meetings:roadmap_delete": (pk_of("roadmap_item"), METHODIST_WRITES),
    "meetings:roadmap_evidence": (pk_of("roadmap_item"), READ_ALL),
    # meetings: rows
    "meetings:plan_list": (no_args, READ_ALL),
    "meetings:plan_export": (no_args, READ_ALL),
    "meetings:plan_create": (no_args, METHODIST_WRITES),
    "meetings:plan_detail": (pk_of("plan"), READ_ALL),
    "meetings:plan_update": (pk_of("plan"), METHODIST_WRITES),
    "meetings:plan_delete": (pk_of("plan"), METHODIST_WRITES),
    "meetings:plan_pdf": (pk_of("plan"), READ_ALL),
    "meetings:plan_xlsx": (pk_of("plan"), READ_ALL),
    "meetings:plan_direction_create": (lambda d: {"plan_pk": d["plan"].pk}, METHODIST_WRITES),
    "meetings:plan_direction_update": (pk_of("plan_direction"), METHODIST_WRITES),
    "meetings:plan_item_create": (lambda d: {"plan_pk": d["plan"].pk}, METHODIST_WRITES),
    "meetings:plan_item_update": (pk_of("plan_item"), METHODIST_WRITES),
    "meetings:plan_item_delete": (pk_of("plan_item"), METHODIST_WRITES),
    # events: rows
    # submissions: rows
    # reports: rows
    "reports:dashboard": (no_args, READ_ALL),
    "registry:person_search": (no_args, READ_ALL),
    "directory:organization_search": (no_args, READ_ALL),
    "reports:statform": (lambda d: {"number": 1}, READ_ALL),
    "reports:target_edit": (no_args, METHODIST_WRITES),
    "reports:annual": (no_args, READ_ALL),
    "reports:annual_file": (lambda d: {"fmt": "xlsx"}, READ_ALL),
    "reports:annual_text": (no_args, METHODIST_WRITES),
    "reports:annual_approve": (no_args, METHODIST_WRITES),
    "reports:archive": (no_args, READ_ALL),
    "reports:region_summary": (no_args, {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "reports:regional_list": (no_args, {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "reports:regional_export": (no_args, {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "reports:regional_create": (no_args, {**METHODIST_WRITES, "methodist": 403}),  # the region's
    "reports:regional_detail": (pk_of("regional_campaign"), {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "reports:district_report_send": (pk_of("district_report_waiting"), METHODIST_WRITES),
    "reports:district_report_accept": (pk_of("district_report_sent"), {**METHODIST_WRITES, "methodist": 403}),
    "reports:district_report_return": (pk_of("district_report_sent"), {**METHODIST_WRITES, "methodist": 403}),
    "reports:region_summary_export": (no_args, {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "reports:archive_file": (lambda d: {"pk": d["approved_a"].pk, "fmt": "pdf"}, READ_A),
    "submissions:campaign_list": (no_args, {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "submissions:campaign_export": (no_args, {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "submissions:campaign_create": (no_args, METHODIST_WRITES),
    "submissions:campaign_detail": (pk_of("campaign"), {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "submissions:campaign_update": (pk_of("campaign"), METHODIST_WRITES),
    "submissions:submission_list": (no_args, READ_ALL),
    "submissions:submission_export": (no_args, READ_ALL),
    "submissions:submission_detail": (pk_of("submission_a"), READ_A),
    "submissions:submission_update": (pk_of("submission_a"), WRITE_A),
    "submissions:submission_submit": (pk_of("submission_a"), WRITE_A),
    "submissions:submission_return": (pk_of("submission_sent_a"), METHODIST_WRITES),
    "submissions:submission_accept": (pk_of("submission_sent_a"), METHODIST_WRITES),
    "submissions:submission_reopen": (pk_of("submission_accepted_a"), METHODIST_WRITES),
    "websites:checklist_list": (no_args, READ_ALL),
    "websites:checklist_export": (no_args, READ_ALL),
    "websites:checklist_create": (no_args, METHODIST_WRITES),
    "websites:checklist_update": (pk_of("checklist_item"), METHODIST_WRITES),
    "websites:round_list": (no_args, {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "websites:round_list_export": (no_args, {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "websites:round_create": (no_args, METHODIST_WRITES),
    "websites:round_detail": (pk_of("check_round"), {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "websites:round_update": (pk_of("check_round"), METHODIST_WRITES),
    "websites:round_export": (pk_of("check_round"), {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "websites:round_run": (pk_of("check_round"), METHODIST_WRITES),
    "websites:round_progress": (pk_of("check_round"), {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "websites:check_list": (no_args, READ_ALL),
    "websites:check_export": (no_args, READ_ALL),
    "websites:check_detail": (pk_of("check_a"), READ_A),
    "websites:check_run": (pk_of("check_a"), METHODIST_WRITES),
    "websites:check_confirm": (pk_of("check_a"), METHODIST_WRITES),
    "events:event_list": (no_args, READ_ALL),
    "events:event_export": (no_args, READ_ALL),
    "events:event_create": (no_args, METHODIST_WRITES),
    "events:event_detail": (pk_of("event"), READ_ALL),
    "careers:staff": (no_args, READ_ALL),
    "careers:staff_export": (no_args, READ_ALL),
    "careers:person_career": (pk_of("person_a"), READ_A),
    "careers:moves_import": (no_args, WRITE_OWN),
    "careers:moves_template": (no_args, WRITE_OWN),
    "careers:transfer": (pk_of("person_a"), WRITE_A),
    "careers:dismiss": (pk_of("person_a"), WRITE_A),
    "careers:certificate_issue": (pk_of("person_a"), WRITE_A),
    "careers:agreement": (pk_of("pair_a"), READ_A),
    "careers:agreement_edit": (pk_of("pair_a"), WRITE_A),
    "careers:early_end": (pk_of("pair_a"), WRITE_A),
    "careers:consent_scan": (pk_of("pair_a"), READ_A),
    "careers:agreement_document": (pk_of("pair_a"), READ_A),
    "careers:early_end_order": (pk_of("pair_a"), READ_A),
    "careers:agreement_document_docx": (pk_of("pair_a"), READ_A),
    "careers:early_end_order_docx": (pk_of("pair_a"), READ_A),
    "careers:missing_agreements": (no_args, READ_ALL),
    "careers:assignment_order": (no_args, READ_ALL),
    "careers:contest_order": (pk_of("event"), READ_ALL),
    "careers:assignment_order_docx": (no_args, READ_ALL),
    "careers:contest_order_docx": (pk_of("event"), READ_ALL),
    "careers:certificate_list": (no_args, READ_ALL),
    "careers:certificate_export": (no_args, READ_ALL),
    "careers:certificate_detail": (pk_of("certificate_a"), READ_A),
    "careers:certificate_pdf": (pk_of("certificate_a"), READ_A),
    "careers:certificate_revoke": (pk_of("certificate_a"), WRITE_A),
    "careers:verify": (lambda data: {"code": data["certificate_a"].code}, {**READ_ALL, "anon": 200}),
    "careers:accepted_list": (no_args, {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "careers:accepted_create": (no_args, METHODIST_WRITES),
    "careers:accepted_detail": (pk_of("accepted"), {**READ_ALL, "coord_a": 403, "coord_b": 403}),
    "careers:accepted_update": (pk_of("accepted"), METHODIST_WRITES),
    "reports:retention": (no_args, READ_ALL),
    "reports:retention_export": (no_args, READ_ALL),
    "events:event_update": (pk_of("event"), METHODIST_WRITES),
    "events:event_delete": (pk_of("event"), METHODIST_WRITES),
    "events:material_file": (pk_of("material"), READ_ALL),
    "events:training_list": (no_args, READ_ALL),
    "events:training_export": (no_args, READ_ALL),
    "events:training_create": (no_args, WRITE_OWN),
    "events:training_group_create": (no_args, WRITE_OWN),
    "events:training_detail": (pk_of("training_a"), READ_A),
    "events:training_update": (pk_of("training_a"), WRITE_A),
    "events:training_certificate": (pk_of("training_a"), READ_A),
    "events:nomination_list": (no_args, READ_ALL),
    "events:nomination_export": (no_args, READ_ALL),
    "events:event_nominations": (pk_of("event"), READ_ALL),
    "events:nominate": (pk_of("event"), COORDINATORS_WRITE),
    "events:nominations_confirm": (pk_of("event"), METHODIST_POSTS),
    "events:nominations_decline": (pk_of("event"), METHODIST_POSTS),
    "events:nomination_withdraw": (pk_of("nomination_a"), {**COORDINATORS_WRITE, "coord_b": 404}),
    "events:partner_list": (no_args, READ_ALL),
    "events:partner_export": (no_args, READ_ALL),
    "events:partner_create": (no_args, METHODIST_WRITES),
    "events:partner_detail": (pk_of("partner"), READ_ALL),
    "events:partner_update": (pk_of("partner"), METHODIST_WRITES),
    "events:interaction_create": (lambda d: {"partner_pk": d["partner"].pk}, METHODIST_WRITES),
    "events:interaction_detail": (pk_of("interaction"), READ_ALL),
    "events:interaction_update": (pk_of("interaction"), METHODIST_WRITES),
    # The open site: the same for everyone, logged in or not (tests/public).
    "public:home": (no_args, PUBLIC),
    "public:documents": (no_args, PUBLIC),
    "public:document_file": (pk_of("public_document"), PUBLIC),
    "public:roadmap": (no_args, PUBLIC),
    "public:decisions": (no_args, PUBLIC),
    "public:decisions_of_year": (lambda d: {"start_year": d["approved_meeting"].year.start_year}, PUBLIC),
    "public:meeting_ics": (pk_of("approved_meeting"), PUBLIC),
    "public:calendar": (no_args, PUBLIC),
    "public:event_detail": (pk_of("public_event"), PUBLIC),
    "public:event_ics": (pk_of("public_event"), PUBLIC),
    "public:calendar_feed": (no_args, PUBLIC),
    "public:feed_rss": (no_args, PUBLIC),
    "public:feed_atom": (no_args, PUBLIC),
    "public:sitemap": (no_args, PUBLIC),
    "public:robots": (no_args, PUBLIC),
    "monitoring:questionnaire_list": (no_args, READ_ALL),
    "monitoring:questionnaire_export": (no_args, READ_ALL),
    "monitoring:questionnaire_create": (no_args, METHODIST_WRITES),
    "monitoring:questionnaire_detail": (pk_of("questionnaire"), READ_ALL),
    "monitoring:questionnaire_update": (pk_of("questionnaire"), METHODIST_WRITES),
    "monitoring:questionnaire_copy": (pk_of("questionnaire"), METHODIST_WRITES),
    "monitoring:questionnaire_version": (pk_of("questionnaire"), METHODIST_WRITES),
    "monitoring:round_list": (no_args, READ_ALL),
    "monitoring:round_list_export": (no_args, READ_ALL),
    "monitoring:round_create": (no_args, WRITE_OWN),
    "monitoring:round_detail": (pk_of("survey_a"), READ_A),
    "monitoring:round_send": (pk_of("survey_a"), WRITE_A),
    "monitoring:round_remind": (pk_of("survey_a"), WRITE_A),
    "monitoring:round_sheets": (pk_of("survey_a"), WRITE_A),
    "monitoring:round_answers": (pk_of("survey_a"), {**READ_A, "department": 403}),  # totals only
    "monitoring:round_answers_named": (pk_of("survey_a"), {**METHODIST_WRITES, "coord_b": 403}),
    "monitoring:pair_surveys": (pk_of("survey_pair_a"), READ_A),
    "monitoring:swot": (no_args, READ_ALL),
    # public: the personal link answers without an account
    "monitoring:answer": (lambda d: {"token": d["invitation_a"].token}, {p: 200 for p in READ_ALL}),
    "monitoring:answer_done": (lambda d: {"token": d["invitation_a"].token}, {p: 302 for p in READ_ALL}),
}

SKIPPED_NAMESPACES = {"admin"}  # Django admin guards itself (staff only)


def named_urls(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in SKIPPED_NAMESPACES:
                continue
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from named_urls(pattern, namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{prefix}{pattern.name}"


def test_every_named_url_has_a_row():
    missing = sorted(set(named_urls()) - set(EXPECTED))
    assert not missing, f"URLs without a row in EXPECTED: {missing}"


@pytest.fixture
def data(school_a, school_b, methodist):
    return permission_data(school_a, school_b, methodist)


def permission_data(school_a, school_b, methodist=None) -> dict:
    """Records of school A (and one of B), for the pages that show one record (the axe walk uses them too;
    the finished export job belongs to `methodist`, or to a methodologist of its own)."""
    person_a = PersonFactory(organization=school_a)
    mentor_a = MentorFactory(person__organization=school_a)
    mentee_a = MenteeFactory(person=person_a)
    pair_a = PairFactory(mentor=mentor_a, mentees=[mentee_a])
    return {
        "school_a": school_a,
        "school_b": school_b,
        "district": school_a.district,
        "year": AcademicYearFactory(start_year=2025),
        "form": MentoringFormFactory(),
        "person_a": person_a,
        "consent_a": Consent.objects.create(person=person_a, kind="processing", signed_on="2025-09-01"),
        "mentor_a": mentor_a,
        "free_mentor_a": MentorFactory(person__organization=school_a),
        "mentee_a": mentee_a,
        "pair_a": pair_a,
        "program_a": pair_a.program,
        **careers_data(pair_a, person_a),
        **banks_data(school_a, school_b),
        # banks: data
        **meetings_data(school_a, school_b),
        # meetings: data
        **events_data(school_a, school_b),
        # events: data
        **monitoring_data(school_a, school_b),
        **submissions_data(school_a, school_b),
        # submissions: data
        **websites_data(school_a),
        **reports_data(school_a, school_b),
        # reports: data
        **public_data(),
        "job": finished_job(methodist or UserFactory(username="job-owner", role=Role.METHODIST)),
    }


def finished_job(user) -> Job:
    """A large export the methodologist asked for, built: only they see its page and file."""
    job = Job.objects.create(
        user=user, title="Люди", source="/registry/people/export/", status=JobStatus.DONE
    )
    job.file.save("people.xlsx", ContentFile(b"PK"), save=False)
    job.filename = "people.xlsx"
    job.save()
    return job


@pytest.mark.smoke
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_url_answers_each_persona_as_expected(name, personas, data):
    kwargs_of, expected = EXPECTED[name]
    url = reverse(name, kwargs=kwargs_of(data))
    answers = {persona: personas[persona].get(url).status_code for persona in expected}
    assert answers == expected


@pytest.mark.smoke
def test_anonymous_is_sent_to_login_with_next(personas):
    response = personas["anon"].get(reverse("directory:organization_list"))
    assert response["Location"] == "/accounts/login/?next=/directory/organizations/"


def test_no_page_offers_djangos_dashes_for_an_empty_choice(personas, data):
    """Every select of every page says «nothing chosen» in words (a filter: «все»), never «---------»."""
    dashed = []
    for name, (kwargs_of, expected) in sorted(EXPECTED.items()):
        if expected["methodist"] == 200:
            response = personas["methodist"].get(reverse(name, kwargs=kwargs_of(data)))
            if response["Content-Type"].startswith("text/html") and "---------" in response.content.decode():
                dashed.append(name)
    assert not dashed


# The region ------------------------------------------------------------------------------------------------
# The methodologist of another district finds none of this district's records (404) and sees none of its
# organisations in their lists; the regional reader reads figures and reports of every district and is refused
# every page with personal data (403).

REGION_WIDE = {  # reference data of the whole region: every district reads it
    "directory:year_detail",
    "directory:year_update",
    "directory:form_detail",
    "directory:form_update",
    "websites:checklist_update",
    "monitoring:questionnaire_detail",
    "monitoring:questionnaire_update",
    "monitoring:questionnaire_copy",
    "monitoring:questionnaire_version",
    "reports:regional_detail",  # the region's campaign: each district reads its own answer in it
}
NOT_RECORDS = {"number", "fmt", "start_year"}  # arguments that name no record (a form's number, a file kind)

REGION_READS = {
    "home",
    "login",
    "logout",
    "password_change",
    "password_change_done",
    "job",
    "job_status",
    "job_download",
    "digest_unsubscribe",
    "directory:organization_list",
    "directory:organization_export",
    "directory:organization_detail",
    "directory:year_list",
    "directory:year_export",
    "directory:year_detail",
    "directory:form_list",
    "directory:form_export",
    "directory:form_detail",
    "directory:district_list",
    "directory:district_export",
    "directory:district_detail",
    "reports:dashboard",
    "reports:statform",
    "reports:annual",
    "reports:annual_file",
    "reports:archive",
    "reports:archive_file",
    "reports:region_summary",
    "reports:region_summary_export",
    "reports:regional_list",
    "reports:regional_export",
    "reports:regional_detail",
    "reports:retention",
    "reports:retention_export",
    "banks:document_list",
    "banks:document_export",
    "banks:document_detail",
    "banks:document_file",
    "websites:round_list",
    "websites:round_list_export",
    "websites:round_detail",
    "websites:round_export",
    "websites:round_progress",
    "submissions:campaign_list",
    "submissions:campaign_export",
    "submissions:campaign_detail",
}


def is_open(name: str) -> bool:
    """A page that answers a visitor without an account as it answers everyone."""
    expected = EXPECTED[name][1]
    return expected["anon"] != ANON or expected["anon"] == expected["methodist"]


def other_district_expects(name: str, kwargs: dict) -> set[int]:
    """404 for a record of the first district; a step the methodologist may not take at all is refused
    before the record is looked up (403) or after (404), either way nothing is shown."""
    expected = EXPECTED[name][1]
    if is_open(name) or name in REGION_WIDE or expected["methodist"] == 405:
        return {expected["methodist"]}
    if not set(kwargs) - NOT_RECORDS:
        return {expected["methodist"]}
    return {403, 404} if expected["methodist"] == 403 else {404}


REGION_WRITES = {
    "reports:regional_create",
    "reports:district_report_accept",
    "reports:district_report_return",
}


def region_expects(name: str) -> int:
    expected = EXPECTED[name][1]
    if name in REGION_WRITES:
        return 200
    if is_open(name) or name in REGION_READS:
        return expected["department"]
    return 403


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_another_districts_methodologist_finds_nothing_of_this_one(name, data, region_personas):
    """`data` first: the first district's records are made while it is the only one."""
    kwargs = EXPECTED[name][0](data)
    response = region_personas["methodist_other"].get(reverse(name, kwargs=kwargs))
    assert response.status_code in other_district_expects(name, kwargs)
    if response.status_code == 200 and response["Content-Type"].startswith("text/html") and not is_open(name):
        page = response.content.decode()
        assert "Школа А" not in page and "Школа Б" not in page


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_region_reads_figures_and_no_personal_data(name, data, region_personas):
    kwargs_of, _expected = EXPECTED[name]
    url = reverse(name, kwargs=kwargs_of(data))
    assert region_personas["region"].get(url).status_code == region_expects(name)
