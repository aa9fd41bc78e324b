"""The verb-of-saying lexicon and cue patterns, built from ``speech.toml`` of the rules folder."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from parley.rules import Rules, load_rules

_VOWELS = set("aeiou")


@dataclass(frozen=True)
class SpeechLexicon:
    """Everything the quote extractor knows about how speech is reported in English."""

    saying: frozenset[str]  # lemmas of verbs of saying
    phrasal: dict[str, frozenset[str]]  # lemma -> particles that make it a verb of saying
    mandative: frozenset[str]
    naming: frozenset[str]
    naming_indirect: frozenset[str]
    citing: frozenset[str]
    according: tuple[tuple[str, ...], ...]  # word sequences, lowercase
    channels: frozenset[str]
    person_pronouns: frozenset[str]
    collective_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    unresolvable: frozenset[str]
    documents: frozenset[str]
    statements: frozenset[str]  # "the statement said": the issuer spoke before
    roles: frozenset[str]  # roles that speak for the person the text just named
    bodies: frozenset[str]  # bodies that speak for the party the text just named
    groups: frozenset[str]  # "the group said": the group or organisation spoken of before
    media: frozenset[str]  # outlets; with a state marker ("state media") they speak for the state
    state_markers: frozenset[str]
    own_offices: frozenset[str]  # "his office said": the person, not their state
    titles: frozenset[str]  # words of a title before a name ("Sen.", "Secretary"), not the name
    reports: frozenset[str]  # nouns whose "that" clause is a named party's words ("claims by X that")
    possessives: frozenset[str]  # possessive pronouns that name a speaker's owner
    skip_prefixes: tuple[str, ...]
    caption_markers: tuple[str, ...]
    surface_forms: frozenset[str]  # every inflected form of every cue, for the pre-filter

    def is_cue_lemma(self, lemma: str, particles: set[str] | None = None) -> bool:
        """Return True when ``lemma`` (with its particles) is a verb of saying or naming."""
        lemma = lemma.lower()
        if lemma in self.saying or lemma in self.naming:
            return True
        wanted = self.phrasal.get(lemma)
        return bool(wanted and particles and wanted & particles)


def inflect(lemma: str) -> set[str]:
    """Return the regular inflections of an English verb lemma (base, -s, -ed, -ing)."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.add(lemma + "d")
        forms.add((lemma[:-1] if not lemma.endswith("ee") else lemma) + "ing")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms.add(lemma[:-1] + "ied")
        forms.add(lemma + "ing")
    else:
        forms.add(lemma + "ed")
        forms.add(lemma + "ing")
    return forms


def _words(values: list[str]) -> frozenset[str]:
    """Return ``values`` lower-cased, as a frozen set."""
    return frozenset(v.lower() for v in values)


def load_lexicon(rules: Rules | None = None) -> SpeechLexicon:
    """Return the speech lexicon of ``rules`` (default: the shipped rules), built once per rules folder."""
    return _lexicon(rules or load_rules())


@lru_cache(maxsize=8)
def _lexicon(rules: Rules) -> SpeechLexicon:
    data = rules["speech.toml"]  # checked against its schema: every key below is present
    verbs = data["verbs"]
    roles = verbs["roles"]
    saying = _words(verbs["saying"])
    phrasal = {k.lower(): _words(v) for k, v in verbs.get("phrasal", {}).items()}
    naming = _words(roles["naming"])
    forms: set[str] = set()
    for lemma in saying | naming | set(phrasal):
        forms |= inflect(lemma)
    reports = _words(data["nouns"].get("reports", []))
    forms |= reports | {r + "s" for r in reports}
    for extra in data.get("irregular", {}).values():
        forms |= _words(extra)
    according = tuple(tuple(p.lower().split()) for p in data["phrases"]["according"])
    forms |= {p[0] for p in according}
    pronouns = data["pronouns"]
    layout = data["layout"]
    return SpeechLexicon(
        saying=saying,
        phrasal=phrasal,
        mandative=_words(roles["mandative"]),
        naming=naming,
        naming_indirect=_words(roles["naming_indirect"]),
        citing=_words(roles["citing"]),
        according=according,
        channels=_words(data["channels"]["names"]),
        person_pronouns=_words(pronouns["person"]),
        collective_pronouns=_words(pronouns["collective"]),
        relative_pronouns=_words(pronouns["relative"]),
        unresolvable=_words(pronouns["unresolvable"]),
        documents=_words(data["nouns"]["documents"]),
        statements=_words(data["nouns"].get("statements", [])),
        roles=_words(data["nouns"].get("roles", [])),
        bodies=_words(data["nouns"].get("bodies", [])),
        groups=_words(data["nouns"].get("groups", [])),
        media=_words(data["nouns"].get("media", [])),
        state_markers=_words(data["nouns"].get("state_markers", [])),
        own_offices=_words(data["nouns"].get("own_offices", [])),
        titles=_words(data["nouns"].get("titles", [])),
        reports=reports,
        possessives=_words(pronouns.get("possessive", [])),
        skip_prefixes=tuple(p.lower() for p in layout["skip_prefixes"]),
        caption_markers=tuple(m.lower() for m in layout["caption_markers"]),
        surface_forms=frozenset(forms),
    )
