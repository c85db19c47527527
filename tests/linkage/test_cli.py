import json

from foursight.linkage import LinkageModel, default_model
from foursight.linkage.cli import run

CRIMES = [
    {
        "crime_ref": "GL/1/25",
        "recorded_at": "2025-01-04",
        "classification": "8L",
        "people": [
            {"role": "victim", "forename": "Amy", "surname": "Example", "dob": "1990-02-01"},
            {
                "role": "suspect",
                "forename": "Robert",
                "surname": "Sample",
                "dob": "1988-07-12",
                "phone": "07700900123",
            },
        ],
    },
    {
        "crime_ref": "GL/2/25",
        "recorded_at": "2025-02-04",
        "classification": "8R",
        "people": [
            {"role": "victim", "forename": "AMY", "surname": "example", "dob": "1990-02-01"},
            {
                "role": "suspect",
                "forename": "Bob",
                "surname": "Sample",
                "phone": "+44 7700 900123",
                "dob": "1988-07-12",
            },
        ],
    },
]
ORDERS = [
    {
        "order_ref": "SPO/1",
        "type": "spo",
        "made_on": "2025-05-01",
        "subject": {"forename": "Robert", "surname": "Sample", "dob": "1988-07-12"},
        "protected": [{"forename": "Amy", "surname": "Example", "dob": "1990-02-01"}],
    },
]


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_link_writes_one_line_per_mention_with_person_ids(tmp_path, capsys):
    crimes, orders, out = tmp_path / "crimes.jsonl", tmp_path / "orders.jsonl", tmp_path / "p.jsonl"
    write_jsonl(crimes, CRIMES)
    write_jsonl(orders, ORDERS)
    code = run(["--input", str(crimes), "--orders", str(orders), "--out", str(out), "--quiet"])
    assert code == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["source_ref"], r["mention"]) for r in rows] == [
        ("GL/1/25", 0),
        ("GL/1/25", 1),
        ("GL/2/25", 0),
        ("GL/2/25", 1),
        ("SPO/1", 0),
        ("SPO/1", 1),
    ]
    assert all(set(r) == {"source_ref", "mention", "person_id"} for r in rows)
    person = {(r["source_ref"], r["mention"]): r["person_id"] for r in rows}
    assert person[("GL/1/25", 1)] == person[("GL/2/25", 1)] == person[("SPO/1", 0)]
    assert person[("GL/1/25", 0)] == person[("GL/2/25", 0)] == person[("SPO/1", 1)]
    assert person[("GL/1/25", 0)] != person[("GL/1/25", 1)]
    summary = capsys.readouterr().out
    assert "6 mentions -> 2 persons" in summary
    assert "flagged clusters" in summary


def test_link_with_saved_model_and_threshold(tmp_path):
    crimes, out, model_file = tmp_path / "c.jsonl", tmp_path / "p.jsonl", tmp_path / "m.json"
    write_jsonl(crimes, CRIMES)
    model_file.write_text(default_model().to_json(), encoding="utf-8")
    saved = tmp_path / "saved.json"
    code = run(
        [
            "--input",
            str(crimes),
            "--out",
            str(out),
            "--model",
            str(model_file),
            "--threshold",
            "0.99",
            "--save-model",
            str(saved),
            "--quiet",
        ]
    )
    assert code == 0
    assert LinkageModel.from_json(saved.read_text()).version == default_model().version
    assert len(out.read_text().splitlines()) == 4


def test_link_reports_bad_input(tmp_path, capsys):
    crimes = tmp_path / "c.jsonl"
    crimes.write_text('{"crime_ref": "x"}\n', encoding="utf-8")
    assert run(["--input", str(crimes), "--out", str(tmp_path / "p.jsonl"), "--quiet"]) == 1
    assert "line 1" in capsys.readouterr().err
    assert run(["--input", str(crimes), "--out", "x", "--threshold", "2", "--quiet"]) == 2
