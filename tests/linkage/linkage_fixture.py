"""A hand-written fixture: a few people, each written the ways RMS records write them."""

from __future__ import annotations

from foursight.linkage import Mention


def mention(ref: str, **fields: object) -> Mention:
    handles = fields.pop("handles", ())
    return Mention(
        mention_id=f"{ref}#0",
        source_ref=ref,
        index=0,
        source_kind="crime",
        role=str(fields.pop("role", "suspect")),
        handles=tuple(handles),  # type: ignore[arg-type]
        **fields,  # type: ignore[arg-type]
    )


# individual -> mentions of them
PEOPLE: dict[str, list[Mention]] = {
    "robert": [
        mention(
            "R1",
            forename="Robert",
            surname="Smith",
            dob="1985-03-04",
            phone="07700 900123",
            gender="M",
        ),
        mention(
            "R2",
            forename="Bob",
            surname="SMITH",
            dob="1985-03-04",
            address="14 Elm St, Leeds",
            postcode="LS6 1AB",
        ),
        # forename and surname swapped, day and month transposed
        mention(
            "R3", forename="Smith", surname="Robert", dob="1985-04-03", phone="+44 7700 900123"
        ),
    ],
    "elizabeth": [
        mention(
            "E1",
            forename="Elizabeth",
            surname="Jones",
            dob="1990-11-20",
            email="liz.jones@example.com",
            gender="F",
            role="victim",
        ),
        mention(
            "E2",
            forename="Liz",
            surname="Jones",
            dob="1990-11-20",
            phone="07700900456",
            role="victim",
        ),
        # married name, same phone and date of birth
        mention(
            "E3",
            forename="Elizabeth",
            surname="Taylor",
            dob="1990-11-20",
            phone="07700 900456",
            gender="F",
            role="victim",
        ),
    ],
    "mohammed": [
        mention("M1", forename="Mohammed", surname="Khan", dob="1979-06-15", handles=("@mkhan79",)),
        mention(
            "M2",
            forename="Muhammad",
            surname="Khan",
            dob="1979-06-15",
            handles=("mkhan79",),
            postcode="B11 2AA",
        ),
    ],
    "john": [
        mention(
            "J1",
            forename="John",
            surname="Smith",
            dob="1962-09-30",
            phone="07700900789",
            postcode="LS6 1AB",
        ),
    ],
    "sarah": [
        mention(
            "S1",
            forename="Sarah",
            surname="Smith",
            dob="1987-01-19",
            address="14 Elm Street",
            postcode="LS6 1AB",
            gender="F",
        ),
    ],
    "other_robert": [
        mention(
            "O1",
            forename="Robert",
            surname="Smith",
            dob="1951-12-25",
            postcode="M1 1AE",
            phone="07700900999",
        ),
    ],
}

TRUTH = {m.mention_id: who for who, ms in PEOPLE.items() for m in ms}
MENTIONS = [m for ms in PEOPLE.values() for m in ms]
