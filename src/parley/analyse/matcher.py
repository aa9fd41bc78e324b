"""Finds actor and place mentions with the knowledge base, ahead of spaCy's statistical NER.

The small English model tags Zaporizhzhia as PERSON and Kramatorsk as PRODUCT, so names are
matched against the knowledge base first (longest match over tokens, case- and
transliteration-tolerant) and the model's entities only fill the long tail (people and
organisations the registry does not know). Capitals are actors ("Moscow said") unless a
locative preposition makes them places ("talks in Moscow").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from parley.analyse.doc_views import entities, span_tokens
from parley.analyse.doc_views import text as doc_text
from parley.analyse.doc_views import tokens as doc_tokens
from parley.analyse.facilities import facility_spans
from parley.analyse.mentions import Mention
from parley.analyse.organisations import civil_head, find_organisations, head_kind
from parley.analyse.place_evidence import after_person_noun, name_runs, people_words, settlement_names
from parley.kb.fold import fold, norm
from parley.model.records import ActorRef, PlaceRef

# Tokens a name may take beyond its words: the hyphens and apostrophes spaCy splits off
# ("Jama'at Nusrat al-Islam wal-Muslimin" is 5 words in 8 or more tokens).
JOINER_SLACK = 6
# Words after which a capital or region names a location, not a government.
LOCATIVE = frozenset(
    [
        "in",
        "at",
        "near",
        "to",
        "from",
        "into",
        "around",
        "outside",
        "inside",
        "across",
        "toward",
        "towards",
        "via",
        "through",
    ]
)
# Verbs whose object is where the act happens ("will visit Moscow", "the envoy visited Kyiv").
VISIT_VERBS = frozenset(["visit", "visits", "visited", "visiting"])
# Words before a seat of government ("talks at the White House", "will visit the Kremlin") that put
# an act in the seat's town; "a letter to the White House", "word from the Kremlin" locate nothing,
# and "hardliners in the Kremlin", "sources inside the White House" name people of a government.
SEAT_LOCATIVE = VISIT_VERBS | frozenset(["at"])
# Prepositions after which a country only locates something ("in Ukraine"), rather than taking part.
WITHIN = frozenset(["in", "inside", "across", "throughout", "within"])
# Nouns a city's name is given to ("the Minsk agreements", "the Doha talks", "the Astana format"):
# before one of them a capital names an agreement or a forum, not its government.
NAMED_AFTER_A_CITY = frozenset(
    ["agreement", "agreements", "accord", "accords", "talks", "process", "format", "declaration",
     "protocol", "framework", "summit", "conference", "communique", "communiqué", "memorandum"]
)  # fmt: skip
# Participles after which a state glued by a hyphen is a broker or backer of the act, not its doer
# ("a US-brokered truce", "Rwanda-backed rebels seized the town"): the modifier names no party.
THIRD_PARTY_PARTICIPLES = frozenset(
    ["brokered", "mediated", "hosted", "facilitated", "backed", "sponsored", "supported", "funded",
     "aligned", "allied"]
)  # fmt: skip
# Participles after which a state glued by a hyphen says where a thing is, flies its flag or is
# headed ("the Yemen-based group", "a Palau-flagged ship", "Israel-bound vessels"): a place or a
# registry, no party to the act.
LOCATING_PARTICIPLES = frozenset(["based", "flagged", "registered", "bound", "headquartered"])
# Either kind glued by a hyphen to a name ("a Qatar-brokered deal", "the Yemen-based group").
GLUED_PARTICIPLES = THIRD_PARTY_PARTICIPLES | LOCATING_PARTICIPLES
# Nouns of a body of water whose name a place completes after "of" ("the Gulf of Aden", "the Sea of
# Azov", "the Strait of Hormuz"): the name is the water's, neither a government nor a place.
WATER_NOUNS = frozenset(["gulf", "sea", "strait", "straits", "bay"])
# Verbs that give a place a name of likeness ("dubbed 'little Gaza'"); with "known as" (_nickname_at).
NICKNAME_VERBS = frozenset(["dubbed", "nicknamed"])
# "<number> km <direction> of X" locates nothing in X (FORMAT.md: reference points are not places).
DISTANCE_UNITS = frozenset(["km", "kilometres", "kilometers", "miles", "mi", "metres", "meters"])
DIRECTIONS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
    ]
)
# Generic words that follow a place name to make a region: tried as part of the span.
REGION_WORDS = frozenset(["region", "oblast", "province", "governorate", "state", "district", "raion"])
# Last words of a division's name that make it no short pair of its city ("Nasir County", "Kano
# Municipality", "Gaza City"): such a division is counted apart from the town it is named for.
LONG_NAME_TAILS = frozenset(
    ["city", "county", "zone", "area", "municipality", "republic", "territory", "region"]
)
# Region words that, before "of", make the name after them a division: "the province of Sweida"
# ("the state of X" is left out: "the State of Israel" names a country).
OF_REGION_WORDS = frozenset(["region", "oblast", "province", "governorate"])
# Plural region words after a list of names: "the Donetsk and Luhansk regions" (singular form).
PLURAL_REGION_WORDS = {
    "regions": "region", "oblasts": "oblast", "provinces": "province", "governorates": "governorate",
    "states": "state", "districts": "district",
}  # fmt: skip
# Plural nouns of settlements and their parts after a list of names ("the Ashrafieh and Bani Zeid
# neighbourhoods", "the Mansi and Momauk townships"): each name is a place of that kind.
PLURAL_SETTLEMENT_NOUNS = frozenset(
    {"neighbourhoods", "neighborhoods", "villages", "towns", "townships", "suburbs", "camps", "districts"}
)
# Last words of a water body's name: seas and rivers are not places (FORMAT.md).
WATER_WORDS = frozenset(["sea", "ocean", "gulf", "river", "strait", "bay", "lake", "channel"])
# Nouns after a name that make it a settlement or a part of one, never a person ("X district").
SETTLEMENT_WORDS = frozenset(
    {"district", "municipality", "village", "town", "neighbourhood", "neighborhood", "suburb", "camp",
     "governorate", "province", "region", "oblast"}
)  # fmt: skip
# A ministry named without its state ("the Defence Ministry", "Ministry of Foreign Affairs").
_FIELDS = r"(?:Defen[cs]e|Foreign Affairs|Foreign|Interior|Internal Affairs|Health|Justice|Finance|Energy)"
BARE_MINISTRY = re.compile(rf"\b(?:{_FIELDS} Ministry|Ministry [Oo]f (?:the )?{_FIELDS})\b")
# Words that are never places on their own, however the gazetteer spells them: a data file, so
# that a linguist adds one without touching code.
NOT_PLACES_FILE = Path(__file__).resolve().parent.parent / "kb" / "data" / "places" / "not_places.txt"


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Return the folded words of not_places.txt (comments and blank lines skipped)."""
    lines = NOT_PLACES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(norm(x) for x in (line.split("#", 1)[0].strip() for line in lines) if x)


# spaCy entity types that are never places, whatever the gazetteer holds ("August", "World War II").
NOT_PLACE_ENTS = frozenset(
    {
        "DATE",
        "TIME",
        "EVENT",
        "LAW",
        "WORK_OF_ART",
        "CARDINAL",
        "ORDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "LANGUAGE",
    }
)
# Feature codes the article's `places` leave out (FORMAT.md: countries, seas and rivers are not places).
NOT_PLACE_FEATURES = ("A.PCL", "H.")
# Alias or folded matches on names this short are coincidences ("On" → Oni) unless spelt exactly.
MIN_FUZZY_LEN = 5
# A place name with no other evidence of being a place (no place entity, no "in"/"near" before it,
# no region word) is still taken when its place is this populous, a capital or a seat of a region:
# the prior is strong. Calibrated on realnews dev: below it sit "Media" (PA), "Horn" (Austria),
# "Statte" (Italy), towns that share a name with a common word.
STRONG_PRIOR_POPULATION = 100_000
STRONG_PRIOR_FEATURES = ("P.PPLC", "P.PPLA", "A.ADM1")
# Below this likeness to the place's own name an alias is another name, not a spelling of it
# ("Johnson" for Sturtevant, 12%); transliterations score above (Kaluga region and Kaluzhskaya
# Oblast', the lowest on realnews dev, 50%).
OTHER_NAME_LIKENESS = 0.5
# A place with weaker evidence is taken when it lies this close to a place the article names with
# good evidence (a village beside the town the story is about).
NEAR_EVIDENCE_KM = 60.0
# Words that, before "of", make the next name a place ("the town of X", "the outskirts of X").
PLACE_NOUNS = frozenset(
    ["town", "city", "village", "region", "province", "district", "outskirts", "suburb", "port", "capital",
     "area", "settlement", "municipality", "county", "state", "governorate", "oblast", "camp", "airport",
     "republic", "towns", "cities", "villages", "regions", "provinces", "districts", "settlements"]
)  # fmt: skip
# Words of a part before "of" that make the next name a place it is part of ("all of X", "parts of X").
PART_WORDS = frozenset(["all", "most", "much", "parts", "part", "rest", "areas", "centre", "center", "heart"])
# Names this short are abbreviations or words ("IL", "US", "Il"), never places on their own.
MAX_NEVER_PLACE_LEN = 2
# How sure a place the gazetteer lacks is: the model's entity label and a place word agree, but
# nothing confirms the name.
UNKNOWN_PLACE_CONFIDENCE = 0.4
# Evidence the text itself gives (as opposed to the model's entity label or the name's length).
TEXTUAL_EVIDENCE = frozenset({"locative", "place noun", "region word", "capital phrase", "list"})
# spaCy entity types that are evidence of a place.
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Tokens that close a clause, after which a name is no longer part of the one before.
CLAUSE_ENDS = frozenset({",", ".", ";", ":", "—", "–"})
# A candidate place name: its text, offsets, and what says it is a place (see MentionFinder._evidence).
PlaceSpan = tuple[str, int, int, frozenset[str]]
# Titles that precede a person's name; they are not part of the name.
TITLE_WORDS = frozenset(
    [
        "president",
        "minister",
        "secretary",
        "general",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "envoy",
        "ambassador",
        "adviser",
        "advisor",
        "aide",
        "chief",
        "commander",
        "official",
        "director",
        "chairman",
        "chair",
        "head",
        "leader",
        "prime",
        "foreign",
        "defence",
        "defense",
        "interior",
        "deputy",
        "senator",
        "governor",
        "mayor",
        "colonel",
        "lieutenant",
        "major",
        "brigadier",
        "marshal",
        "admiral",
        "sheikh",
        "emir",
        "king",
        "prince",
        "queen",
        "pope",
        "lawmaker",
        "negotiator",
        "representative",
        "coordinator",
        "rapporteur",
        "commissioner",
        "army",
        "staff",
    ]
)
# Abbreviated ranks and honorifics ("Lt Col", "Maj. Gen."): titles like the words above.
RANK_ABBREVIATIONS = frozenset(
    ["lt", "lt.", "col", "col.", "gen", "gen.", "maj", "maj.", "capt", "capt.", "brig", "brig.", "sgt",
     "sgt.", "cmdr", "cmdr.", "adm", "adm.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."]
)  # fmt: skip
TITLE_WORDS = TITLE_WORDS | RANK_ABBREVIATIONS
# Words that may sit between an owner and a title before a name ("Rwanda's minister of state for
# regional integration James Kabarebe", "Ukraine's top negotiator X").
ROLE_FILLERS = frozenset(
    ["of", "for", "the", "and", "top", "senior", "chief", "former", "acting", "state", "regional",
     "integration", "affairs", "national", "security", "special"]
)  # fmt: skip
# Lower-case particles inside a name ("Izzat al-Rishq", "Abdul Ghani al-Kikli", "Ursula von der Leyen").
NAME_PARTICLES = frozenset(
    ["al", "el", "ad", "ar", "as", "at", "an", "bin", "ibn", "bint", "van", "von", "der", "de", "da", "du",
     "dos", "le", "la"]
)  # fmt: skip
# Nouns of institutions that the model sometimes folds into a person's name ("Ministry Mohammed Al"):
# a name never starts with one.
INSTITUTION_WORDS = frozenset(
    ["ministry", "office", "council", "agency", "department", "committee", "commission", "bureau",
     "embassy", "court", "parliament", "government", "army", "forces", "media", "spokesperson",
     "command", "headquarters", "directorate", "service", "guard", "staff"]
)  # fmt: skip
# Last words of a meeting's name: a meeting named after its town happens there ("Munich Security
# Conference"), unlike a body named after it ("Washington University").
MEETING_WORDS = frozenset(
    ["conference", "summit", "forum", "talks", "meeting", "dialogue", "games", "olympics", "festival",
     "congress", "convention", "process", "format", "declaration", "accords", "agreement"]
)  # fmt: skip
# Adjectives of a country's part: "in eastern Ukraine" locates, as "in Ukraine" does.
COMPASS_ADJECTIVES = frozenset(
    ["northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
     "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western"]
)  # fmt: skip
# A reading in a country the article never names, this far from all its other places, is a guess.
STRAY_KM = 1500.0
# Lower-case particles inside a place name ("Deir el-Balah", "Ras al Ain", "Bandar ad Dammam").
PLACE_NAME_PARTICLES = frozenset(
    ["el", "al", "ad", "as", "ash", "ar", "az", "ez", "es", "ul", "de", "du", "la", "le"]
)
# What stands between a place and the country the text places it in: "Geneva, Switzerland",
# "Pokrovsk in eastern Ukraine", "Sumy, in northern Ukraine".
STATED_COUNTRY_GAP = re.compile(
    r",\s*(?:the\s+)?|,?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))"
    r"(?:ern)?\s+)?",
    re.I,
)
# Possessive clitics the tokenizer splits off ("God's"): never part of a place name.
CLITICS = frozenset(["'s", "’s", "'", "’"])
# Methods under which a lower-case match is allowed (titles and institutions are written in lower case).
LOWERCASE_OK = frozenset({"role", "institution"})


@dataclass(frozen=True)
class _Form:
    key: str
    method: str


@lru_cache(maxsize=4)
def _actor_index(registry: Any) -> dict[str, list[_Form]]:
    """Return norm(surface) → forms, built once per registry, and kept on disk for a registry
    loaded from data files (``registry.source``), which the next process reads back."""
    source = getattr(registry, "source", None)
    if not source:
        return _build_actor_index(registry)
    from parley.analyse.norm_cache import cached_index

    return cached_index(source, lambda: _build_actor_index(registry), code=[Path(__file__)])


def _build_actor_index(registry: Any) -> dict[str, list[_Form]]:
    from parley.analyse.norm_cache import norms

    index: dict[str, list[_Form]] = {}
    made: dict[tuple[str, str], _Form] = {}  # ~1,500 distinct forms behind ~100,000 names: make each once
    forms = list(registry.surface_forms())
    for (_surface, key, method), n in zip(forms, norms([f[0] for f in forms]), strict=True):
        if n.startswith("the "):
            n = n[4:]
        if not n:
            continue
        form = made.get((key, method))
        if form is None:
            form = made[(key, method)] = _Form(key, method)
        index.setdefault(n, []).append(form)
    return index


def _entity_length(tok: Any) -> int:
    """Return how many tokens the named entity around ``tok`` has (0 outside entities)."""
    if not tok.ent_type_:
        return 0
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
        end += 1
    return end - start


def _after_place_noun(tokens: Sequence[Any], i: int) -> bool:
    """Return True when tokens[i] follows a place noun and "of" ("the city of X")."""
    return i >= 2 and tokens[i - 1].lower_ == "of" and tokens[i - 2].lower_ in PLACE_NOUNS


def _names_throughout(first: Any) -> bool:
    """Return True when every word of the entity that starts at ``first`` is capitalised: the model
    also reads "Zaporizhzhia overnight" as a person, but a lower-case word is no part of a name."""
    doc = first.doc
    end = first.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return all(_is_capitalised(t.text) for t in doc[first.i : end] if t.is_alpha)


def _is_capitalised(text: str) -> bool:
    return bool(text) and (text[0].isupper() or not text[0].isalpha())


# Arabic names open with the article in lower case ("al-Shabaab", "al Qaeda", "ash-Sham").
ARTICLE_NAME = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az)[- ][A-Z]")


def _article_name(text: str) -> bool:
    """Return True for a name whose only lower-case word is an Arabic article ("al-Shabaab")."""
    return ARTICLE_NAME.match(text) is not None


def _names_region(text: str) -> bool:
    """Return True when a place name ends in a region word ("Tula Region", "Nasir County")."""
    words = text.lower().split()
    return len(words) > 1 and words[-1] in REGION_WORDS | {"county", "zone"}


# Entity types the small model gives a bare name it does not know ("the towns of Mansi and
# Momauk" as one work of art); after a place noun and "of" they are no evidence against a place.
MISREAD_NAME_ENTS = frozenset({"WORK_OF_ART", "PRODUCT"})


def _name_run(tokens: Sequence[Any], i: int) -> int:
    """Return the end of the proper name that starts at tokens[i] (i itself when none does):
    capitalised words, with inner particles and hyphens ("Maroun al-Ras", "Kfar Kila")."""
    j = i
    while j < len(tokens):
        t = tokens[j]
        if (
            (t.is_alpha and _is_capitalised(t.text) and not t.is_stop and t.ent_type_ not in NOT_PLACE_ENTS)
            or (
                j > i
                and (t.text in ("-", "‐") or t.lower_ in PLACE_NAME_PARTICLES)
                and j + 1 < len(tokens)
                and (
                    tokens[j + 1].is_alpha
                    and (_is_capitalised(tokens[j + 1].text) or tokens[j + 1].text in ("-",))
                )
            )
            or (
                j > i
                and t.lower_ in PLACE_NAME_PARTICLES
                and j + 1 < len(tokens)
                and tokens[j + 1].text == "-"
            )
        ):
            j += 1
        else:
            break
    return j


def _in_organisation_name(tokens: Sequence[Any], i: int, j: int) -> bool:
    """Return True when tokens[i:j] open or sit inside an organisation's name that goes on in
    capitals ("Washington University", "Cambridge Analytica", "Bank of England", "Suffolk
    Times"): the body is named after the place, it does not locate anything there. A meeting
    named after its town ("Munich Security Conference", "Washington Summit") still does."""
    if tokens[i].ent_type_ != "ORG":
        return False
    start = i
    while start > 0 and tokens[start].ent_iob_ == "I":
        start -= 1
    end = j
    while end < len(tokens) and tokens[end].ent_iob_ == "I":
        end += 1
    rest = [t for t in (*tokens[start:i], *tokens[j:end]) if t.is_alpha and _is_capitalised(t.text)]
    if not rest or tokens[end - 1].lower_ in MEETING_WORDS:
        return False
    return not all(t.lower_ in REGION_WORDS for t in rest)


def _clean_name_edges(span: Sequence[Any]) -> bool:
    """Return True unless a place span holds a possessive clitic or starts or ends on a dash or
    apostrophe ("God's", "BORNA -"): those tokens belong to the sentence, not to the name."""
    if any(t.lower_ in CLITICS for t in span):
        return False
    return span[0].text not in "-'" and span[-1].text not in "-'"


class MentionFinder:
    """Finds mentions in a parsed document using an actor registry and a gazetteer."""

    def __init__(self, registry: Any, gazetteer: Any) -> None:
        self.registry = registry
        self.gazetteer = gazetteer
        self.index = _actor_index(registry)
        # The longest name, in words, behind each first word: a span is tried up to that length
        # (plus the joiners spaCy splits off), so a registry name of any length can match whole.
        # A fixed 7-token cap had cut "Armed Forces of the Democratic Republic of the Congo".
        self.longest: dict[str, int] = {}
        for key in self.index:
            words = key.split(" ")
            self.longest[words[0]] = max(self.longest.get(words[0], 0), len(words))
        self._states: dict[str, ActorRef] | None = None
        self._text = ""
        self._lower_words: set[str] = set()
        self._people_words: frozenset[str] = frozenset()
        self._exact_case = getattr(registry, "needs_exact_case", lambda s: len(s) <= 3 and s.isalpha())

    # -- actors -------------------------------------------------------------------------------

    def _actor_at(self, tokens: Sequence[Any], i: int, published: date | None) -> tuple[int, Mention] | None:
        words = self.longest.get(norm(tokens[i].text).split(" ", 1)[0])
        if words is None:
            return None  # no surface form starts with this word ("U.S." folds to "u s"): skip the lookups
        n_tok = len(tokens)
        for length in range(min(words + JOINER_SLACK, n_tok - i), 0, -1):
            span = tokens[i : i + length]
            last = span[-1]
            if last.is_punct or span[0].is_punct or any(t.is_space for t in span):
                continue
            start, end = span[0].idx, last.idx + len(last.text)
            text = self._text[start:end]
            forms = self.index.get(norm(text))
            if not forms:
                continue
            form = forms[0]
            if form.method not in LOWERCASE_OK and not (_is_capitalised(text) or _article_name(text)):
                continue
            if self._exact_case(text) and not text.isupper():
                continue  # "us", "who": acronyms must be written as acronyms
            actor = self.registry.resolve(text, on=published)
            if actor is None:
                if form.method == "role":  # an unknown holder stays a role, not a guess
                    return i + length, Mention(start, end, text, "role", actor=None)
                continue
            if form.method != "role" and self._part_of_other_name(tokens, i, i + length, actor, text):
                continue
            kind = "role" if form.method == "role" else "actor"
            # include a preceding "the" in the span
            if i > 0 and tokens[i - 1].lower_ == "the":
                start = tokens[i - 1].idx
                text = self._text[start:end]
            return i + length, Mention(start, end, text, kind, actor=actor)
        return None

    def _part_of_other_name(self, tokens: Sequence[Any], i: int, j: int, actor: ActorRef, text: str) -> bool:
        """Return True when tokens[i:j] are only a piece of a person's name the model reads.

        "Mali" of "Mali Socheata" is not the state, nor "Kuleba" of "Oleksiy Kuleba" the registry's
        Dmytro Kuleba: the model's PERSON entity runs on past the match (with a name word, not a
        title), or starts before it with a given name the registered person does not bear.
        """
        if j < len(tokens) and actor.kind != "person":
            nxt = tokens[j]
            if (
                nxt.ent_iob_ == "I"
                and nxt.ent_type_ == "PERSON"
                and tokens[i].ent_type_ == "PERSON"
                and nxt.is_alpha
                and _is_capitalised(nxt.text)
                and nxt.lower_ not in TITLE_WORDS
                and nxt.lower_ not in INSTITUTION_WORDS
            ):
                return True
        if i == 0 or tokens[i].ent_iob_ != "I":
            return False
        last_of_org = tokens[i].ent_type_ == "ORG" and (j == len(tokens) or tokens[j].ent_iob_ != "I")
        if tokens[i].ent_type_ != "PERSON" and not (last_of_org and actor.kind != "person" and j == i + 1):
            # a registry name ends an ORG-read name: "Kayikwamba Wagner" is no Wagner Group
            return False
        prev = tokens[i - 1]
        if not (prev.is_alpha and _is_capitalised(prev.text)) or prev.lower_ in TITLE_WORDS:
            return False
        if prev.is_stop:
            return False  # "The Tigray People's Liberation Front": a sentence's first "The" is no given name
        if norm(prev.text) in self.index:
            return False  # "OSCE Minsk": a registry name before it is a name of its own
        if self.registry.state_for_demonym(prev.text) is not None:
            return False  # "Ukrainian Zelensky"
        cands = self.registry.lookup(text)
        known = {fold(w) for c in cands[:1] for n in (c.entry.name, *c.entry.aliases) for w in n.split()}
        return bool(cands) and fold(prev.text) not in known

    # -- places -------------------------------------------------------------------------------

    def _place_span_at(self, tokens: Sequence[Any], i: int) -> tuple[int, str, int, int] | None:
        first = tokens[i]
        if not _is_capitalised(first.text) or not first.is_alpha or first.lower_ == "the":
            return None
        if (first.ent_type_ in NOT_PLACE_ENTS and not self._misread_after_place_noun(tokens, i)) or (
            first.is_stop and first.pos_ != "PROPN"
        ):
            return None
        if (
            first.ent_type_ == "PERSON"
            and _entity_length(first) > 1
            and not (_after_place_noun(tokens, i) and not _names_throughout(first))
            and not self._entity_is_place_name(first)
        ):
            return None  # "Yassin" in "Yassin Ibrahim": a two-word person is rarely a town
        if first.lower_ in TITLE_WORDS or first.lower_ in ("middle", "far"):
            return None  # "Air Marshal", "the Middle East": titles name no town
        compass = first.lower_ in DIRECTIONS  # "the East" names no town; "South Kivu" is a province
        if self.registry.state_for_demonym(first.text.rstrip("-")) is not None:
            return None  # "Indian-administered": a demonym, whatever town shares its spelling
        n_tok = len(tokens)
        for length in range(min(5, n_tok - i), 0, -1):
            span = tokens[i : i + length]
            if any((t.is_punct and t.text not in "-'") or t.is_space for t in span):
                continue
            if not _clean_name_edges(span):
                continue  # "God's", "BORNA -": a clitic or a dash is no part of a name
            if length == 1 and compass:
                continue
            if length == 1 and first.pos_ != "PROPN" and first.ent_type_ not in ("GPE", "LOC", "FAC"):
                continue  # a capitalised common word ("Most", "Got") is not a town of that name
            # every token but region words and inner particles ("Deir el-Balah") must be capitalised;
            # an inner "and" joins a name the gazetteer holds whole ("Jammu and Kashmir"): the
            # longest name wins over its first word
            if any(
                not _is_capitalised(t.text)
                and t.lower_ not in REGION_WORDS
                and t.text not in "-'"
                and not (0 < k < length - 1 and (t.lower_ in PLACE_NAME_PARTICLES or t.lower_ == "and"))
                for k, t in enumerate(span)
            ):
                continue
            start, end = span[0].idx, span[-1].idx + len(span[-1].text)
            text = self._text[start:end]
            if norm(text) in not_places():
                continue
            if span[-1].lower_ in WATER_WORDS and not (
                i + length < n_tok and tokens[i + length].lower_ in REGION_WORDS
            ):
                return None  # "the Red Sea" is water (FORMAT.md), "Red Sea state" a region
            if self.gazetteer.has_name(text):
                if self._inside_longer_name(tokens, i, i + length):
                    return None  # "Abu" of "Abu Salim", "Moscow" of "Moscow Times": not this place
                # extend with a following region word ("Donetsk region")
                j = i + length
                if j < n_tok and tokens[j].lower_ in REGION_WORDS:
                    end2 = tokens[j].idx + len(tokens[j].text)
                    text2 = self._text[start:end2]
                    if self.gazetteer.has_name(text2):
                        return j + 1, text2, start, end2
                return i + length, text, start, end
        return None

    @staticmethod
    def _misread_after_place_noun(tokens: Sequence[Any], i: int) -> bool:
        """Return True for a name after "the town(s) of" that the model reads as a title
        ("the towns of Mansi and Momauk" as a work of art): the place noun says what it is."""
        return tokens[i].ent_type_ in MISREAD_NAME_ENTS and _after_place_noun(tokens, i)

    def _entity_is_place_name(self, first: Any) -> bool:
        """Return True when the whole entity that starts at ``first`` is a place name the gazetteer
        holds: the model reads "Khan Younis" as a person, but the two words together name a town."""
        if first.ent_iob_ != "B":
            return False
        end = first.i + 1
        while end < len(first.doc) and first.doc[end].ent_iob_ == "I":
            end += 1
        span = first.doc[first.i : end]
        return _clean_name_edges(span) and self.gazetteer.has_name(span.text)

    def _inside_longer_name(self, tokens: Sequence[Any], i: int, j: int) -> bool:
        """Return True when tokens[i:j] are a piece of a longer name: the longest name wins.

        A longer person's name ("Vladimir" of "Vladimir Putin") or place name ("Abu" of "Abu Salim")
        that holds the span means the span is not this place. An organisation named after its town
        ("Munich Security Conference", "Kremenchuk refinery") still locates the town. Without an
        entity, a capitalised proper noun right after the span marks it as a piece of a name.
        """
        ent = tokens[i].ent_type_
        if ent:
            start = i
            while start > 0 and tokens[start].ent_iob_ == "I":
                start -= 1  # back to the entity's "B" token
            end = i + 1
            while end < len(tokens) and tokens[end].ent_iob_ == "I":
                end += 1
            for k in range(i - 1, start - 1, -1):
                if tokens[k].lower_ in ("and", ","):
                    start = k + 1  # "North and South Kivu": an entity of two places, not one name
                    break
            extra = [
                t
                for t in (*tokens[start:i], *tokens[j:end])
                if t.lower_ not in REGION_WORDS and t.lower_ != "the"
            ]
            if _after_place_noun(tokens, i):
                # "the city of Zaporizhzhia overnight": after a place noun a lower-case word the
                # model runs on with is no part of the name
                extra = [t for t in extra if _is_capitalised(t.text) or not t.is_alpha]
            if [t.lower_ for t in tokens[start:i]][-2:] in (["republic", "of"], ["city", "of"]):
                # "the Republic of Adygea": the generic words of a region's official name
                extra = [t for t in extra if t.i >= i]
            return bool(extra) and ent in ("PERSON", *PLACE_ENTS)  # "Bryansk" of "Bryansk Region" is the name
        if (
            j + 1 < len(tokens)
            and tokens[j].lower_ in PLACE_NAME_PARTICLES
            and tokens[j + 1].is_alpha
            and _is_capitalised(tokens[j + 1].text)
            and tokens[j - 1].whitespace_ == " "
        ):
            return True  # "Stade" of "Stade de France": a particle and a capital go on with the name
        if j < len(tokens):
            nxt = tokens[j]
            return bool(
                nxt.pos_ == "PROPN"
                and nxt.is_alpha
                and _is_capitalised(nxt.text)
                and tokens[j - 1].whitespace_ == " "
                and nxt.lower_ not in REGION_WORDS
                and nxt.lower_ not in TITLE_WORDS
                and not nxt.ent_type_
            )
        return False

    def _region_of(self, tokens: Sequence[Any], i: int, text: str) -> str:
        """Return the name to resolve for a place written after "the province of", "the region of":
        "the southern province of Sweida" is the governorate, not its namesake city, so the name is
        looked up with its region word ("Sweida province") when the gazetteer reads that as a
        division; the mention keeps the words of the text."""
        if i < 2 or tokens[i - 1].lower_ != "of" or tokens[i - 2].lower_ not in OF_REGION_WORDS:
            return text
        name = f"{text} {tokens[i - 2].lower_}"
        found = self.gazetteer.lookup(name, limit=1)
        return name if found and (found[0].place.feature or "").startswith("A.ADM") else text

    def _elided_compass_twin(
        self, tokens: Sequence[Any], i: int, text: str, why: frozenset[str]
    ) -> list[PlaceSpan]:
        """Return the place a compass word before "and" names with the rest of this one: "North and
        South Kivu" names North Kivu too, "East and West Darfur" East Darfur; the gazetteer must
        hold the name the elision stands for. The span is the compass word itself."""
        if i < 2 or tokens[i - 1].lower_ != "and" or tokens[i].lower_ not in DIRECTIONS:
            return []
        other = tokens[i - 2]
        if other.lower_ not in DIRECTIONS or not _is_capitalised(other.text):
            return []
        name = f"{other.text} {text.split(' ', 1)[1]}" if " " in text else ""
        if not name or not self.gazetteer.has_name(name):
            return []
        return [(name, other.idx, other.idx + len(other.text), why)]

    def _in_plural_region(self, tokens: Sequence[Any], j: int, text: str) -> str:
        """Return the name to resolve for a place that a plural region word after it makes a
        division: "the Donetsk and Luhansk regions", "the Kursk, Bryansk and Belgorod oblasts" name
        regions, not their namesake cities. Only names, commas and "and" may stand between; the
        name is looked up with the singular word and kept only when the gazetteer reads that as a
        division; the mention keeps the words of the text."""
        k = j
        while k < min(len(tokens), j + 8):
            tok = tokens[k]
            word = PLURAL_REGION_WORDS.get(tok.lower_)
            if word is not None:
                name = f"{text} {word}"
                found = self.gazetteer.lookup(name, limit=1)
                return name if found and (found[0].place.feature or "").startswith("A.ADM") else text
            if not (tok.text in (",", "-", "and") or (tok.is_alpha and _is_capitalised(tok.text))):
                return text
            k += 1
        return text

    @staticmethod
    def _evidence(tokens: Sequence[Any], i: int, j: int) -> frozenset[str]:
        """Return what says tokens[i:j] name a place: a place entity, a locative or place noun before
        it, a region word in or after it, or a name of several words."""
        found = set()
        if any(t.ent_type_ in PLACE_ENTS for t in tokens[i:j]):
            found.add("entity")
        before = [t.lower_ for t in tokens[max(0, i - 2) : i]]
        if before and (
            before[-1] in LOCATIVE
            or (before[-1] in ("the", *COMPASS_ADJECTIVES) and len(before) > 1 and before[0] in LOCATIVE)
        ):
            found.add("locative")
        if len(before) == 2 and before[-1] == "of" and before[0] in PLACE_NOUNS:
            found.add("place noun")
        if any(t.lower_ in REGION_WORDS for t in tokens[i : j + 1]):
            found.add("region word")
        if j - i >= 2:
            found.add("several words")
        if any(t.ent_type_ == "PERSON" for t in tokens[i:j]):
            found.add("person")  # the model reads a name: only the text's own place words outweigh it
        return frozenset(found)

    def _names_its_region(self, tokens: Sequence[Any], i: int) -> bool:
        """Return True when a capitalised word and the region word after it name a region the
        gazetteer holds ("Moscow region", "Kyiv Oblast"): the place wins over a same-named actor."""
        if i + 1 >= len(tokens) or tokens[i + 1].lower_ not in REGION_WORDS:
            return False
        if not _is_capitalised(tokens[i].text):
            return False
        name = f"{tokens[i].text} {tokens[i + 1].text}"
        if tokens[i + 1].lower_ == "state":
            # "Khartoum state", "Kano State" name a first-level division; "Islamic State" and "the
            # Moscow state" (a government) do not: the word must follow no "the" and the gazetteer's
            # first reading of the pair must be a division
            if i > 0 and tokens[i - 1].lower_ == "the":
                return False
            found = self.gazetteer.lookup(name, limit=1)
            return bool(found) and (found[0].place.feature or "").startswith("A.ADM")
        return self.gazetteer.has_name(name)

    @staticmethod
    def _is_reference_point(tokens: Sequence[Any], i: int) -> bool:
        """Return True for "35 kilometres east of X" and similar."""
        window = [t.lower_ for t in tokens[max(0, i - 4) : i]]
        return "of" in window[-1:] and (
            any(w in DIRECTIONS for w in window)
            and any(w in DISTANCE_UNITS or w.endswith("km") for w in window)
        )

    # -- the whole document -------------------------------------------------------------------

    def find(self, doc: Any, *, published: date | None = None, start_at: int = 0) -> list[Mention]:
        """Return actor, role and place mentions in the parsed document, in text order."""
        tokens = doc_tokens(doc)
        self._text = doc_text(doc)  # Doc.text rebuilds the string on every access
        self._located_in: list[ActorRef] = []  # countries only located in ("in Ukraine")
        self._lower_words = {t.text for t in tokens if t.is_alpha and t.text.islower()}
        out: list[Mention] = []
        place_spans: list[PlaceSpan] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.idx < start_at or tok.is_space:
                i += 1
                continue
            prev = tokens[i - 1].lower_ if i > 0 else ""
            prev2 = tokens[i - 2].lower_ if i > 1 else ""
            # "the Yemeni capital, Sanaa": a capital in apposition locates, like "in Sanaa"
            locative = (
                prev in LOCATIVE
                or (prev == "the" and prev2 in LOCATIVE)
                or (prev, prev2) == (",", "capital")
                or prev == "capital"  # "a suburb of the capital Damascus", "the Sudanese capital Khartoum"
                or (prev == "of" and (prev2 in PLACE_NOUNS or prev2 in PART_WORDS))  # "the city of X"
                or (prev in COMPASS_ADJECTIVES and prev2 in LOCATIVE | {"the"})  # "in central X"
                or prev in VISIT_VERBS  # "will visit Moscow": the visited city is where the visit is
            )
            capital = self._capital_at(tokens, i)
            if capital is not None:
                place_spans.append((*capital[:3], frozenset({"capital phrase"})))
                i += 3
                continue
            if prev == "of" and prev2 in WATER_NOUNS and tok.text[:1].isupper():
                i += 1  # "the Gulf of Aden": a piece of the water's name, no government (nor a place)
                continue
            # "the Moscow region": the region, not the city's government
            hit = None if self._names_its_region(tokens, i) else self._actor_at(tokens, i, published)
            if hit is not None:
                nxt, mention = hit
                actor = mention.actor
                if actor is not None and actor.method == "metonym" and self._names_an_act(tokens, nxt):
                    i = nxt  # "the Pretoria agreement", "the Doha talks": the city names the act, not a party
                    continue
                if (
                    actor is not None
                    and actor.kind == "state"
                    and actor.method != "institution"  # "Sudan's army-backed government": the army
                    and _compound_modifier(tokens, nxt)
                ):
                    i = nxt  # "a US-brokered truce": the broker qualifies the act, named by a modifier
                    continue
                if actor is not None and actor.kind == "state" and _nickname_at(tokens, i):
                    i = nxt  # a valley "known as 'mini Switzerland'": a likeness, not the state
                    continue
                seat = actor is not None and (actor.kind == "state" or actor.method == "metonym")
                if locative and seat and mention.kind == "actor":
                    country = self._is_country(mention.text)
                    if not country and not self._is_seat(mention) and self.gazetteer.has_name(mention.text):
                        # "talks in Moscow": the capital is a place, not the government
                        span = (
                            self._text[tok.idx : mention.end],
                            tok.idx,
                            mention.end,
                            frozenset({"locative"}),
                        )
                        place_spans.append(span)
                        i = nxt
                        continue
                    if country and (prev in WITHIN or (prev == "the" and prev2 in WITHIN)):
                        # "in Ukraine" locates; a country is not a place here, nor an actor, but
                        # the places of the article are likelier in it ("Pokrovsk in eastern Ukraine")
                        if actor is not None:
                            self._located_in.append(actor)
                        i = nxt
                        continue
                    # "fired missiles at Ukraine", "a visit to Ukraine": the country is a party
                if (
                    prev in COMPASS_ADJECTIVES
                    and prev2 in WITHIN
                    and actor is not None
                    and self._is_country(mention.text)
                ):
                    self._located_in.append(actor)  # "in eastern Ukraine" also locates the places
                if (prev in SEAT_LOCATIVE or (prev == "the" and prev2 in SEAT_LOCATIVE)) and (
                    mention.kind == "actor" and actor is not None and self._is_seat(mention)
                ):
                    city = self._seat_city(actor)
                    if city is not None:
                        place_spans.append(
                            (city, mention.start, mention.end, frozenset({"locative", "seat"}))
                        )
                out.append(mention)
                i = nxt
                continue
            pspan = self._place_span_at(tokens, i)
            if pspan is not None:
                nxt, text, s, e = pspan
                why = self._evidence(tokens, i, nxt)
                text = self._region_of(tokens, i, text)
                text = self._in_plural_region(tokens, nxt, text)
                if after_person_noun(tokens, i) and not why & {"place noun", "region word"}:
                    i = nxt  # "his daughter Yulia": a person's name, whatever town shares it
                    continue
                if not self._is_reference_point(tokens, i) and not (
                    _in_organisation_name(tokens, i, nxt) and not why & TEXTUAL_EVIDENCE
                ):
                    place_spans.append((text, s, e, why))
                    place_spans.extend(self._elided_compass_twin(tokens, i, text, why))
                i = nxt
                continue
            i += 1
        out = self._as_named_groupings(self._split_unnamed_groupings(self._with_organisations(doc, out)))
        out.extend(self._bare_ministries(out, start_at))
        out = self._with_collectives(doc, out, start_at)
        place_spans = self._list_items(tokens, place_spans, out)
        place_spans.extend(self._before_plural_settlement(tokens, place_spans, out, start_at))
        place_spans.extend(self._named_settlements(tokens, place_spans, out, start_at))
        self._people_words = people_words(self._person_spans(doc), self.gazetteer.has_name) | frozenset(
            norm(run[-1].text)
            for run in name_runs(doc, TITLE_WORDS)
            if not self.gazetteer.has_name(" ".join(t.text for t in run))
        )
        out.extend(self._long_tail(doc, out, place_spans))
        place_spans.extend(self._unknown_places(doc, out, place_spans, start_at))
        out.extend(self._resolve_places(place_spans, out))
        out = self._with_facilities(tokens, out, start_at)
        out = self._unnamed_holders(out)
        return sorted(out, key=lambda m: (m.start, -m.end))

    def _unnamed_holders(self, mentions: list[Mention]) -> list[Mention]:
        """Return ``mentions`` with each office whose holder the article never names read as the
        state (or body) the holder acts for: "the president of Lebanon is dragging his feet" in a
        story that names no president. FORMAT.md resolves a role to a person only when the article
        makes clear who holds it; an unnamed official is their state (CONVENTIONS.md, "Actors"), and
        the registry's holder on the day is a guess the text does not confirm."""
        named = {m.actor.ref for m in mentions if m.kind == "actor" and m.actor is not None}
        words = set(re.findall(r"[^\W\d_][\w'’-]*", self._text))
        out: list[Mention] = []
        for m in mentions:
            holder = m.actor
            if (
                m.kind == "role"
                and holder is not None
                and holder.kind == "person"
                and holder.affiliation
                and holder.ref not in named
                and holder.name.split()[-1] not in words
            ):
                body = self.registry.get(holder.affiliation)
                if body is not None:
                    why = f"{m.text!r} names an office whose holder, {holder.name}, the text never names"
                    state = ActorRef(
                        name=body.name, kind=body.kind, id=body.qid, affiliation=body.affiliation,
                        method="role", reason=why, confidence=holder.confidence,
                    )  # fmt: skip
                    m = replace(m, actor=state)
            out.append(m)
        return out

    @staticmethod
    def _names_a_body(mentions: list[Mention], start: int, end: int) -> bool:
        """Return True when an actor mention inside [start, end) is a group or an organisation
        (a state read from its capital, or a person an airport is named after, names a site)."""
        return any(
            m.kind == "actor" and m.actor is not None and m.actor.kind not in ("state", "person")
            for m in mentions
            if start <= m.start and m.end <= end
        )

    def _with_facilities(self, tokens: Sequence[Any], out: list[Mention], start_at: int) -> list[Mention]:
        """Return the mentions with each named facility ("the Port Sudan airport") as one place,
        in place of the town read inside its name (analyse/facilities.py); a government read from
        a capital inside it stays ("attacks on Khartoum International Airport" target the state).
        A facility the gazetteer holds ("Zaporizhzhia Nuclear Power Plant") takes its point;
        another keeps its name alone."""
        found: list[Mention] = []
        for i, j, k in facility_spans(tokens):
            # "a Russian military base", "the Sudanese Army base": a demonym or a force names no site
            while i < j and (self.registry.state_for_demonym(tokens[i].text)):
                i += 1
            if tokens[i].idx < start_at or all(t.lower_ in INSTITUTION_WORDS for t in tokens[i:j]):
                continue
            if self._names_a_body(out, tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)):
                continue  # "a Hamas base": a group's site, not a place's name
            s, e = tokens[i].idx, tokens[k - 1].idx + len(tokens[k - 1].text)
            text = self._text[s:e]
            place = self.gazetteer.resolve(text)
            if place is None or not (place.feature or "").startswith("S."):
                place = PlaceRef(
                    name=text,
                    method="unresolved",
                    confidence=UNKNOWN_PLACE_CONFIDENCE,
                    reason="a named facility the gazetteer lacks (no id, no point)",
                )
            found.append(Mention(s, e, text, "place", place=place))
        if not found:
            return out
        inside = [(f.start, f.end) for f in found]
        kept = [
            m for m in out if m.kind != "place" or not any(s <= m.start and m.end <= e for s, e in inside)
        ]
        return kept + found

    def _list_items(
        self, tokens: Sequence[Any], spans: list[PlaceSpan], known: list[Mention]
    ) -> list[PlaceSpan]:
        """Return the place spans with the other items of lists of places added or marked.

        "Troops pulled out from Yaroun, Maroun al-Ras, Blida, Hula and Wazzani": when a list
        holds two places or more, one of them clearly a place (a place entity, "in"/"from", "the
        town of"), its other proper-name items are places too, though the model reads some as
        people and the gazetteer lacks others (those keep their names alone).
        """
        by_start = {s: k for k, (_t, s, _e, _w) in enumerate(spans)}
        taken = [(m.start, m.end) for m in known]
        out = list(spans)
        n_tok = len(tokens)
        tok_at = {t.idx: t.i for t in tokens}
        for _t0, _s0, e0, why0 in spans:
            if not why0 & {"entity", "locative", "place noun"}:
                continue
            items: list[tuple[int, int, int | None]] = []  # (start, end, index of an existing span)
            j = next((t.i + 1 for t in tokens if t.idx + len(t.text) == e0), n_tok)
            # "in Djibo and Solle.": a located name and one more joined by a bare "and"
            bare_and = "locative" in why0 and j < n_tok and tokens[j].lower_ == "and"
            while j < n_tok:
                sep = j
                if tokens[sep].text == ",":
                    sep += 1
                if sep < n_tok and tokens[sep].lower_ in ("and", "or"):
                    sep += 1
                if sep == j or sep >= n_tok:
                    break
                start = tokens[sep].idx
                if start in by_start:
                    k = by_start[start]
                    items.append((start, out[k][2], k))
                    j = next((t.i + 1 for t in tokens[sep:] if t.idx + len(t.text) == out[k][2]), n_tok)
                    continue
                end_tok = _name_run(tokens, sep)
                if end_tok == sep or any(a < tokens[end_tok - 1].idx + 1 and start < b for a, b in taken):
                    break
                nxt = tokens[end_tok] if end_tok < n_tok else None
                if (
                    nxt is not None
                    and nxt.text not in CLAUSE_ENDS
                    and nxt.lower_ not in ("and", "or")
                    and not (bare_and and not items and _closes_pair(nxt))
                ):
                    break  # "in Kyiv, Zelensky said": a sentence goes on, no list
                items.append((start, tokens[end_tok - 1].idx + len(tokens[end_tok - 1].text), None))
                j = end_tok
            # with one item, j is the token after it: the pair must close its phrase there
            # ("in Djibo and Solle." but not "in Kyiv and Zelensky's aides")
            pair = bare_and and len(items) == 1 and (j >= n_tok or _closes_pair(tokens[j]))
            if not pair and (sum(1 for *_x, k in items if k is not None) < 1 or len(items) < 2):
                continue  # with the anchor, at least two known places and three items, or a pair
            for start, end, item_k in items:
                if item_k is not None:
                    text, s, e, why = out[item_k]
                    out[item_k] = (text, s, e, why | {"list"})
                    continue
                text = self._text[start:end]
                if norm(text) in not_places() or self.registry.state_for_demonym(text) is not None:
                    continue
                if pair and self._is_country(text):
                    continue  # "in Gaza and Israel": a country is no place (FORMAT.md)
                first = tokens[tok_at[start]]
                why = self._evidence(tokens, first.i, first.i + 1) | {"list"}
                if not self.gazetteer.has_name(text):
                    why |= {"unknown"}
                out.append((text, start, end, frozenset(why)))
                by_start[start] = len(out) - 1
        return out

    def _before_plural_settlement(
        self, tokens: Sequence[Any], spans: list[PlaceSpan], known: list[Mention], start_at: int
    ) -> list[PlaceSpan]:
        """Return the names of a list that a plural settlement noun closes: "the Ashrafieh and Bani
        Zeid neighbourhoods" names two places, which the gazetteer may lack (they keep their names)."""
        taken = [(m.start, m.end) for m in known] + [(s, e) for _t, s, e, _w in spans]
        out: list[PlaceSpan] = []
        for n, noun in enumerate(tokens):
            if noun.lower_ not in PLURAL_SETTLEMENT_NOUNS or noun.idx < start_at:
                continue
            the = next((k for k in range(n - 1, max(-1, n - 14), -1) if tokens[k].lower_ == "the"), None)
            if the is None:
                continue
            items: list[tuple[int, int]] = []
            j, joined = the + 1, False
            while j < n:
                end_tok = _name_run(tokens, j)
                if end_tok == j:
                    break
                items.append((tokens[j].idx, tokens[end_tok - 1].idx + len(tokens[end_tok - 1].text)))
                j = end_tok
                if j < n and tokens[j].text == ",":
                    j += 1
                if j < n and tokens[j].lower_ == "and":
                    j, joined = j + 1, True
            if j != n or not joined or len(items) < 2:
                continue  # only names, commas and one "and" between "the" and the noun
            for start, end in items:
                if any(a < end and start < b for a, b in taken):
                    continue
                text = self._text[start:end]
                if norm(text) in not_places() or self.registry.state_for_demonym(text) is not None:
                    continue
                why = {"place noun", "list"} | ({"unknown"} if not self.gazetteer.has_name(text) else set())
                out.append((text, start, end, frozenset(why)))
        return out

    def _named_settlements(
        self, tokens: Sequence[Any], spans: list[PlaceSpan], known: list[Mention], start_at: int
    ) -> list[PlaceSpan]:
        """Return the names the text calls a settlement that the gazetteer lacks ("the villages of
        Lomakovka and Sluchovsk", "in Techo Morakot village"): places whatever the model reads them
        as (place_evidence.settlement_names), kept by their names alone. A name the gazetteer holds
        gains the place noun as evidence only where the text defines it ("Katana, a town 11 km from
        Bukavu"): in a list the noun also admitted far namesakes (Novoheorhiivka). ``spans`` is
        updated in place."""
        taken = [(m.start, m.end) for m in known] + [(s, e) for _t, s, e, _w in spans]
        at = {(s, e): n for n, (_t, s, e, _w) in enumerate(spans)}
        out: list[PlaceSpan] = []
        for i, j, defined in settlement_names(tokens, _name_run):
            start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1].text)
            if defined and (start, end) in at:
                text, s, e, why = spans[at[start, end]]
                spans[at[start, end]] = (text, s, e, why | {"place noun"})
                continue
            if start < start_at or any(a < end and start < b for a, b in taken):
                continue
            text = self._text[start:end]
            if len(text) <= MAX_NEVER_PLACE_LEN or norm(text) in not_places() or self._common_word(text):
                continue
            if self.registry.state_for_demonym(text) is not None or self.gazetteer.has_name(text):
                continue
            out.append((text, start, end, frozenset({"place noun", "unknown"})))
            taken.append((start, end))
        return out

    def _bare_ministries(self, known: list[Mention], start_at: int) -> list[Mention]:
        """Return mentions of ministries named without their state ("the Defence Ministry said"),
        as the state the article is about: a ministry is its state (FORMAT.md), and a report names
        its own subject's ministries bare. The state is the one named most often, if one is; its
        officials named count for it too ("Defence minister Rajnath Singh" for India)."""
        counts = Counter(m.actor.ref for m in known if m.actor is not None and m.actor.kind == "state")
        states = set(counts)
        counts.update(
            m.actor.affiliation
            for m in known
            if m.actor is not None and m.actor.kind == "person" and m.actor.affiliation in states
        )
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
            return []
        state = next(m.actor for m in known if m.actor is not None and m.actor.ref == ranked[0][0])
        out: list[Mention] = []
        for hit in BARE_MINISTRY.finditer(self._text, start_at):
            start, end = hit.span()
            before = self._text[max(0, start - 3) : start]
            after = self._text[end : end + 30].split()
            if after and after[0].lower().strip(",.") in TITLE_WORDS:
                continue  # "Foreign Ministry spokesman X": the person speaks, named in the title
            if before.endswith(("'s ", "’s ")) or any(m.start < end and start < m.end for m in known):
                continue  # "Russia's Defence Ministry": the registry reads it with its state
            why = f"{hit.group(0)!r}: a ministry named without its state is the article's state"
            actor = replace(state, method="institution", reason=why)
            out.append(Mention(start, end, hit.group(0), "actor", actor=actor))
        return out

    def _split_unnamed_groupings(self, known: list[Mention]) -> list[Mention]:
        """Return ``known`` with a grouping written as the list of its members ("Britain, France and
        Germany" for the E3) read as those states, unless the article also names the grouping: a named
        grouping is an actor of its own only when the text names it (FORMAT.md, joint acts)."""
        out: list[Mention] = []
        for m in known:
            a = m.actor
            parts = [
                p.strip()
                for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.text.removeprefix("the "))
                if p.strip()
            ]
            if a is None or a.kind == "state" or len(parts) < 2:
                out.append(m)
                continue
            named_elsewhere = any(o is not m and o.actor is not None and o.actor.ref == a.ref for o in known)
            states = [self.registry.resolve(p) for p in parts]
            if named_elsewhere or not all(st is not None and st.kind == "state" for st in states):
                out.append(m)
                continue
            pos = m.start
            for p, st in zip(parts, states, strict=True):
                at = self._text.find(p, pos, m.end)
                out.append(Mention(at, at + len(p), p, "actor", actor=st))
                pos = at + len(p)
        return out

    def _as_named_groupings(self, known: list[Mention]) -> list[Mention]:
        """Return ``known`` with a generic collective read as the named grouping it stands for when
        the article names that grouping too ("the Europeans" where the E3 is named): one side, once."""
        named = [m.actor for m in known if m.actor is not None]
        out = []
        for m in known:
            grouping = self.registry.grouping_named(m.actor, named) if m.actor is not None else None
            out.append(m if grouping is None else replace(m, actor=grouping))
        return out

    def _with_organisations(self, doc: Any, known: list[Mention]) -> list[Mention]:
        """Return ``known`` with the organisations and armed groups the text names and the registry
        lacks (analyse/organisations.py). Such a name replaces a registry organisation or a capital
        inside it ("United Nations" of "United Nations Support Mission", "Tripoli" of "Tripoli
        Protection Force"); a registry person, group or state inside it keeps the name the registry's."""

        def inside(m: Mention, start: int, end: int) -> bool:
            return m.start < end and start < m.end and m.end <= end

        def is_free(start: int, end: int) -> bool:
            for m in known:
                if not (m.start < end and start < m.end):
                    continue
                a = m.actor
                if m.end > end or a is None or not inside(m, start, end):
                    return False
                if a.kind in ("person", "group"):
                    return False
                if a.kind == "state" and a.method != "metonym" and not self._opens_civil_body(m, start, end):
                    return False
            return True

        def is_state_word(word: str) -> bool:
            return self.registry.state_for_demonym(word) is not None or self._is_country(word)

        orgs = find_organisations(
            doc,
            self._text,
            is_free=is_free,
            is_state_word=is_state_word,
            known_name=lambda name: self.registry.resolve(name) is not None,
        )
        if not orgs:
            return known
        kept = [m for m in known if not any(inside(m, o.start, o.end) for o in orgs)]
        return kept + [Mention(o.start, o.end, o.text, "actor", actor=o.actor) for o in orgs]

    def _opens_civil_body(self, m: Mention, start: int, end: int) -> bool:
        """Return True when the state mention ``m`` opens the name at start:end of a body no state
        runs ("the Sudan Doctors Network"): the name says where the body works, the state does
        nothing in it."""
        lead = self._text[start : m.start].strip().lower()
        return lead in ("", "the") and civil_head(self._text[start:end].split())

    def _with_collectives(self, doc: Any, known: list[Mention], start_at: int) -> list[Mention]:
        """Return ``known`` with the sides named by a modifier and a head noun of fighters
        ("Druze fighters", "pro-Assad forces": analyse/actor_collectives.py); the leader a
        collective is named after ("Assad" of "pro-Assad forces") is no mention of their own."""
        from parley.analyse.actor_collectives import find_collectives

        def overlaps(m: Mention, start: int, end: int) -> bool:
            return m.start < end and start < m.end

        found = find_collectives(
            doc,
            self._text,
            is_free=lambda s, e: not any(overlaps(m, s, e) for m in known),
            is_state_word=lambda w: self.registry.state_for_demonym(w) is not None or self._is_country(w),
            person_at=lambda s, e: any(
                m.start <= s and e <= m.end and m.actor is not None and m.actor.kind == "person"
                for m in known
            ),
        )
        found = [c for c in found if c.start >= start_at]
        if not found:
            return known
        kept = [m for m in known if not any(overlaps(m, c.start, c.end) for c in found)]
        return kept + [Mention(c.start, c.end, c.text, "actor", actor=c.actor) for c in found]

    @staticmethod
    def _names_an_act(tokens: Sequence[Any], j: int) -> bool:
        """Return True when tokens[j:] start with a noun a city's name is given to, maybe after
        "peace" ("the Doha peace process", "the Kuala Lumpur Peace Accord")."""
        if j < len(tokens) and tokens[j].lower_ == "peace":
            j += 1
        return j < len(tokens) and tokens[j].lower_ in NAMED_AFTER_A_CITY

    def _capital_at(self, tokens: Sequence[Any], i: int) -> tuple[str, int, int, int] | None:
        """Return a place span for "the Ukrainian capital" (the capital named by the state's entry)."""
        if i + 2 >= len(tokens) or tokens[i].lower_ != "the" or tokens[i + 2].lower_ != "capital":
            return None
        state = self.registry.state_for_demonym(tokens[i + 1].text)
        if state is None:
            return None
        capital = state.capital or (state.metonyms[0] if state.metonyms else None)
        if capital is None:
            return None
        start, end = tokens[i].idx, tokens[i + 2].idx + len(tokens[i + 2].text)
        return capital, start, end, i  # by the registry's convention the capital comes first

    def _is_seat(self, mention: Mention) -> bool:
        """Return True for a seat of government the registry writes with "the" ("the White House",
        "the Kremlin"): a building that stands for a government, not a town a map can show, whatever
        hamlet shares its name."""
        entry = self.registry.get(mention.actor.id) if mention.actor and mention.actor.id else None
        name = norm(mention.text.removeprefix("the "))
        return entry is not None and any(
            m.lower().startswith("the ") and norm(m[4:]) == name for m in entry.metonyms
        )

    def _seat_city(self, actor: ActorRef) -> str | None:
        """Return the town a seat of government stands in, the first of its state's metonyms the
        gazetteer holds as a name ("Washington" for the White House, "Moscow" for the Kremlin):
        talks held "at the White House" took place in Washington, whoever else the seat stands for."""
        entry = self.registry.get(actor.id) if actor.id else None
        for name in getattr(entry, "metonyms", ()):
            if not name.lower().startswith("the ") and " " not in name and self.gazetteer.has_name(name):
                return str(name)
        return None

    def states_by_iso2(self) -> dict[str, ActorRef]:
        """Return the state actor for each ISO 3166 alpha-2 code the registry knows."""
        if self._states is None:
            self._states = {}
            for entry in getattr(self.registry, "entries", lambda: [])():
                iso = getattr(entry, "iso2", None)
                if iso and entry.kind == "state":
                    ref = self.registry.resolve(entry.name)
                    if ref is not None:
                        self._states[iso] = ref
        return self._states

    def _is_country(self, text: str) -> bool:
        actor = self.registry.resolve(text)
        return (
            actor is not None
            and actor.kind == "state"
            and norm(actor.name) == norm(text.removeprefix("the "))
        )

    def _long_tail(self, doc: Any, known: list[Mention], place_spans: list[PlaceSpan]) -> list[Mention]:
        """Return mentions of people (and surname repeats) the registry does not know."""
        taken = [(m.start, m.end) for m in known] + [(s, e) for _, s, e, _ in place_spans]

        def free(s: int, e: int) -> bool:
            return all(e <= a or s >= b for a, b in taken)

        out: list[Mention] = []
        people: dict[str, ActorRef] = {}
        by_name: dict[str, ActorRef] = {}  # the final reading of each full name (with its affiliation)
        # one sense per article: a name the text once shows to be a place ("X's municipality",
        # "cities such as X") is that place wherever else the model reads it as a person
        runs = [
            _without_possessive(_with_hyphenated_tail(doc, span_tokens(e)))
            for e in entities(doc)
            if e.label_ == "PERSON"
        ]
        places = {
            self._text[r[0].idx : r[-1].idx + len(r[-1].text)] for r in runs if r and self._names_a_place(r)
        }
        for toks in self._person_spans(doc):
            toks = _with_hyphenated_tail(doc, toks)  # "Mohammed Al-Khulaifi", not "Mohammed Al"
            # "Sudan's Defence Minister Yassin Ibrahim": keep the trailing name, not the state or title
            name: list[Any] = []
            for tok in reversed(toks):
                if (
                    tok.lower_ in TITLE_WORDS
                    or tok.lower_ in INSTITUTION_WORDS
                    or tok.text in ("'s", "'")
                    or self._state_word(tok.text, len(name))  # "envoy to Myanmar Deng Xijun"
                    or not free(tok.idx, tok.idx + len(tok.text))
                    or not (
                        _is_capitalised(tok.text)
                        or (tok.text in ("-", "‐") and not tok.whitespace_)
                        or (tok.lower_ in NAME_PARTICLES and name and tok.i > toks[0].i)
                    )
                ):
                    break
                name.insert(0, tok)
            name = _with_hyphenated_head(doc, name)
            while name and name[0].lower_ in NAME_PARTICLES and not _is_capitalised(name[0].text):
                name.pop(0)  # a particle ends no name on the left: "al-Rishq" alone is a surname
            while name and name[0].is_punct:
                name.pop(0)  # no name opens with punctuation: the full stop of "Col." split off its title
            if not name or self._names_a_place(name) or name[-1].tag_ == "NNPS":
                continue  # a place, or a plural proper noun: a people ("Sunni Bedouins"), not a person
            if name[0].tag_ == "VBG" and name[0].lemma_.lower() != name[0].lower_:
                continue  # "Disarming Hezbollah is a demand": a verb's -ing form begins no name
            start, end = name[0].idx, name[-1].idx + len(name[-1].text)
            text = self._text[start:end]
            words = text.split()
            if not words or text in places:  # punctuation alone (a stray quote mark), or a place
                continue
            if len(words) >= 2:
                side = self._affiliation(doc, name, known)
                actor = by_name.get(text) or ActorRef(
                    name=text,
                    kind="person",
                    method="model",
                    reason="a person's name the registry does not know (spaCy PERSON or after a title)",
                    confidence=0.6,
                )
                if side is not None and actor.affiliation is None:
                    actor = replace(actor, affiliation=side, reason=actor.reason + f"; acts for {side}")
                by_name[text] = actor
                for key in _name_keys(words):
                    # a part two people share names neither ("Ahmed" of two Ahmeds)
                    people[key] = actor if people.get(key, actor) == actor else _SHARED
            else:
                prior = people.get(fold(words[0]))
                if prior is None or prior is _SHARED:
                    continue
                actor = prior
            out.append(Mention(start, end, text, "actor", actor=actor))
            taken.append((start, end))
        # later bare surnames the model missed
        if people:
            for tok in doc_tokens(doc):
                if (
                    tok.is_title
                    and people.get(fold(tok.text), _SHARED) is not _SHARED
                    and free(tok.idx, tok.idx + len(tok.text))
                ):
                    out.append(
                        Mention(
                            tok.idx, tok.idx + len(tok.text), tok.text, "actor", actor=people[fold(tok.text)]
                        )
                    )
                    taken.append((tok.idx, tok.idx + len(tok.text)))
            _reassign_surnames(known, people)
        final = {a.name: a for a in by_name.values()}
        final.update(_tails_of_longer_names(by_name))
        return [
            replace(m, actor=final[m.actor.name]) if m.actor is not None and m.actor.name in final else m
            for m in out
        ]

    def _affiliation(self, doc: Any, name: Sequence[Any], known: Sequence[Mention]) -> str | None:
        """Return the reference of the state or body a person the registry lacks acts for, when the
        text ties them to it: "Kenya's foreign minister X", "Kenyan Foreign Minister X", "M23
        spokesman X", "X, an IDF spokesperson", "X, Kenya's foreign minister"."""
        ends = {m.end: m for m in known if m.actor is not None}
        i = name[0].i - 1
        if i >= 0 and doc[i].text == ",":
            i -= 1
        n_titles = 0
        while i >= 0 and (doc[i].lower_ in TITLE_WORDS or doc[i].lower_ in ROLE_FILLERS) and n_titles < 7:
            n_titles += doc[i].lower_ in TITLE_WORDS
            i -= 1
        if n_titles:
            found = self._owner_at(doc, i, ends)
            if found is not None:
                return found
        # after the name: ", <owner> <title>" or ", the/a <owner> <title>"
        j = name[-1].i + 1
        if j < len(doc) and doc[j].text == ",":
            j += 1
            while j < len(doc) and doc[j].lower_ in ("the", "a", "an"):
                j += 1
            k = j
            while (
                k < len(doc) and k - j < 6 and doc[k].lower_ not in TITLE_WORDS and doc[k].text not in ",.;"
            ):
                k += 1
            if k < len(doc) and doc[k].lower_ in TITLE_WORDS and k > j:
                return self._owner_at(doc, k - 1, ends)
        return None

    def _owner_at(self, doc: Any, i: int, ends: dict[int, Mention]) -> str | None:
        """Return the state or body named by the words ending at token ``i`` ("Kenya's", "Kenyan",
        "M23"), else None."""
        if i < 0:
            return None
        tok = doc[i]
        if tok.text in ("'s", "’s") and i > 0:
            tok = doc[i - 1]
        m = ends.get(tok.idx + len(tok.text))
        if m is not None and m.actor is not None:
            a = m.actor
            return a.affiliation if a.kind == "person" else a.ref
        state = self.registry.state_for_demonym(tok.text)
        if state is not None:
            return state.qid or state.name
        return None

    def _state_word(self, word: str, after: int) -> bool:
        """Return True for a demonym ("Russian Drone") or, before a name of ``after`` ≥ 2 words, a
        country's name ("envoy to Myanmar Deng Xijun"): no person's name holds either. A country's
        name before one word may be a given name ("Mali Socheata")."""
        if self.registry.state_for_demonym(word) is not None:
            return True
        return after >= 2 and self._is_country(word)

    def _names_a_place(self, name: Sequence[Any]) -> bool:
        """Return True when a name the model reads as a person's is a place: it ends in a region word
        ("Rakhine State"), or it follows a locative or "such as" and the gazetteer knows it as a
        populous place or a seat of a region ("cities such as Khan Younis")."""
        if len(name) < 2:
            return False
        if name[-1].lower_ in REGION_WORDS or name[-1].lower_.removesuffix("s") in WATER_WORDS:
            return True  # "Rakhine State", "the Red and Arabian Seas"
        doc, after = name[0].doc, name[-1].i + 1
        if after < len(doc) and doc[after].text in ("'s", "’s"):
            after += 1
        if after < len(doc) and doc[after].lower_ in SETTLEMENT_WORDS:
            return True  # "the Abu Salim district", "Mais al-Jabal's municipality"
        if _distance_follows(doc, name[-1].i + 1):
            return True  # "Ali Yabal, 18 kilometres from Eeldheer": a distance locates a place
        text = self._text[name[0].idx : name[-1].idx + len(name[-1].text)]
        found = self.gazetteer.lookup(text, limit=1)
        if not found or found[0].method not in ("exact", "alias"):
            return False
        doc, i = name[0].doc, name[0].i
        before = [t.lower_ for t in doc[max(0, i - 2) : i]]
        said = bool(before) and (
            before[-1] in LOCATIVE or before[-2:] == ["such", "as"] or before[-1] == "including"
        )
        strong = (
            found[0].population >= STRONG_PRIOR_POPULATION
            or (found[0].place.feature or "") in STRONG_PRIOR_FEATURES
        )
        return said or strong

    @staticmethod
    def _person_spans(doc: Any) -> list[list[Any]]:
        """Return token runs that name people: spaCy's PERSON entities, and runs of two or more
        proper nouns right after a title word ("Foreign Secretary Vikram Misri")."""
        spans = [span_tokens(ent) for ent in entities(doc) if ent.label_ == "PERSON" or _misread_person(ent)]
        covered = {t.i for s in spans for t in s}
        i = 0
        tokens = doc_tokens(doc)
        while i < len(tokens):
            tok = tokens[i]
            if tok.lower_ in TITLE_WORDS and i + 1 < len(tokens):
                j = i + 1
                while j < len(tokens) and tokens[j].lower_ in TITLE_WORDS:
                    j += 1
                if j < len(tokens) and tokens[j].text == ",":  # "India's foreign secretary, Vikram Misri,"
                    j += 1
                k = j
                while (
                    k < len(tokens)
                    and (
                        tokens[k].pos_ == "PROPN" or (tokens[k].ent_type_ == "PERSON" and tokens[k].is_alpha)
                    )
                    and _is_capitalised(tokens[k].text)
                ):
                    k += 1  # a name word the tagger reads otherwise ("Both" of "Puok Both Baluang") counts
                inside = [sp for sp in spans if any(j <= t.i < k for t in sp)]
                if k - j >= 2 and all(j <= sp[0].i and sp[-1].i < k for sp in inside):
                    # the run holds the model's shorter reading ("Puok" + "Both Baluang"): the run wins
                    spans = [sp for sp in spans if not any(sp is x for x in inside)] + [tokens[j:k]]
                    covered.update(range(j, k))
                i = max(k, i + 1)
                continue
            i += 1
        return spans

    def _resolve_places(self, spans: list[PlaceSpan], actors: list[Mention]) -> list[Mention]:
        """Return place mentions, resolved with the article's context.

        Only names with evidence of being a place here are kept (``_attested``). The countries in
        focus are those of the kept places, most frequent first, then those of the states the
        article names; each name is then resolved near the other places (never near itself), so
        "Pokrovsk" beside Kupiansk and Donetsk region is the Donetsk-oblast town even in a story
        that names Russia first. A place the gazetteer lacks keeps its name alone.
        """
        if not spans:
            return []
        from parley.kb.gazetteer import PlaceContext

        named: list[str] = []
        # a country the text locates things in ("in eastern Ukraine") before the states it names
        # as parties (Russia, the United States): the places are in the first
        for ref in self._located_in + [m.actor for m in actors]:
            iso = self._iso2(ref)
            if iso and iso not in named:
                named.append(iso)
        stated = self._stated_countries(spans, actors)
        unknown = {
            text: PlaceRef(
                name=text,
                method="unresolved",
                confidence=UNKNOWN_PLACE_CONFIDENCE,
                reason="a place the text locates something at, not in the gazetteer (no id, no point)",
            )
            for text, _s, _e, why in spans
            if "unknown" in why
        }
        first = self._attested([sp for sp in spans if sp[0] not in unknown], tuple(named))

        def countries_besides(text: str) -> tuple[str, ...]:
            # a name's own first reading is no evidence for its country: "Geneva" read as the
            # Illinois town would otherwise put the United States in focus for itself
            by_country = Counter(p.country for t, p in first.items() if p.country and t != text)
            return tuple([c for c, _ in by_country.most_common()] + [c for c in named if c not in by_country])

        people = self._person_name_parts(actors)
        evidence: dict[str, frozenset[str]] = {}
        for text, _s, _e, why in spans:
            evidence[text] = evidence.get(text, frozenset()) | why
        resolved: dict[str, PlaceRef | None] = {}
        span_names = frozenset(norm(t) for t, *_ in spans)
        out = []
        for text, s, e, _ in spans:
            if text in unknown:
                out.append(Mention(s, e, self._text[s:e], "place", place=unknown[text]))
                continue
            if text not in first:
                continue  # no evidence that this name is a place here
            if norm(text) in people:
                continue  # "Vladimir" after "Vladimir Putin", "Hun" after "Hun Manet": the person
            if norm(text) in self._people_words and not evidence[text] & {"place noun", "region word"}:
                continue  # "McGregor" after "Conor McGregor": the text's own person, not the town
            if text not in resolved:
                others = [p for t, p in first.items() if t != text]
                ctx = PlaceContext(
                    countries=stated.get(text, ()) + countries_besides(text),
                    admin1=tuple((p.country, p.admin1) for p in others if p.country and p.admin1),
                    points=tuple((p.lat, p.lon) for p in others if p.lat is not None and p.lon is not None),
                )
                resolved[text] = self._beside_its_city(text, ctx, span_names)
            place = resolved[text]
            if place is None or (place.feature or "").startswith(NOT_PLACE_FEATURES):
                continue
            if place.method in ("alias", "folded") and len(text) < MIN_FUZZY_LEN:
                if "list" not in evidence[text]:
                    continue
                # "Hula" among villages the text lists: the text makes it a place, but a short name
                # reached only through another place's alternate name is no reading of it
                place = PlaceRef(
                    name=self._text[s:e],
                    method="unresolved",
                    confidence=UNKNOWN_PLACE_CONFIDENCE,
                    reason=f"{place.reason}; but a short name matched by another's alternate name: no point",
                )
            if _names_region(text) and (place.feature or "").startswith("P."):
                # "Tula Region", "Nasir County": the text names a region, the gazetteer only a
                # town of that name; the region keeps its name rather than the town's point
                place = PlaceRef(
                    name=self._text[s:e],
                    method="unresolved",
                    confidence=UNKNOWN_PLACE_CONFIDENCE,
                    reason=f"{place.reason}; but the text names a region, not this town: no point",
                )
            elif self._stray(place, text, stated.get(text, ()) + countries_besides(text), first):
                # "Blida" read as the Algerian city in a story of south-Lebanese villages: no
                # tie to the article at all, so the point is a guess and the name stays alone
                place = PlaceRef(
                    name=self._text[s:e],
                    method="unresolved",
                    confidence=UNKNOWN_PLACE_CONFIDENCE,
                    reason=f"{place.reason}; but far from every other place of the article, in a "
                    "country it does not name: no point",
                )
            elif place.method in ("alias", "folded") and place.country not in countries_besides(text):
                # a near-spelling or alternate name of a town in a country the article never
                # names ("Yaroun" read as a Ukrainian village in a story about Lebanon): the name
                # is right, the point is a guess, so the place keeps its name alone
                place = PlaceRef(
                    name=self._text[s:e],
                    method="unresolved",
                    confidence=UNKNOWN_PLACE_CONFIDENCE,
                    reason=f"{place.reason}; but {place.country} is not a country of this article: no point",
                )
            out.append(Mention(s, e, self._text[s:e], "place", place=place))
        return out

    def _beside_its_city(self, text: str, ctx: Any, span_names: frozenset[str]) -> PlaceRef | None:
        """Return the place ``text`` names; when the article also writes "<text> City", the bare
        name is not that city but the division it heads or lies in: "Gaza" beside "Gaza City" is
        the Gaza Strip, "Quebec" beside "Quebec City" the province."""
        place = self.gazetteer.resolve(text, context=ctx)
        city_name = f"{text} City"
        if place is None or norm(city_name) not in span_names:
            return self._short_for_division(text, place, ctx, span_names)
        city = self.gazetteer.resolve(city_name, context=ctx)
        if city is None or city.geonameid != place.geonameid:
            return place
        for cand in self.gazetteer.lookup(text, context=ctx, limit=10):
            other = cand.place
            division = (other.feature or "").startswith("A.") and other.country == city.country
            if division and other.geonameid != city.geonameid:
                return replace(
                    other, method="context", reason=f"{other.reason}; the text calls the city '{city_name}'"
                )
        return place

    def _short_for_division(
        self, text: str, place: PlaceRef | None, ctx: Any, span_names: frozenset[str]
    ) -> PlaceRef | None:
        """Return the first-level division a bare city name stands for when the article also writes
        the division's full name, the city's name and one more proper word ("Gaza" beside "the Gaza
        Strip" and never "Gaza City" is the Strip, as the realnews gold codes it): one territory
        written two ways is one place. A name ending in a region word ("Kursk" beside "the Kursk
        region") is no such pair: the conventions count the town and its region apart."""
        if place is None or not (place.feature or "").startswith("P."):
            return place
        prefix = norm(text) + " "
        for name in sorted(span_names):
            rest = name[len(prefix) :] if name.startswith(prefix) else ""
            if not rest or " " in rest or rest in REGION_WORDS or rest in LONG_NAME_TAILS:
                continue
            division = self.gazetteer.resolve(name, context=ctx)
            if division is not None and division.feature == "A.ADM1" and division.country == place.country:
                return replace(
                    division, method="context", reason=f"{division.reason}; the text calls it '{name}'"
                )
        return place

    @staticmethod
    def _stray(place: PlaceRef, text: str, countries: tuple[str, ...], first: dict[str, PlaceRef]) -> bool:
        """Return True for a town reading with no tie to the article: not a capital, in a country
        the article does not name, and farther than STRAY_KM from each of its other places."""
        from parley.kb.gazetteer import haversine_km

        if place.feature == "P.PPLC" or place.country in countries or place.lat is None or place.lon is None:
            return False
        others = [
            (p.lat, p.lon) for t, p in first.items() if t != text and p.lat is not None and p.lon is not None
        ]
        here = (place.lat, place.lon)
        return bool(others) and all(haversine_km(here, o) > STRAY_KM for o in others)

    def _iso2(self, ref: ActorRef | None) -> str | None:
        entry = self.registry.get(ref.id) if ref is not None and ref.id else None
        return getattr(entry, "iso2", None)

    def _stated_countries(self, spans: list[PlaceSpan], actors: list[Mention]) -> dict[str, tuple[str, ...]]:
        """Return, by name, the country the text writes right after it: "Geneva, Switzerland",
        "Istanbul, Turkey", "Pokrovsk in eastern Ukraine". That country decides between namesakes
        before any other context."""
        countries = {m.start: m for m in actors if m.actor is not None and m.actor.kind == "state"}
        out: dict[str, tuple[str, ...]] = {}
        for text, _s, e, _why in spans:
            gap = STATED_COUNTRY_GAP.match(self._text[e : e + 30])
            m = countries.get(e + gap.end()) if gap else None
            if m is not None and self._is_country(m.text):
                iso = self._iso2(m.actor)
                if iso:
                    out.setdefault(text, (iso,))
        return out

    @staticmethod
    def _person_name_parts(actors: list[Mention]) -> frozenset[str]:
        """Return the folded single words of the people's names the article mentions: one of them
        alone names that person again, not the town that shares it (issue: people are not places)."""
        parts: set[str] = set()
        for m in actors:
            if m.actor is None or m.actor.kind != "person":
                continue
            for name in (m.text, m.actor.name):
                words = name.split()
                if len(words) >= 2:
                    parts.update(norm(w) for w in words if len(w) > MAX_NEVER_PLACE_LEN)
        return frozenset(parts)

    def _attested(self, spans: list[PlaceSpan], named: tuple[str, ...]) -> dict[str, PlaceRef]:
        """Return, by name, the first reading of each name that has evidence of being a place here:
        its own evidence or prior (``_is_place``), else nearness to a name that has."""
        from parley.kb.gazetteer import PlaceContext

        evidence: dict[str, set[str]] = {}
        starts: dict[str, list[int]] = {}
        for text, s, _e, why in spans:
            evidence.setdefault(text, set()).update(why)
            starts.setdefault(text, []).append(s)
        first: dict[str, PlaceRef] = {}
        for text, said in evidence.items():
            found = self.gazetteer.lookup(text, context=PlaceContext(countries=named), limit=1)
            if found and self._is_place(text, found[0].place, found[0].population, said, found[0].matched_by):
                first[text] = found[0].place
        points = tuple((p.lat, p.lon) for p in first.values() if p.lat is not None and p.lon is not None)
        for text in [t for t in evidence if t not in first]:  # weak evidence beside a well-attested place
            found = self.gazetteer.lookup(text, context=PlaceContext(points=points), limit=1)
            if found and self._near(found[0].place, first.values()) and not self._common_word(text):
                if self._other_name(text, found[0]) and not evidence[text] & (TEXTUAL_EVIDENCE | {"entity"}):
                    continue  # "Johnson", an old name of a town nearby: only the text's word makes it one
                if not evidence[text] and all(
                    _AFTER_A_NAME.search(self._text[max(0, i - 40) : i]) for i in starts[text]
                ):
                    continue  # "the Washington Summit": the last word of a longer name, not a town nearby
                first[text] = found[0].place
        return first

    @staticmethod
    def _other_name(text: str, found: Any) -> bool:
        """Return True when one word matched a place only through an alternate name unlike the
        place's own ("Johnson", an old name of Sturtevant): not a spelling of it, as "Hulyaypole"
        is of Huliaipole, but another name, which a surname or a word shares far more often."""
        from difflib import SequenceMatcher

        if found.matched_by not in ("alias", "folded") or " " in text:
            return False
        return SequenceMatcher(None, fold(text), fold(found.place.name)).ratio() < OTHER_NAME_LIKENESS

    def _unknown_places(
        self, doc: Any, known: list[Mention], spans: list[PlaceSpan], start_at: int
    ) -> list[PlaceSpan]:
        """Return places the gazetteer lacks: a place entity the text also calls a place.

        "Shelling hit the village of Kuchi Kebele", "clashes in Abu Salim": the model reads a place
        and the text locates something there, but no gazetteer entry has the name. Such a place
        keeps its name, without an id or coordinates, rather than being lost.
        """
        taken = [(m.start, m.end) for m in known] + [(s, e) for _, s, e, _ in spans]
        tokens = doc_tokens(doc)
        out: list[PlaceSpan] = []
        for ent in entities(doc):
            if ent.label_ not in PLACE_ENTS or ent.start_char < start_at:
                continue
            words = [t for t in ent if t.lower_ != "the"]
            while words and words[-1].text in ("'s", "’s", "'", "’"):
                words.pop()  # "Awi Zone's" names Awi Zone
            if not words or words[-1].lower_ in WATER_WORDS:
                continue  # seas and rivers are not places (FORMAT.md)
            if not words or not all(
                _is_capitalised(t.text) or t.lower_ in REGION_WORDS or not t.is_alpha for t in words
            ):
                continue
            s, e = words[0].idx, words[-1].idx + len(words[-1].text)
            if any(a < e and s < b for a, b in taken):
                continue
            text = self._text[s:e]
            why = self._evidence(tokens, words[0].i, words[-1].i + 1)
            if len(text) <= MAX_NEVER_PLACE_LEN or not (why & TEXTUAL_EVIDENCE):
                continue
            if norm(text) in not_places() or self._common_word(text):
                continue
            if self.registry.state_for_demonym(text) is not None or self._is_country(text):
                continue
            out.append((text, s, e, why | {"unknown"}))
        return out

    def _common_word(self, text: str) -> bool:
        """Return True when the article also writes ``text`` in lower case: "media", "unity", "post"."""
        return " " not in text and text.lower() in self._lower_words

    def _is_place(
        self, text: str, place: PlaceRef, population: int, evidence: Set[str], matched_by: str = ""
    ) -> bool:
        """Return True when a name has evidence of being a place: the text says so, or the place has a
        strong prior. A word the article also uses in lower case needs a place entity; a name of
        one or two letters ("Il", "Us") is never a place."""
        if len(text) <= MAX_NEVER_PLACE_LEN:
            return False
        said = evidence & TEXTUAL_EVIDENCE
        if self._common_word(text):
            return "entity" in evidence
        strong = population >= STRONG_PRIOR_POPULATION or (place.feature or "") in STRONG_PRIOR_FEATURES
        if "person" in evidence:
            return bool(said) or strong  # the small model reads many towns as names (Goma, Kremenchuk)
        if (matched_by or place.method) in ("alias", "folded") and " " not in text:
            return bool(said or "entity" in evidence)  # a near-spelling of one word needs the text's word
        return bool(evidence) or strong

    @staticmethod
    def _near(place: PlaceRef, others: Iterable[PlaceRef]) -> bool:
        """Return True when ``place`` lies in the same region as, or close to, one of ``others``."""
        from parley.kb.gazetteer import haversine_km

        known = list(others)
        if place.admin1 and any((o.country, o.admin1) == (place.country, place.admin1) for o in known):
            return True  # regions have no coordinates in the gazetteer: "Hulyaypole" in "Zaporizhzhia region"
        if place.lat is None or place.lon is None:
            return False
        here = (place.lat, place.lon)
        return any(
            o.lat is not None and o.lon is not None and haversine_km(here, (o.lat, o.lon)) <= NEAR_EVIDENCE_KM
            for o in known
        )


# Marks a name part that two people of the article share: it then names neither.
_SHARED = ActorRef(name="", kind="person", method="model", reason="a name part two people share")
# Name parts that never stand alone for one person, however few share them in an article.
COMMON_NAME_PARTS = frozenset(
    fold(w) for w in ["Mohammed", "Muhammad", "Mohamed", "Ahmed", "Ahmad", "Ali", "Abdul", "Abdel", "Abu",
                      "Bin", "Ibn", "Al", "El", "Van", "Von", "De", "Da", "Mr", "Mrs", "Ms", "Dr"]
)  # fmt: skip


DISTANCE_UNITS = frozenset({"km", "kilometres", "kilometers", "miles", "mi"})


# A capitalised word inside a sentence right before a name ("of the Washington Summit"): the name
# is that word's companion in one longer name, not a name of its own.
_AFTER_A_NAME = re.compile(r"[a-z,;:]\s+(?:the\s+)?[A-Z][\w'’.-]*\s+$")


def _closes_pair(tok: Any) -> bool:
    """Return True when ``tok`` ends the object of a preposition: a clause mark, a line break, or
    the next phrase's preposition ("in Djibo and Solle on Sunday"), but not "of" (a longer name)."""
    if tok.is_space or tok.text in CLAUSE_ENDS:
        return True
    return bool(tok.pos_ in ("ADP", "SCONJ") and tok.lower_ != "of")


def _distance_follows(doc: Any, i: int) -> bool:
    """Return True when ", <number> <unit>" follows token ``i`` ("X, 18 kilometres from Y")."""
    if i < len(doc) and doc[i].text == ",":
        i += 1
    return i + 1 < len(doc) and doc[i].like_num and doc[i + 1].lower_ in DISTANCE_UNITS


def _name_keys(words: Sequence[str]) -> list[str]:
    """Return the parts of a person's name that later stand for them alone: the surname, the part
    after its hyphen ("Khulaifi" of "Al-Khulaifi"), and any other part of four letters or more
    that is not a common given name ("Ibrahim" of "Ahmed Ibrahim Ahmed", "Yemane" of "Yemane
    Gebremeskel", who is called by his given name)."""
    keys = [fold(words[-1])]
    if "-" in words[-1]:
        keys.append(fold(words[-1].rsplit("-", 1)[1]))
    keys += [fold(w) for w in words[:-1] if len(w) >= 4]
    return [k for k in dict.fromkeys(keys) if k and k not in COMMON_NAME_PARTS]


def _compound_modifier(tokens: Sequence[Any], j: int) -> bool:
    """Return True when tokens[j:] are a hyphen and a participle ("-brokered", "-based") glued to the name."""
    return (
        j + 1 < len(tokens)
        and tokens[j].text in ("-", "–", "‐")
        and not tokens[j - 1].whitespace_
        and not tokens[j].whitespace_
        and tokens[j + 1].lower_ in GLUED_PARTICIPLES
    )


def _nickname_at(tokens: Sequence[Any], i: int) -> bool:
    """Return True when tokens[i] follows "known as", "dubbed" or "nicknamed" and a quote mark or a
    lower-case word such as "mini" ('known as "mini Switzerland"'): a place likened to a country is
    no act of that state."""
    k = i - 1
    while (
        k >= 0
        and k >= i - 3
        and (
            tokens[k].is_quote
            or (
                tokens[k].is_alpha
                and tokens[k].is_lower
                and tokens[k].lower_ not in NICKNAME_VERBS
                and tokens[k].lower_ != "as"
            )
        )
    ):
        k -= 1
    if k < 0 or k == i - 1:
        return False  # "Burma, also known as Myanmar": a second name, not a likeness (no quote, no "mini")
    word = tokens[k].lower_
    if word in NICKNAME_VERBS:
        return True
    return word == "as" and k > 0 and tokens[k - 1].lower_ in ("known", "referred")


def _misread_person(ent: Any) -> bool:
    """Return True for an ORG entity that is a person's name set off as an apposition or after a
    possessive ("the chair of the African Union, Moussa Faki Mahamat, told ..."; "Congo's
    Thérèse Kayikwamba Wagner"): two to four capitalised proper nouns, no organisation's head noun."""
    if ent.label_ != "ORG" or not 2 <= len(ent) <= 4:
        return False
    # an accented given name the tagger reads as a common noun ("Thérèse") still counts
    if not all(
        t.pos_ in ("PROPN", "NOUN") and t.is_alpha and t.text[0].isupper() and not t.is_upper for t in ent
    ):
        return False
    if head_kind([t.text for t in ent]) is not None or any(t.lower_ in INSTITUTION_WORDS for t in ent):
        return False
    doc = ent.doc
    before = doc[ent.start - 1].text if ent.start > 0 else ""
    after = doc[ent.end].text if ent.end < len(doc) else ""
    return before in ("'s", "’s") or (before == "," and after == ",")


def _tails_of_longer_names(by_name: dict[str, ActorRef]) -> dict[str, ActorRef]:
    """Return, for each longer name of the article's people that ends in a name of two or more words
    found on its own (a tail no other longer name ends in), the tail's actor: "Yemane Gebre
    Meskel" and "Gebre Meskel", "Karim Abu Nassar" and "Abu Nassar" are one person. The tail,
    which the model found standing alone, is the cleaner name: a longer span may have swallowed a
    word before it ("Crooked Hillary Clinton", "Miss Universe Alicia Machado")."""
    out: dict[str, ActorRef] = {}
    for text, actor in by_name.items():
        words = text.split()
        hosts = [
            host
            for longer, host in by_name.items()
            if len(longer.split()) > len(words) and longer.split()[-len(words) :] == words
        ]
        if len(hosts) == 1 and hosts[0].name not in out:
            host = hosts[0]
            out[host.name] = (
                actor
                if actor.affiliation or not host.affiliation
                else replace(actor, affiliation=host.affiliation)
            )
    return out


def _reassign_surnames(known: list[Mention], people: dict[str, ActorRef]) -> None:
    """Give a bare registry surname to the article's own person of that surname ("Kuleba" after
    "Oleksiy Kuleba" is not the registry's Dmytro Kuleba), unless the article also names the
    registry's person in full (then the surname is ambiguous and stays as matched)."""
    named_in_full = {m.actor.ref for m in known if m.actor is not None and " " in m.text.strip()}
    for k, m in enumerate(known):
        a = m.actor
        if a is None or a.kind != "person" or a.method == "model" or " " in m.text.strip():
            continue
        other = people.get(fold(m.text))
        if other is not None and other is not _SHARED and other.name != a.name and a.ref not in named_in_full:
            known[k] = replace(m, actor=other)


def _without_possessive(toks: list[Any]) -> list[Any]:
    """Return a name's tokens without a trailing possessive ("Mais al-Jabal's" -> "Mais al-Jabal")."""
    while toks and toks[-1].text in ("'s", "’s", "'", "’"):
        toks = toks[:-1]
    return toks


def _with_hyphenated_head(doc: Any, name: list[Any]) -> list[Any]:
    """Return a name's tokens with the lower-case parts its hyphens join on the left ("Zia-ul-Haq").

    The run of capitalised words stops at "ul" of "Zia-ul-Haq Sarhadi" and leaves "-Haq Sarhadi"
    (and the model's span may open at "Haq"): a hyphen written without spaces joins the word
    written against it on the left, and that word the hyphen before it.
    """
    out = list(name)
    while out and out[0].i > 1:
        hyphen = out[0] if out[0].text in ("-", "‐") else doc[out[0].i - 1]
        prev = doc[hyphen.i - 1]
        if hyphen.text not in ("-", "‐") or hyphen.whitespace_ or prev.whitespace_ or not prev.is_alpha:
            break
        out[:0] = [prev] if hyphen is out[0] else [prev, hyphen]
    return out


def _with_hyphenated_tail(doc: Any, toks: list[Any]) -> list[Any]:
    """Return a name's tokens with a hyphenated last part the model cut off ("Al" + "-Khulaifi")."""
    end = toks[-1].i + 1
    while (
        end + 1 < len(doc)
        and doc[end].text in ("-", "‐")
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and _is_capitalised(doc[end + 1].text)
    ):
        end += 2
    return [*toks, *doc[toks[-1].i + 1 : end]]


def shift(mentions: Sequence[Mention], offset: int) -> list[Mention]:
    """Return mentions with offsets moved by ``offset`` (for a text parsed in pieces)."""
    return [replace(m, start=m.start + offset, end=m.end + offset) for m in mentions]
