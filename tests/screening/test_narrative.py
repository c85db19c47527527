"""Narrative analysis: inflections, abbreviations, negation, attribution, time senses, counts."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Susp followed IP home from the bus stop.",
        "He follows her to work most mornings.",
        "The suspect has been following the victim around town.",
        "IP was followed by the male through the park.",
        "Ex-p tailed her car for several miles.",
    ],
)
def test_following_in_its_forms(codes, text):
    assert "B01" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Following the incident IP called police.",
        "The following day IP attended the station.",
        "A follow-up call was made by the OIC.",
        "Following enquiries the suspect was arrested.",
        "Officers followed the vehicle onto the A31.",
        "IP followed the suspect on Instagram.",
        "Following her arrest the suspect was released on bail.",
    ],
)
def test_time_senses_and_other_actors_do_not_fire_following(codes, text):
    assert "B01" not in codes(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Susp denies following her.", "B01"),
        ("No threats were made.", "B23"),
        ("Susp has not contacted her since.", "B06"),
        ("There is no suggestion he followed her.", "B01"),
    ],
)
def test_negation(scan, text, code):
    findings = scan(text)
    assert code not in findings.codes()
    assert any(f.code == code for f in findings.discounted)


@pytest.mark.parametrize(
    ("text", "code", "status"),
    [
        ("IP blocked him on WhatsApp.", "B06", None),
        ("IP has been messaging him about the children.", "B06", "by victim"),
        ("She keeps texting him late at night.", "B06", "by victim"),
        ("Police made contact with the suspect by phone.", "B06", None),
        ("PC left a voicemail for the IP.", "B06", None),
    ],
)
def test_attribution_to_victim_or_police(scan, text, code, status):
    findings = scan(text)
    assert code not in findings.codes()
    if status:
        assert any(f.status == status for f in findings.discounted if f.code == code)


def test_hypothetical_becomes_fear_not_act(scan):
    findings = scan("IP fears he may follow her when she moves house.")
    assert "B01" not in findings.codes()
    assert "B31" in findings.codes()
    assert any(f.status == "hypothetical" for f in findings.discounted)


def test_advice_and_instruction_are_not_acts(scan):
    assert "B07" not in scan("IP advised to block him and keep a diary.").codes()
    findings = scan("Police warned him not to contact her.")
    assert "B06" not in findings.codes()


def test_history_is_kept_but_marked(scan):
    findings = scan("Susp previously followed her home in 2019.")
    assert [f.status for f in findings.of("B01")] == ["historic"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Susp sent IP approx 9,800 msgs.", 9800),
        ("He has made over 100 calls.", 100),
        ("Calls x40 from a withheld number.", 40),
        ("He rang her x25 in one evening.", 25),
        ("Up to 50 calls in a single day.", 50),
        ("4,000+ emails were sent.", 4000),
        ("He attended her address on five occasions.", 5),
    ],
)
def test_counts(scan, text, value):
    findings = scan(text)
    assert findings.max_count("contact", "occasion", "letter") >= value


def test_dates_are_not_counts(scan):
    findings = scan("Between 30/09/17 and 10/11/17 susp contacted IP.")
    assert findings.max_count("contact") == 0


def test_offsets_quote_the_narrative(scan):
    text = "On Monday the suspect turned up at IP's home address uninvited."
    finding = scan(text).of("B02")[0]
    assert text[finding.start : finding.end] == finding.text
    assert "turned up" in finding.text


def test_misspellings_and_typing_slips(codes):
    assert "B01" in codes("Susp folowed IP to the shop.")
    assert "B06" in codes("IP recieved numerous msgs from him.")
    # a different word one letter away is not a misspelling
    assert "B12" not in codes("The calls were full of swearing.")


def test_threats_against_himself_are_leverage_not_threats(codes):
    found = codes("Susp threatened to kill himself if she did not meet him.")
    assert "B25" in found
    assert "B23" not in found


def test_same_sex_pronouns_are_not_taken_as_the_victim(scan):
    text = "The suspect, a woman, targeted the victim. She sat in her car staring at her."
    assert "B05" in scan(text).codes()


def test_names_from_the_record_resolve_actors(screener):
    findings = screener.analyser.scan(
        "Amy has been texting Ben every day.", names={"amy": "victim", "ben": "suspect"}
    )
    assert "B06" not in findings.codes()


def test_empty_narrative(scan):
    assert scan("").behaviours == []
