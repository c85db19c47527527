"""Reading and writing plan CSVs, without the database."""

from __future__ import annotations

from datetime import date

import pytest

from foursight.plans.csvformat import (
    CsvFormatError,
    canonical_header,
    parse_date,
    parse_documents,
    parse_status,
    read_plan_csv,
)


@pytest.mark.parametrize(
    ("wording", "status"),
    [
        ("Action complete", "complete"),
        ("Complete", "complete"),
        ("COMPLETED", "complete"),
        ("Action Completed.", "complete"),
        ("In progress", "in_progress"),
        ("in-progress", "in_progress"),
        ("Ongoing", "in_progress"),
        ("Partially complete", "in_progress"),
        ("Not started", "not_started"),
        ("Not yet started", "not_started"),
        ("", "not_started"),
    ],
)
def test_status_wordings_forces_use(wording, status):
    assert parse_status(wording) == status


@pytest.mark.parametrize("wording", ["Green", "Amber", "Unknown", "50%"])
def test_unrecognised_status(wording):
    assert parse_status(wording) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-27", date(2025, 3, 27)),
        ("27/03/2025", date(2025, 3, 27)),
        ("27/3/25", date(2025, 3, 27)),
        ("27 March 2025", date(2025, 3, 27)),
        ("27th Mar 2025", date(2025, 3, 27)),
        ("March 2025", date(2025, 3, 1)),
        ("2025-03-27 00:00:00", date(2025, 3, 27)),
        ("", None),
    ],
)
def test_dates(text, expected):
    assert parse_date(text) == expected


def test_bad_date():
    with pytest.raises(ValueError, match="not a date"):
        parse_date("soon")


def test_header_aliases():
    assert canonical_header("Recommendation") == "Recommendation number"
    assert canonical_header(" evidence  requirement ") == (
        "Evidence requirement of progress or completion"
    )
    assert canonical_header("Supporting documentation:") == "Supporting documents"
    assert canonical_header("Initial response") is None


def test_documents_links_titles_and_bad_links():
    docs, problems = parse_documents(
        "Policy <https://example.org/p.pdf>\nhttps://example.org/x\nInternal note\n"
        "Bad <javascript:alert(1)>"
    )
    assert docs == [
        ("Policy", "https://example.org/p.pdf"),
        ("https://example.org/x", "https://example.org/x"),
        ("Internal note", ""),
    ]
    assert problems == [
        "supporting document link 'javascript:alert(1)' is not an http or https address"
    ]


def test_reads_rows_and_reports_bad_lines_with_numbers():
    text = (
        "Recommendation,Evidence requirement,Owner,Force update,Date,Status,Supporting documents,"
        "Initial response\n"
        "Recommendation 7: Included classifications,7.1 Use the capability,A lead,"
        '"Two\nlines",27/03/2025,Action complete,,ignored\n'
        ",7.2 No recommendation,,,,Complete,,\n"
        "7,12.4 Wrong recommendation,,,,Complete,,\n"
        "7,7.3 Bad status,,,,Green,,\n"
        "7,7.4 Bad date,,,yesterday,Complete,,\n"
        "\n"
        "10,10.1 Fine,,,,Not started,,\n"
    )
    result = read_plan_csv(text)
    assert [r.number for r in result.rows] == ["7.1", "10.1"]
    first = result.rows[0]
    assert (first.rec_number, first.rec_text, first.status) == (
        "7",
        "Included classifications",
        "complete",
    )
    assert first.update_text == "Two\nlines"
    assert first.update_date == date(2025, 3, 27)
    assert result.rows[1].line == 9
    assert [(b.line, b.reason) for b in result.bad] == [
        (4, "the recommendation number is empty"),
        (
            5,
            "the evidence requirement must start with its number, for example 7.1 (this line is "
            "for recommendation 7)",
        ),
        (6, "status 'Green' is not recognised (use Not started, In progress or Complete)"),
        (7, "date: 'yesterday' is not a date (use YYYY-MM-DD, for example 2025-03-27)"),
    ]
    assert result.ignored_columns == ["Initial response"]


def test_missing_required_column_rejects_the_file():
    with pytest.raises(CsvFormatError, match="no 'Status' column"):
        read_plan_csv("Recommendation,Evidence requirement\n7,7.1 Text\n")


def test_empty_file():
    with pytest.raises(CsvFormatError, match="empty"):
        read_plan_csv("\n\n")
