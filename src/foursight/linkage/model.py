"""The probabilistic model: which fields are compared and how, and its trained parameters.

Comparisons and blocking rules are built here from Splink's dialect-neutral creators, so the
same trained parameters run on DuckDB or Spark: ``LinkageModel`` keeps the parameters (m and
u for each comparison level, and the prior), and ``splink_settings`` rebuilds the full Splink
settings for whichever SQL dialect the backend speaks.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import splink
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import SettingsCreator, block_on
from splink.blocking_rule_library import And, CustomRule
from splink.internals.blocking_rule_creator import BlockingRuleCreator
from splink.internals.comparison_creator import ComparisonCreator
from splink.internals.comparison_level_creator import ComparisonLevelCreator

from .table import BLOCKING_KEYS, DOB_GUARDED_KEYS, HANDLE_KEY

# Bump when the comparisons, their levels or the table columns change: a saved model with a
# different design cannot be applied and must be retrained.
MODEL_DESIGN = "foursight-linkage/3"
FORMAT_VERSION = 1

NO_DATA = "no data"
DISAGREE = "disagree"


@dataclass(frozen=True)
class Level:
    """One comparison level: its SQL condition (on ``col_l``/``col_r``) and what it means."""

    label: str
    creator: ComparisonLevelCreator
    is_null: bool = False


def _sql(condition: str, label: str) -> ComparisonLevelCreator:
    return cll.CustomLevel(condition, label_for_charts=label)


def _null(condition: str) -> ComparisonLevelCreator:
    return cll.CustomLevel(condition, label_for_charts=NO_DATA).configure(is_null_level=True)


# Name levels weighed by how common the name is, and the column whose frequency does it. An
# exact name, a swap or a short form by the full name (the commoner of the two, against the
# exact level's u, as Splink does for exact matches); a misspelling by how the name sounds
# (two rare typos of "Jack Jones" are as common as Jack Jones); an initial by initial and
# surname ("J Jones" is every J Jones); these two against the level's own u.
NAME_FREQUENCY = {
    "exact": "full_name",
    "forename and surname swapped": "full_name",
    "forename a nickname or short form, surname exact": "full_name",
    "similar spelling, or part of a double-barrelled surname": "name_sx",
    "surname exact, forename only an initial": "init_sn",
}


def name_frequency_columns() -> dict[str, str]:
    """Each frequency column, and the name level whose u is a neutral frequency for it."""
    neutral: dict[str, str] = {}
    for label, column in NAME_FREQUENCY.items():
        neutral.setdefault(column, label)
    return neutral


def _name_levels() -> list[Level]:
    fn_similar = cll.Or(cll.ExactMatchLevel("fn_canon"), cll.JaroWinklerLevel("fn", 0.88))
    sn_part = _sql(
        "sn_first_l = sn_first_r OR sn_last_l = sn_last_r"
        " OR sn_first_l = sn_last_r OR sn_last_l = sn_first_r",
        "surname part",
    )

    # A variant of a common name is as weak as the name itself (see NAME_FREQUENCY).
    def frequency(label: str, creator: ComparisonLevelCreator) -> Level:
        column = NAME_FREQUENCY[label]
        if column == "full_name":
            return Level(label, creator.configure(tf_adjustment_column=column))
        return Level(
            label,
            creator.configure(tf_adjustment_column=column, disable_tf_exact_match_detection=True),
        )

    missing_fn = "(fn_l IS NULL OR fn_r IS NULL)"
    missing_sn = "(sn_l IS NULL OR sn_r IS NULL)"
    return [
        Level(
            NO_DATA,
            _null("(fn_l IS NULL AND sn_l IS NULL) OR (fn_r IS NULL AND sn_r IS NULL)"),
            is_null=True,
        ),
        frequency("exact", cll.ExactMatchLevel("full_name")),
        frequency("forename and surname swapped", _sql("fn_l = sn_r AND sn_l = fn_r", "swapped")),
        frequency(
            "forename a nickname or short form, surname exact",
            _sql("fn_canon_l = fn_canon_r AND sn_l = sn_r", "nickname"),
        ),
        frequency(
            "similar spelling, or part of a double-barrelled surname",
            cll.And(fn_similar, cll.Or(cll.JaroWinklerLevel("sn", 0.88), sn_part)),
        ),
        frequency(
            "surname exact, forename only an initial",
            _sql(
                "sn_l = sn_r AND fn_init_l = fn_init_r AND (LENGTH(fn_l) = 1 OR LENGTH(fn_r) = 1)",
                "surname, initial",
            ),
        ),
        Level(
            "surname exact, forename missing",
            _sql(f"sn_l = sn_r AND {missing_fn}", "surname, no forename"),
        ),
        Level(
            "forename agrees, surname missing",
            _sql(f"fn_canon_l = fn_canon_r AND {missing_sn}", "forename, no surname"),
        ),
        Level(
            "forename agrees, surname differs (maiden or married name?)",
            _sql("fn_canon_l = fn_canon_r", "forename only"),
        ),
        Level("surname exact, forename differs", _sql("sn_l = sn_r", "surname only")),
        Level(DISAGREE, cll.ElseLevel()),
    ]


def _dob_levels() -> list[Level]:
    return [
        Level(NO_DATA, cll.NullLevel("dob"), is_null=True),
        Level("exact", cll.ExactMatchLevel("dob")),
        Level("day/month transposed", _sql("dob_t_l = dob_r", "transposed")),
        Level("one digit different", cll.DamerauLevenshteinLevel("dob", 1)),
        Level("within a year", cll.AbsoluteDifferenceLevel("dob_days", 366)),
        Level(DISAGREE, cll.ElseLevel()),
    ]


def _exact_levels(column: str) -> list[Level]:
    return [
        Level(NO_DATA, cll.NullLevel(column), is_null=True),
        Level("exact", cll.ExactMatchLevel(column)),
        Level(DISAGREE, cll.ElseLevel()),
    ]


def _gender_levels() -> list[Level]:
    # EM drives m for "disagree" to zero when records never get gender wrong, which Splink
    # cannot represent; fix it at about one recording slip in a hundred instead.
    return [
        Level(NO_DATA, cll.NullLevel("gender"), is_null=True),
        Level(
            "exact",
            cll.ExactMatchLevel("gender").configure(m_probability=0.99, fix_m_probability=True),
        ),
        Level(DISAGREE, cll.ElseLevel().configure(m_probability=0.01, fix_m_probability=True)),
    ]


def _role_levels() -> list[Level]:
    # Victim, suspect, reporter, witness: people tend to keep their part (a repeat victim, a
    # prolific offender, a store's security officer), but not always (counter-allegations, a
    # victim who reports it herself). EM estimates how often, as for any other field.
    # The same part in the same kind of crime (the classification's family: 8 for harassment
    # and stalking, 46 for shoplifting ...) is a level of its own: offenders specialise, a
    # store's security officer reports shoplifting, a course of conduct is recorded under one
    # kind of crime again and again.
    return [
        Level(NO_DATA, cll.NullLevel("role"), is_null=True),
        Level(
            "same part in the same kind of crime",
            _sql("role_l = role_r AND kind_l = kind_r", "same part, same kind"),
        ),
        Level("exact", cll.ExactMatchLevel("role")),
        Level(DISAGREE, cll.ElseLevel()),
    ]


def _place_levels() -> list[Level]:
    # Where the crime happened (the record's location postcode), shared by everyone on the
    # record: a repeat victim's home, a store and its security officer, a stalker's target.
    return [
        Level(NO_DATA, cll.NullLevel("place"), is_null=True),
        Level("same postcode", cll.ExactMatchLevel("place")),
        Level("same postcode district", cll.ExactMatchLevel("place_district")),
        Level(DISAGREE, cll.ElseLevel()),
    ]


def _location_levels() -> list[Level]:
    comparable = (
        "(address_l IS NOT NULL AND address_r IS NOT NULL)"
        " OR (postcode_l IS NOT NULL AND postcode_r IS NOT NULL)"
    )
    return [
        Level(NO_DATA, _null(f"NOT ({comparable})"), is_null=True),
        Level("same address", cll.ExactMatchLevel("address_line")),
        Level("similar address", cll.JaroWinklerLevel("address", 0.92)),
        Level("same postcode", cll.ExactMatchLevel("postcode")),
        Level("same postcode sector", cll.ExactMatchLevel("pc_sector")),
        Level("same postcode district", cll.ExactMatchLevel("pc_district")),
        Level(DISAGREE, cll.ElseLevel()),
    ]


def _handle_levels() -> list[Level]:
    return [
        Level(NO_DATA, cll.NullLevel("handles"), is_null=True),
        Level("a handle in common", cll.ArrayIntersectLevel("handles", 1)),
        Level(DISAGREE, cll.ElseLevel()),
    ]


def comparison_design() -> dict[str, list[Level]]:
    """Every comparison the model makes, in order, with its levels from most to least alike."""
    return {
        "name": _name_levels(),
        "dob": _dob_levels(),
        "gender": _gender_levels(),
        "phone": _exact_levels("phone"),
        "email": _exact_levels("email"),
        "address": _location_levels(),
        "handles": _handle_levels(),
        "role": _role_levels(),
        "place": _place_levels(),
    }


def design_labels() -> dict[str, list[str]]:
    return {name: [lvl.label for lvl in levels] for name, levels in comparison_design().items()}


# The dates of birth of a pair could be one person's: one is missing, or they meet a level of
# ``_dob_levels`` above "disagree" (within a year; the same day and month, which holds every
# one-digit slip in the year; day and month transposed; a one-digit slip in the day or month is
# within a year). Standard SQL, so it runs on DuckDB and Spark alike.
DOB_COULD_MATCH = (
    "(l.dob IS NULL OR r.dob IS NULL OR abs(l.dob_days - r.dob_days) <= 366"
    " OR substr(l.dob, 6) = substr(r.dob, 6) OR l.dob_t = r.dob)"
)


def blocking_rules() -> list[BlockingRuleCreator | dict[str, Any]]:
    """One equality rule per blocking-key column (see table.BLOCKING_KEYS), plus shared handles.

    A key that says little on its own (``DOB_GUARDED_KEYS``) only pairs mentions whose dates of
    birth could be one person's: at a million records a shared phone or a surname and initial
    pairs mostly strangers born years apart, whom the model would never link."""
    rules: list[BlockingRuleCreator | dict[str, Any]] = [
        And(block_on(k), CustomRule(DOB_COULD_MATCH)) if k in DOB_GUARDED_KEYS else block_on(k)
        for k in BLOCKING_KEYS
    ]
    rules.append(block_on(HANDLE_KEY, arrays_to_explode=[HANDLE_KEY]))
    return rules


def deterministic_rules() -> list[str | BlockingRuleCreator]:
    """Rules almost never true of two different people, used to estimate the prior."""
    return [
        block_on("fn", "sn", "dob"),
        block_on("fn_canon", "sn", "phone"),
        block_on("fn_canon", "sn", "email"),
    ]


@dataclass(frozen=True)
class LevelParameters:
    label: str
    m: float | None
    u: float | None


@dataclass
class LinkageModel:
    """A trained model that can be saved, versioned and applied again.

    ``version`` names the model (design, Splink version and when it was trained) so a person
    record can say which model linked it. ``parameters`` are the m and u probabilities of each
    comparison level; ``prior`` is the probability that two random mentions are one person.
    """

    parameters: dict[str, list[LevelParameters]]
    prior: float
    version: str = ""
    design: str = MODEL_DESIGN
    trained_at: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    splink_model: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.trained_at:
            self.trained_at = datetime.now(UTC).replace(microsecond=0).isoformat()
        if not self.version:
            stamp = self.trained_at.replace("-", "").replace(":", "")[:15]
            self.version = f"{self.design}+splink{splink.__version__}@{stamp}"

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT_VERSION,
                "version": self.version,
                "design": self.design,
                "trained_at": self.trained_at,
                "prior": self.prior,
                "parameters": {
                    name: [{"label": p.label, "m": p.m, "u": p.u} for p in levels]
                    for name, levels in self.parameters.items()
                },
                "metadata": self.metadata,
                "splink_model": self.splink_model,
            },
            indent=1,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> LinkageModel:
        data = json.loads(text)
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(f"unsupported linkage model format {data.get('format')!r}")
        if data.get("design") != MODEL_DESIGN:
            raise ValueError(
                f"model design {data.get('design')!r} differs from this code's {MODEL_DESIGN!r}:"
                " retrain the model"
            )
        parameters = {
            name: [LevelParameters(p["label"], p["m"], p["u"]) for p in levels]
            for name, levels in data["parameters"].items()
        }
        model = cls(
            parameters=parameters,
            prior=float(data["prior"]),
            version=data["version"],
            design=data["design"],
            trained_at=data["trained_at"],
            metadata=data.get("metadata") or {},
            splink_model=data.get("splink_model") or {},
        )
        model.check_design()
        return model

    def check_design(self) -> None:
        expected = design_labels()
        found = {name: [p.label for p in levels] for name, levels in self.parameters.items()}
        if found != expected:
            raise ValueError("model parameters do not fit this code's comparisons: retrain")

    def match_weight_of(self, comparison: str, level: int) -> float | None:
        params = self.parameters[comparison][level]
        if not params.m or not params.u:
            return None
        return math.log2(params.m / params.u)


def prior_for(model: LinkageModel, mentions: int, max_prior: float) -> float:
    """The prior for linking ``mentions`` mentions with a model trained on a different number.

    A person has about the same number of mentions whatever the file's size, so the share of
    all pairs that match falls as 1/(n - 1): rescale the trained prior, capped at max_prior so
    a handful of records never makes a bare name enough to link.
    """
    trained_on = int(model.metadata.get("mentions") or 0)
    if trained_on < 2 or mentions < 2:
        return min(model.prior, max_prior)
    return min(model.prior * (trained_on - 1) / (mentions - 1), max_prior)


# Splink floors m and u at this before taking logs; level weights here must match its own.
_CLAMP = 1e-300
# Level weights within one comparison closer than this are nudged apart (see scoring_parameters).
_DISTINCT = 1e-6


def _weight(m: float, u: float) -> float:
    return math.log2(max(m, _CLAMP) / max(u, _CLAMP))


def scoring_parameters(model: LinkageModel) -> dict[str, list[LevelParameters]]:
    """The model's m and u as Splink is given them, every level's weight distinct.

    Splink's narrow output carries each comparison's match weight (``mw_<name>``) but not the
    level (gamma); the level is read back from the weight (``gamma_sql``), so no two levels of
    one comparison, nor a level and "no data" (weight 0), may share a weight. A clash (a level
    the data never showed has m = u, weight 0) is nudged apart by lowering m a millionth of a
    bit at a time, which changes no decision.
    """
    out: dict[str, list[LevelParameters]] = {}
    for name, levels in model.parameters.items():
        taken = [0.0]
        fixed = []
        for level in levels:
            if level.label == NO_DATA or level.m is None or level.u is None:
                fixed.append(level)
                continue
            m = level.m
            while any(abs(_weight(m, level.u) - w) < _DISTINCT for w in taken):
                m *= 2.0 ** (-10 * _DISTINCT)
            taken.append(_weight(m, level.u))
            fixed.append(LevelParameters(level.label, m, level.u))
        out[name] = fixed
    return out


def gamma_sql(model: LinkageModel) -> dict[str, str]:
    """SQL reading each comparison's level (Splink's gamma) back from its match weight column."""
    parameters = scoring_parameters(model)
    out: dict[str, str] = {}
    for name, levels in comparison_design().items():
        non_null = [i for i, lvl in enumerate(levels) if not lvl.is_null]
        cases = []
        for gamma, index in enumerate(reversed(non_null)):
            params = parameters[name][index]
            if params.m is None or params.u is None:
                continue
            weight = _weight(params.m, params.u)
            cases.append(f"WHEN abs(mw_{name} - ({weight!r})) < {_DISTINCT / 10!r} THEN {gamma}")
        out[name] = f"CASE WHEN mw_{name} = 0 THEN -1 {' '.join(cases)} ELSE -2 END"
    return out


def splink_settings(model: LinkageModel | None, prior: float | None = None) -> SettingsCreator:
    """Splink settings for this design, carrying the model's parameters when it has them.

    Predictions keep only ids, weights and the per-comparison weights (``mw_*``) and term
    frequencies, not the compared values: candidate pairs run to millions, and the levels are
    read back from the weights (``gamma_sql``).
    """
    parameters = scoring_parameters(model) if model is not None else None
    comparisons: list[ComparisonCreator | dict[str, Any]] = []
    for name, levels in comparison_design().items():
        creators: list[ComparisonLevelCreator | dict[str, Any]] = []
        for index, level in enumerate(levels):
            creator = level.creator
            if parameters is not None and not level.is_null:
                params = parameters[name][index]
                options: dict[str, float] = {}
                if params.m is not None:
                    options["m_probability"] = params.m
                if params.u is not None:
                    options["u_probability"] = params.u
                creator = creator.configure(**options)  # type: ignore[arg-type]
            creators.append(creator)
        comparisons.append(
            cl.CustomComparison(creators, output_column_name=name, comparison_description=name)
        )
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=blocking_rules(),
        probability_two_random_records_match=(
            prior if prior is not None else model.prior if model is not None else 0.0001
        ),
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=True,
    )


def parameters_from_splink(settings_dict: dict[str, Any]) -> dict[str, list[LevelParameters]]:
    """Read the trained m and u of each level back out of a Splink settings dictionary."""
    labels = design_labels()
    out: dict[str, list[LevelParameters]] = {}
    for comparison in settings_dict["comparisons"]:
        name = comparison["output_column_name"]
        levels = comparison["comparison_levels"]
        if len(levels) != len(labels[name]):
            raise ValueError(f"comparison {name!r} has an unexpected number of levels")
        out[name] = [
            LevelParameters(label, level.get("m_probability"), level.get("u_probability"))
            for label, level in zip(labels[name], levels, strict=True)
        ]
    return out
