"""Object rules: restricted records, partner advocates' referred victims, analysts' pseudonyms."""

from __future__ import annotations

import pytest
from django.urls import reverse

from foursight.access.models import User
from foursight.audit.models import AuditEntry
from tests.world import R1, R2, R3, R4

pytestmark = pytest.mark.django_db

SECRET = "informant"  # a word only the restricted record's narrative holds


def signed_in(client, user):
    client.logout()
    client.force_login(user)
    return client


def record_url(world, ref):
    return reverse("records:record", args=[world.record_ids[ref]])


def api_record_url(world, ref):
    return f"/api/records/{world.record_ids[ref]}"


def person_url(world, name):
    return reverse("people:person", args=[world.person_ids[name]])


def search(client, **params):
    return client.get(reverse("records:search"), params)


def api_refs(response):
    assert response.status_code == 200, response.content
    return {r["crime_ref"] for r in response.json()["results"]}


@pytest.fixture
def other_investigator(world):
    return User.objects.create_user(
        "inv-2", password="x" * 16, role="investigator", staff_id="S777"
    )


# --- restricted records ------------------------------------------------------------------------


def test_restricted_record_is_hidden_from_an_investigator_not_named_on_it(
    world, client, other_investigator
):
    c = signed_in(client, other_investigator)
    page = search(c, text=SECRET)
    assert page.status_code == 200
    assert R3["crime_ref"] not in page.text and "0 records found" in page.text
    assert R3["crime_ref"] not in search(c, classification="8R").text
    assert c.get(record_url(world, R3["crime_ref"])).status_code == 403
    assert c.get(api_record_url(world, R3["crime_ref"])).status_code == 403
    assert R3["crime_ref"] not in api_refs(c.get("/api/records", {"text": SECRET}))
    assert R3["crime_ref"] not in api_refs(c.get("/api/records", {"person": "Amy Example"}))
    # Amy's page lists her other records and says one more is withheld.
    amy = c.get(person_url(world, "amy"))
    assert amy.status_code == 200
    assert R1["crime_ref"] in amy.text and R3["crime_ref"] not in amy.text
    assert "1 further record about this person is restricted" in amy.text
    api_amy = c.get(f"/api/people/{world.person_ids['amy']}").json()
    assert R3["crime_ref"] not in {m["source_ref"] for m in api_amy["mentions"]}
    # Carl appears only on the restricted record: he is as restricted as it is.
    assert c.get(person_url(world, "carl")).status_code == 403
    assert c.get(f"/api/people/{world.person_ids['carl']}").status_code == 403


def test_restricted_record_is_visible_to_staff_named_on_it(world, client, other_investigator):
    world.restricted.named_staff.add(other_investigator)
    c = signed_in(client, other_investigator)
    assert R3["crime_ref"] in search(c, text=SECRET).text
    page = c.get(record_url(world, R3["crime_ref"]))
    assert page.status_code == 200 and SECRET in page.text
    assert c.get(api_record_url(world, R3["crime_ref"])).status_code == 200
    assert R3["crime_ref"] in api_refs(c.get("/api/records", {"text": SECRET}))
    amy = c.get(person_url(world, "amy"))
    assert R3["crime_ref"] in amy.text and "restricted and not shown" not in amy.text
    assert c.get(person_url(world, "carl")).status_code == 200


def test_restricted_record_is_visible_to_its_officer_in_charge(world, client):
    oic = User.objects.create_user("oic", password="x" * 16, role="investigator", staff_id="s123")
    c = signed_in(client, oic)  # the RMS writes S123: the match ignores case
    assert c.get(record_url(world, R3["crime_ref"])).status_code == 200
    assert R3["crime_ref"] in search(c, text=SECRET).text
    assert R3["crime_ref"] in api_refs(c.get("/api/records", {"text": SECRET}))


@pytest.mark.parametrize("role", ["supervisor", "spoc", "auditor"])
def test_roles_cleared_for_restricted_records_see_them(world, client, role):
    c = signed_in(client, world.users[role])
    assert c.get(record_url(world, R3["crime_ref"])).status_code == 200
    assert R3["crime_ref"] in search(c, text=SECRET).text
    assert "restricted and not shown" not in c.get(person_url(world, "amy")).text


@pytest.mark.parametrize("role", ["investigator", "dmm_chair", "registrar", "analyst"])
def test_other_roles_do_not_see_restricted_records(world, client, role):
    c = signed_in(client, world.users[role])
    assert c.get(record_url(world, R3["crime_ref"])).status_code == 403
    page = search(c, classification="8R")  # the restricted record's class
    assert page.status_code == 200 and "0 records found" in page.text


def test_a_restricted_record_cannot_be_changed_by_those_who_cannot_see_it(world, client):
    c = signed_in(client, world.users["registrar"])  # may change labels, not on this record
    pk = world.record_ids[R3["crime_ref"]]
    add = {"kind": "flag", "code": "stalking", "reason": "Watching her flat"}
    assert c.post(reverse("records:add-label", args=[pk]), add).status_code == 403
    assert (
        c.post(f"/api/records/{pk}/labels", add, content_type="application/json").status_code == 403
    )
    triage = {"outcome": "not_course", "note": "Single incident"}
    assert c.post(reverse("triage:decide", args=[pk]), triage).status_code == 403
    retain = {"decision": "retain", "next_review_date": "2031-01-01", "reason": "Still needed"}
    assert c.post(reverse("records:review-retention", args=[pk]), retain).status_code == 403
    assert not world.restricted.labels.filter(code="stalking").exists()


def test_flagged_people_list_leaves_out_people_known_only_from_restricted_records(world, client):
    from foursight.people.models import Person

    Person.objects.filter(pk__in=[world.person_ids["carl"], world.person_ids["amy"]]).update(
        flagged=True, flag_reason="check"
    )
    registrar = signed_in(client, world.users["registrar"]).get(reverse("people:flagged")).text
    assert "Amy Example" in registrar and "Carl Hidden" not in registrar
    spoc = signed_in(client, world.users["spoc"]).get(reverse("people:flagged")).text
    assert "Carl Hidden" in spoc


# --- partner advocates -------------------------------------------------------------------------


def test_partner_advocate_sees_only_referred_victims_and_their_records(world, client):
    c = signed_in(client, world.users["partner_advocate"])
    for ref in (R1, R2):  # Amy, who was referred, is the victim on both
        assert c.get(record_url(world, ref["crime_ref"])).status_code == 200
        assert c.get(api_record_url(world, ref["crime_ref"])).status_code == 200
    # Amy is on the restricted record too, but restricted records stay hidden.
    assert c.get(record_url(world, R3["crime_ref"])).status_code == 403
    assert c.get(api_record_url(world, R3["crime_ref"])).status_code == 403
    # Dora was not referred.
    assert c.get(record_url(world, R4["crime_ref"])).status_code == 403
    assert c.get(person_url(world, "amy")).status_code == 200
    for name in ("ben", "carl", "dora"):
        assert c.get(person_url(world, name)).status_code == 403, name
        assert c.get(f"/api/people/{world.person_ids[name]}").status_code == 403, name
    amy = c.get(person_url(world, "amy")).text
    assert R1["crime_ref"] in amy and R3["crime_ref"] not in amy
    referrals = c.get(reverse("people:referrals")).text
    assert "Amy Example" in referrals and "Dora" not in referrals
    # Partners have no search, and their pages are logged as disclosures to their service.
    assert search(c, classification="8Q").status_code == 403
    entry = AuditEntry.objects.filter(object_type="crime_record").order_by("-sequence").first()
    assert entry.operation == "disclosure"
    assert entry.recipient == "Wessex Stalking Advocacy"
    assert entry.actor_username == "partner_advocate-user"


def test_a_withdrawn_referral_ends_the_partners_access(world, client):
    from foursight.people.models import Referral
    from foursight.people.services import do_withdraw_referral

    do_withdraw_referral(
        world.users["supervisor"], Referral.objects.get(pk=world.referral_id), "Victim asked"
    )
    c = signed_in(client, world.users["partner_advocate"])
    assert c.get(record_url(world, R1["crime_ref"])).status_code == 403
    assert c.get(person_url(world, "amy")).status_code == 403


def test_another_services_advocate_sees_nothing(world, client):
    from foursight.access.models import PartnerService

    other = PartnerService.objects.create(name="Another IDVA service", kind="idva")
    advocate = User.objects.create_user(
        "idva", password="x" * 16, role="partner_advocate", partner_service=other
    )
    c = signed_in(client, advocate)
    assert c.get(record_url(world, R1["crime_ref"])).status_code == 403
    assert c.get(person_url(world, "amy")).status_code == 403
    assert "Amy Example" not in c.get(reverse("people:referrals")).text


# --- analysts ----------------------------------------------------------------------------------


def test_analyst_record_page_and_api_are_pseudonymised(world, client):
    c = signed_in(client, world.users["analyst"])
    amy = world.person("amy")
    page = c.get(record_url(world, R1["crime_ref"]))
    assert page.status_code == 200
    assert amy.pseudonym in page.text
    for personal in ("Amy", "Example", "Ben Sample", "07700900", "1 Elm Street", "smashed"):
        assert personal not in page.text, personal
    assert "The narrative is withheld" in page.text
    data = c.get(api_record_url(world, R1["crime_ref"])).json()
    assert data["narrative"] is None and data["screening"] is None
    assert {p["name"] for p in data["people"]} == {amy.pseudonym, world.person("ben").pseudonym}
    assert all(p["contact"] == "" for p in data["people"])
    assert {p["dob"] for p in data["people"]} == {"1990", "1988"}
    assert "Amy" not in str(data) and "smashed" not in str(data)
    person = c.get(f"/api/people/{amy.pk}").json()
    assert person["name"] == amy.pseudonym and "Amy" not in str(person)
    person_page = c.get(person_url(world, "amy")).text
    assert amy.pseudonym in person_page and "Amy" not in person_page


def test_analyst_can_search_and_export(world, client):
    c = signed_in(client, world.users["analyst"])
    page = search(c, classification="8Q")
    assert page.status_code == 200 and R1["crime_ref"] in page.text
    assert R1["crime_ref"] in api_refs(c.get("/api/records", {"classification": "8Q"}))
    export = c.post(reverse("records:export"), {"classification": "8Q", "recipient": "Analysis"})
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode()
    assert R1["crime_ref"] in body
    assert "Amy" not in body and "smashed" not in body
    assert c.get(reverse("records:usage")).status_code == 200


def test_analyst_cannot_search_by_name_or_narrative_words(world, client):
    # Whether "Amy Example" or a phrase appears would tell them what pseudonyms hide.
    c = signed_in(client, world.users["analyst"])
    page = search(c, classification="8Q")
    assert 'name="person"' not in page.text and 'name="text"' not in page.text
    assert "Amy" not in search(c, person="Amy Example").text
    for params in ({"person": "Amy Example"}, {"text": "window", "classification": "8Q"}):
        assert c.get("/api/records", params).status_code == 403, params
