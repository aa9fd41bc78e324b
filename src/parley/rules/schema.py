"""The declared shape of every rule file: which tables and keys each may hold, and of what type.

A schema is built from a handful of node types; :mod:`parley.rules.load` checks every file
against its schema when it loads, so a misspelt key, a wrong type or a name that was never
declared is an error naming the file, the rule and the key (never a silent default).

    Table    a table with a fixed set of keys (some required)
    MapOf    a table whose keys are free words (or declared names), each value of one shape
    ListOf   an array of values of one shape
    RuleList an array of tables, each a rule with an ``id`` (the unit a linguist adds)
    Word, Pattern, Int, Bool, Str, Ref   leaves; Ref names an event type, a mode or an issue
                                         declared in the rules themselves
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Leaf:
    """A scalar: ``kind`` is one of str, word, pattern, int, bool; ``choices`` limits a str."""

    kind: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ref:
    """A string that must name something the rules declare: "event_type", "mode" or "issue"."""

    kind: str


@dataclass(frozen=True)
class ListOf:
    item: Spec


@dataclass(frozen=True)
class MapOf:
    """A table with free keys; ``key`` (a Ref) makes each key a declared name."""

    value: Spec
    key: Ref | None = None


@dataclass(frozen=True)
class Table:
    fields: dict[str, Spec]
    required: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RuleList:
    """An array of rule tables; each names itself with ``id`` (unique within the file)."""

    rule: Table


Spec = Leaf | Ref | ListOf | MapOf | Table | RuleList

STR, WORD, PATTERN, INT, BOOL = Leaf("str"), Leaf("word"), Leaf("pattern"), Leaf("int"), Leaf("bool")
WORDS = ListOf(WORD)
PATTERNS = ListOf(PATTERN)
WORD_MAP = MapOf(WORDS)  # word -> the words it needs beside it
INT_MAP = MapOf(INT)


def every_key_required(fields: dict[str, Spec]) -> Table:
    """Return a table that must hold every one of ``fields``."""
    return Table(fields, frozenset(fields))


def _words_table() -> Table:
    return Table({"words": WORDS}, frozenset({"words"}))


def _names_table() -> Table:
    return Table({"names": WORDS}, frozenset({"names"}))


# An example a rule must pass: a short sentence and the record it must (or must not) yield.
# ``published`` dates the sentence (default: the day the examples are run against, see
# parley.rules.examples.PUBLISHED); the other keys narrow the record it must match.
EVENT_EXAMPLE = Table(
    {
        "text": STR,
        "published": STR,
        "mode": STR,  # "" means: no mode
        "modality": Leaf("str", ("asserted", "claimed", "denied", "planned", "hypothetical")),
        "actors": WORDS,  # names or ids; each must be among the event's parties
        "trigger": STR,
    },
    frozenset({"text"}),
)
TEXT_EXAMPLE = Table({"text": STR}, frozenset({"text"}))

EVENT_RULE = Table(
    {
        "id": WORD,
        "priority": INT,
        "type": Ref("event_type"),
        "lemmas": WORDS,
        "objects": WORDS,
        "objects_optional": BOOL,
        "mode": Ref("mode"),
        "mode_words": MapOf(WORDS, key=Ref("mode")),
        "mode_from_words": BOOL,
        "require_words": WORDS,
        "exclude_words": WORDS,
        "needs_with": BOOL,
        "needs_place": BOOL,
        "needs_actor": BOOL,
        "needs_complement": BOOL,
        "complement_of": WORDS,
        "mutual": BOOL,
        "by_object": BOOL,
        "note": STR,
        "examples": ListOf(EVENT_EXAMPLE),
        "counterexamples": ListOf(EVENT_EXAMPLE),
    },
    frozenset({"id", "priority", "type", "lemmas", "examples"}),
)

EVENTS = Table(
    {
        # the event types (PLOVER) and the modes each may take: every other file is checked against them
        "types": MapOf(Table({"modes": WORDS, "help": STR}, frozenset({"modes"}))),
        # words in a clause -> ASSAULT mode, when a rule says mode_from_words
        "modes": MapOf(WORDS, key=Ref("mode")),
        # event-finding words that are not triggers (verbs of saying are in speech.toml)
        "words": every_key_required(
            {
                "hedges": WORDS,
                "future": WORDS,
                "conditional": WORDS,
                "planning_heads": WORDS,
                "promising_heads": WORDS,
                "risk_heads": WORDS,
                "truce_starts": WORDS,
                "demand_modals": WORDS,
                "demand_heads": WORDS,
                "public_nouns": WORDS,
                "frequency_words": WORDS,
                "warning_verbs": WORDS,
                "standing_adverbs": WORDS,
                "pronouns": WORDS,
                "requested_things": WORDS,
                "force_nouns": WORDS,
                "state_nouns": WORDS,
                "claim_verbs": WORDS,
                "claim_nouns": WORDS,
                "continuation": WORDS,
                "institution_nouns": WORDS,
                "verify_verbs": WORDS,
                "repel_verbs": WORDS,
                "responsibility": WORDS,
                "time_preps": WORDS,
                "outlet_words": WORDS,
                "unreal_heads": WORDS,
                "denial_words": WORDS,
                "capture_lemmas": WORDS,
                "not_account": WORDS,
                "anchor_words": WORDS,
                "occasion_nouns": WORDS,
                "accusation": PATTERNS,
                "locative_preps": WORDS,
                "locative_preps_before_article": WORDS,
                "recipient_preps": WORDS,
                "noun_recipient_preps": WORDS,
                "group_anaphors": WORDS,
                "pair_nouns": WORDS,
            }
        ),
        "verb": RuleList(EVENT_RULE),
        "noun": RuleList(EVENT_RULE),
    },
    frozenset({"types", "modes", "words", "verb", "noun"}),
)

ISSUES = Table(
    {
        "issues": MapOf(
            Table(
                {
                    "terms": PATTERNS,
                    "help": STR,
                    "examples": ListOf(TEXT_EXAMPLE),
                    "counterexamples": ListOf(TEXT_EXAMPLE),
                },
                frozenset({"terms", "examples"}),
            )
        ),
        # the settlement itself, read only for a stance clause that names no issue (positions.py)
        "settlement": Table(
            {
                "terms": PATTERNS,
                "examples": ListOf(TEXT_EXAMPLE),
                "counterexamples": ListOf(TEXT_EXAMPLE),
            },
            frozenset({"terms", "examples"}),
        ),
    },
    frozenset({"issues"}),
)

# Terms that place a plan's point (a document's register, not news copy) on an issue.
PLAN_TERMS = Table(
    {"issues": MapOf(Table({"terms": PATTERNS, "note": STR}, frozenset({"terms"})), key=Ref("issue"))},
    frozenset({"issues"}),
)

CLAIMS = Table(
    {
        "cues": Table(
            {
                "unverified": PATTERNS,
                "denial": PATTERNS,
                "admission": PATTERNS,
                "anaphor": PATTERNS,
                "toll": PATTERNS,  # undisputed counts, no claim by themselves
                "retraction": PATTERNS,  # the claimant takes its claim back
                "conflicting": PATTERNS,  # the outlet says the sides' accounts differ
                "denied_content": PATTERNS,  # "denied that …": a denial of content it names
            },
            frozenset({"unverified", "denial", "admission", "anaphor", "toll", "retraction"}),
        ),
        "words": Table(
            {
                "force_verbs": WORDS,  # a reported clause told with one tells an act
                "deal_verbs": WORDS,  # a party's account of what was agreed
                "owning_verbs": WORDS,  # "claimed/accepted responsibility for"
                "owned_nouns": WORDS,  # "responsibility"
                "claimed_acts": WORDS,  # "claimed the attack"
                "charging_verbs": WORDS,  # "accused X of doing Y": the accuser's claim
                "attempt_words": WORDS,  # "tried to occupy the city": an act tried, not claimed
                "confirming_cues": WORDS,  # "X confirmed that …": an admission, no claim
                "denying_verbs": WORDS,  # "X denied …": X is a denier
                "rejecting_verbs": WORDS,  # "X rejected the claims": with an account noun only
                "account_nouns": WORDS,  # "claim", "report": what a rejecting verb denies
            },
            frozenset({"force_verbs", "deal_verbs", "owning_verbs", "owned_nouns", "claimed_acts"}),
        ),
    },
    frozenset({"cues", "words"}),
)

SPEECH = Table(
    {
        "verbs": Table(
            {
                "saying": WORDS,
                "signalling": WORDS,
                "phrasal": WORD_MAP,
                "roles": Table(
                    {"mandative": WORDS, "naming": WORDS, "naming_indirect": WORDS, "citing": WORDS},
                    frozenset({"mandative", "naming", "naming_indirect", "citing"}),
                ),
                # verbs of saying (or signalling) that may govern a clause an event is told in
                # ("said that …"), and those whose reported content is a stance
                "governing": WORDS,
                "stance": WORDS,
            },
            frozenset({"saying", "roles", "governing", "stance"}),
        ),
        "irregular": WORD_MAP,
        "phrases": Table({"according": WORDS}, frozenset({"according"})),
        "channels": _names_table(),
        "pronouns": Table(
            {
                "person": WORDS,
                "collective": WORDS,
                "relative": WORDS,
                "unresolvable": WORDS,
                "possessive": WORDS,
            },
            frozenset({"person", "collective", "relative", "unresolvable"}),
        ),
        "nouns": Table(
            {
                "documents": WORDS,
                "statements": WORDS,
                "roles": WORDS,
                "bodies": WORDS,
                "groups": WORDS,
                "media": WORDS,
                "state_markers": WORDS,
                "own_offices": WORDS,
                "titles": WORDS,
                "reports": WORDS,
            },
            frozenset({"documents"}),
        ),
        "layout": Table(
            {"skip_prefixes": WORDS, "caption_markers": WORDS},
            frozenset({"skip_prefixes", "caption_markers"}),
        ),
    },
    frozenset({"verbs", "irregular", "phrases", "channels", "pronouns", "nouns", "layout"}),
)

STANCE = Table(
    {
        "verbs": WORD_MAP,
        "adjectives": WORD_MAP,
        "nouns": Table(
            {
                "words": WORDS,
                "light_verbs": WORDS,
                "needs_modifier": WORD_MAP,
                "singular_only": WORDS,
                "described_by": WORDS,
            },
            frozenset({"words", "light_verbs"}),
        ),
        "speech": Table(
            {
                "modals": WORDS,
                "obligation_verbs": WORDS,
                "complaints": WORD_MAP,
                "commitments": WORDS,
                "judgements": WORDS,
                "judging_verbs": WORDS,
            },
            frozenset({"modals", "obligation_verbs"}),
        ),
        "hedges": _words_table(),
        "fact_verbs": _words_table(),  # stance verbs that with a that-clause only admit a fact
        "attempt_verbs": _words_table(),  # stance verbs that with an infinitive only tell an attempt
        # offices by which an unknown person may hold a position, and offices outside any party
        "holders": Table({"offices": WORDS, "outside": WORDS}, frozenset({"offices", "outside"})),
        "plans": Table(
            {"nouns": WORDS, "term_verbs": WORDS, "term_modals": WORDS, "author_verbs": WORDS},
            frozenset({"nouns", "term_verbs", "term_modals", "author_verbs"}),
        ),
        "anaphora": Table({"nouns": WORDS, "determiners": WORDS}, frozenset({"nouns", "determiners"})),
        # words by which quoted words state a stance rather than report a fact
        "quoted": Table({"markers": PATTERNS}, frozenset({"markers"})),
    },
    frozenset({"verbs", "adjectives", "nouns", "speech", "hedges", "plans", "anaphora", "quoted"}),
)

HOLIDAY = Table(
    {"month": INT, "day": INT, "weekday": INT, "nth": INT, "easter": Leaf("str", ("western", "orthodox")),
     "offset": INT},
)  # fmt: skip

DATES = Table(
    {
        "months": INT_MAP,
        "month_abbreviations_need_day": _names_table(),
        "month_ambiguous": _names_table(),
        "weekdays": INT_MAP,
        "weekday_exclusions": Table({"before": WORDS, "after": WORDS}, frozenset({"before", "after"})),
        "parts_of_day": _names_table(),
        "numbers": INT_MAP,
        "deictic": INT_MAP,
        "deictic_exclusions": Table({"before": WORDS}, frozenset({"before"})),
        "relative_periods": MapOf(ListOf(Leaf("scalar"))),
        "period_qualifiers": _words_table(),
        "month_cues": _words_table(),
        "anchored_fixed": INT_MAP,
        "anchored_need_anchor": Table({"phrases": WORDS}, frozenset({"phrases"})),
        "anchored_same_day": _words_table(),
        "anchored_directions": INT_MAP,
        "anchored_units": INT_MAP,
        "anchor_stopwords": _words_table(),
        "anchor_determiners": _words_table(),
        "holidays": MapOf(HOLIDAY),
        "holiday_exclusions": Table({"before": WORDS}, frozenset({"before"})),
        "future_cues": ListOf(
            Table({"pattern": PATTERN, "side": Leaf("str", ("both", "left"))}, frozenset({"pattern", "side"}))
        ),
        "clause_boundaries": Table(
            {"words": WORDS, "after_comma": WORDS, "relative_pronouns": WORDS},
            frozenset({"words", "after_comma", "relative_pronouns"}),
        ),
        "retold_acts": MapOf(WORDS),
    },
    frozenset(
        {
            "months", "month_abbreviations_need_day", "month_ambiguous", "weekdays", "weekday_exclusions",
            "parts_of_day", "numbers", "deictic", "deictic_exclusions", "relative_periods",
            "period_qualifiers", "month_cues", "anchored_fixed", "anchored_need_anchor",
            "anchored_same_day", "anchored_directions", "anchored_units", "anchor_stopwords",
            "anchor_determiners", "holidays", "holiday_exclusions", "future_cues", "clause_boundaries",
        }
    ),
)  # fmt: skip

# Words that tell a place from a person's name, and a locating mention from one that locates
# nothing (parley.analyse.place_evidence, parley.extract.places_located).
PLACES = Table(
    {
        "person_nouns": Table({"words": WORDS, "examples": ListOf(STR)}, frozenset({"words"})),
        "facilities": Table({"words": WORDS, "examples": ListOf(STR)}, frozenset({"words"})),
        "settlement_nouns": Table({"words": WORDS, "examples": ListOf(STR)}, frozenset({"words"})),
        "located": Table(
            {
                **{k: WORDS for k in ("says_verbs", "voice_nouns", "government_nouns", "agent_participles",
                                      "organisation_heads", "topic_nouns", "region_words",
                                      "briefing_nouns", "audience_verbs", "audience_nouns",
                                      "speaking_verbs", "caption_marks", "venue_heads", "stance_nouns",
                                      "war_nouns", "office_nouns", "journey_verbs", "origin_nouns")},
                "examples": ListOf(STR),
            },
            frozenset({"says_verbs", "voice_nouns", "government_nouns", "agent_participles",
                       "organisation_heads", "topic_nouns", "region_words", "briefing_nouns",
                       "audience_verbs", "audience_nouns", "speaking_verbs", "caption_marks",
                       "venue_heads", "stance_nouns", "war_nouns", "office_nouns"}),
        ),
        "toponyms": Table({"place_heads": WORDS, "examples": ListOf(STR)}, frozenset({"place_heads"})),
    },
    frozenset({"person_nouns", "located"}),
)  # fmt: skip

# Every rule file Parley reads, and its schema. A rules folder holds exactly these files.
SCHEMAS: dict[str, Table] = {
    "events.toml": EVENTS,
    "issues.toml": ISSUES,
    "plan_terms.toml": PLAN_TERMS,
    "claims.toml": CLAIMS,
    "speech.toml": SPEECH,
    "stance.toml": STANCE,
    "dates_lexicon.toml": DATES,
    "places.toml": PLACES,
}

__all__ = ["SCHEMAS", "Leaf", "ListOf", "MapOf", "Ref", "RuleList", "Spec", "Table", "every_key_required"]
