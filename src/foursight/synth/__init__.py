"""Synthetic police records with known answers, for demos, tests and benchmarks.

``generate(records, seed, out_dir, *, force="Wessex", person_ref_rate=0.5,
start=date(2024, 11, 1), days=730, progress=False)`` writes three files and returns a summary:

- ``crimes.jsonl``: exchange-format crime records, exactly ``records`` lines, sorted by
  ``recorded_at``;
- ``orders.jsonl``: exchange-format protective orders, sorted by ``made_on``;
- ``truth.jsonl``: the answers, one JSON object per line, in this order:

  * every course of conduct: ``{"type": "course", "course_id": "C00042", "kind": "stalking" |
    "harassment_not_stalking", "stalking": bool, "relationship": ..., "theme": ...,
    "victim": "I000123", "suspect": "I000124", "crime_refs": [...in incident order...],
    "order_refs": [...], "four": [FOUR elements the course shows], "behaviours": [...],
    "impacts": [...], "start": "YYYY-MM-DD" (when the conduct began)}``;
  * then, for each crime record in file order, ``{"type": "record", "crime_ref": ...,
    "course_id": "C00042" | null, "stalking": bool, "category": "stalking_course" |
    "harassment_dispute" | "one_off" | "background", "subtype": ..., "behaviours": [...]}``
    followed by one ``{"type": "mention", "source_ref": crime_ref, "mention": i,
    "individual": "I000123"}`` per entry of its ``people`` list;
  * last, the mentions of each order (``mention`` 0 is the subject, protected people from 1).

Same arguments, same bytes. Everything is invented: names, streets (on real outward postcodes),
Ofcom drama-range phone numbers and example-domain emails. Pure Python, no Django.
"""

from .bench import benchmark
from .generate import CRIMES, ORDERS, TRUTH, generate

__all__ = ["CRIMES", "ORDERS", "TRUTH", "benchmark", "generate"]
