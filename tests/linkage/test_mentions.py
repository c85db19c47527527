from foursight.linkage import Mention, mentions_from_exchange

CRIME = {
    "crime_ref": "GL/1/25",
    "recorded_at": "2025-03-04T10:15:00",
    "occurred_from": "2025-03-01",
    "classification": "8L",
    "people": [
        {"role": "victim", "forename": "Amy", "surname": "Example", "dob": "1990-02-01"},
        {
            "role": "suspect",
            "forename": "Ben",
            "surname": "Sample",
            "phone": "07700900123",
            "online_handles": ["@ben_s", " "],
            "person_ref": "N1",
        },
    ],
}
ORDER = {
    "order_ref": "SPO/2025/0007",
    "type": "spo",
    "subject": {"forename": "Ben", "surname": "Sample", "dob": "1988-07-12"},
    "protected": [{"forename": "Amy", "surname": "Example"}],
    "made_on": "2025-05-01",
}


def test_crime_people_keep_their_index_and_order_subject_is_zero():
    mentions = mentions_from_exchange([CRIME], [ORDER])
    assert [m.mention_id for m in mentions] == [
        "GL/1/25#0",
        "GL/1/25#1",
        "SPO/2025/0007#0",
        "SPO/2025/0007#1",
    ]
    suspect = mentions[1]
    assert isinstance(suspect, Mention)
    assert suspect.key == ("GL/1/25", 1)
    assert suspect.role == "suspect"
    assert suspect.person_ref == "N1"
    assert suspect.handles == ("@ben_s",)
    assert suspect.event_date == "2025-03-01"
    subject, protected = mentions[2], mentions[3]
    assert (subject.source_kind, subject.role, subject.index) == ("order", "subject", 0)
    assert (protected.role, protected.index) == ("protected", 1)
    assert subject.event_date == "2025-05-01"


def test_record_without_people_gives_no_mentions():
    crime = {k: v for k, v in CRIME.items() if k != "people"}
    assert mentions_from_exchange([crime]) == []


def test_crime_mentions_carry_the_records_kind_and_place():
    crime = {**CRIME, "location": {"address": "1 High St", "postcode": "so15 2pw"}}
    victim, suspect, subject, _protected = mentions_from_exchange([crime], [ORDER])
    assert (victim.record_kind, victim.place_postcode) == ("8L", "so15 2pw")
    assert (suspect.record_kind, suspect.place_postcode) == ("8L", "so15 2pw")
    assert (subject.record_kind, subject.place_postcode) == (None, None)
    without = mentions_from_exchange([CRIME])[0]
    assert (without.record_kind, without.place_postcode) == ("8L", None)
