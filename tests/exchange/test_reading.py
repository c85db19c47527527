import io
import json

from foursight.exchange import LineError, ParsedLine, read_stream, validate
from foursight.exchange.csvformat import record_to_row, row_to_record

GOOD = {"crime_ref": "WX/1/25", "recorded_at": "2025-03-04T10:15:00", "classification": "8L"}


def lines(*items: object) -> io.BytesIO:
    out = []
    for item in items:
        out.append(item if isinstance(item, bytes) else json.dumps(item).encode())
    return io.BytesIO(b"\n".join(out) + b"\n")


def reasons(stream: io.BytesIO, kind: str = "crime") -> list[tuple[int, str]]:
    return [(i.line, i.reason) for i in read_stream(stream, kind) if isinstance(i, LineError)]  # type: ignore[arg-type]


def test_good_lines_are_kept_and_blank_lines_ignored():
    parsed = list(read_stream(lines(GOOD, b"", {**GOOD, "crime_ref": "WX/2/25"}), "crime"))
    assert [type(p) for p in parsed] == [ParsedLine, ParsedLine]
    assert [p.line for p in parsed] == [1, 3]


def test_every_kind_of_bad_line_is_reported_with_its_number():
    stream = lines(
        GOOD,
        b"{not json",
        {"recorded_at": "2025-01-01", "classification": "8L"},
        {**GOOD, "crime_ref": "WX/3/25", "recorded_at": "2025-02-30"},
        GOOD,
        b"\xff\xfe\x00bad",
        {**GOOD, "crime_ref": "WX/4/25", "narrative": "x" * 60_000},
        [1, 2],
        {**GOOD, "crime_ref": "WX/5/25", "people": [{"role": "victim", "dob": "1990-13-01"}]},
    )
    found = dict(reasons(stream))
    assert set(found) == {2, 3, 4, 5, 6, 7, 8, 9}
    assert "broken JSON" in found[2]
    assert "crime_ref" in found[3] and "required" in found[3]
    assert "not a real date" in found[4]
    assert "duplicate reference 'WX/1/25'" in found[5] and "line 1" in found[5]
    assert "not UTF-8" in found[6]
    assert "60,000 characters" in found[7]
    assert "JSON object" in found[8]
    assert "dob" in found[9]


def test_order_validation():
    order = {
        "order_ref": "SPO/1",
        "type": "spo",
        "subject": {"surname": "X"},
        "made_on": "2025-05-01",
    }
    assert validate("order", order) is None
    assert "type" in (validate("order", {**order, "type": "asbo"}) or "")
    assert "expires_on" in (validate("order", {**order, "expires_on": "2025-04-31"}) or "")


def test_csv_form_maps_to_the_same_record():
    record = {
        **GOOD,
        "included_classifications": ["8Q"],
        "flags": ["domestic_abuse", "online"],
        "location": {"postcode": "SO14 7DU", "lat": 50.9},
        "outcome": {"code": 1, "date": "2025-06-01"},
        "people": [
            {"role": "victim", "forename": "Amy", "online_handles": ["@amy", "amy_x"]},
            {"role": "suspect", "surname": "Sample"},
        ],
    }
    assert row_to_record(record_to_row(record, "crime"), "crime") == record


def test_csv_rows_report_their_line_numbers():
    csv_text = (
        b"crime_ref,recorded_at,classification,narrative\n"
        b'WX/1/25,2025-01-01,8L,"two\nlines"\n'
        b"WX/2/25,2025-13-01,8L,bad date\n"
        b"WX/3/25,2025-01-02,8L,fine\n"
    )
    items = list(read_stream(io.BytesIO(csv_text), "crime", "csv"))
    assert [type(i).__name__ for i in items] == ["ParsedLine", "LineError", "ParsedLine"]
    assert items[0].line == 2 and items[1].line == 4 and items[2].line == 5
    assert items[0].data["narrative"] == "two\nlines"  # type: ignore[union-attr]


def test_limits_name_the_field_that_is_over():
    long_note = "y" * 1_001
    cases = [
        ({**GOOD, "narrative": "x" * 50_000}, None),  # a long narrative is allowed
        ({**GOOD, "narrative": "x" * 50_001}, "narrative: 50,001 characters, over the 50,000"),
        ({**GOOD, "location": {"town": long_note}}, "location.town: 1,001 characters"),
        ({**GOOD, "flags": ["f"] * 201}, "flags: 201 items, over the 200 limit"),
        (
            {**GOOD, "people": [{"role": "victim"}, {"role": "suspect", "forename": long_note}]},
            "people[1].forename: 1,001 characters",
        ),
    ]
    for record, expected in cases:
        found = validate("crime", record)
        if expected is None:
            assert found is None
        else:
            assert found is not None and found.startswith(expected), found
