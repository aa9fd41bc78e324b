"""Every place a text names, on the map: the toponym layer (issue #14).

The conflict record keeps only the places its conventions count (FORMAT.md: no countries, no
datelines, no seas; places where the text puts an event, a force or control). A reader who wants
to map every place a story names ("which towns does this coverage mention?") needs the wider
list that geoparsing benchmarks such as GeoWebNews score: countries, continents, regions, towns,
datelines, and the adjectives that name a place ("Russian troops" names Russia), each with its
offsets, the name as written, the GeoNames id, the point, and how sure the reading is.

The layer reuses what the record's place finding computes before its convention filter (the
knowledge-base matcher's place and state mentions), then adds what that filter never looks at:
states abbreviated after a town ("Gainesville, Va."), dateline places, spaCy's place entities
(GPE, LOC, FAC) that the matcher passed over (names the gazetteer lacks only when a place word
ends them: "Royal Street"), place adjectives, and places inside organisation names. The longest
name wins; a town reading that is more likely a person's name or an unlisted word is dropped;
then every town and region is read again with what the whole article says (its countries, its
first-level divisions, its other places' points). It reads the article; it never changes the
record (``parley.extract`` is not touched).

Demonyms: GeoWebNews's annotation guideline resolves an adjective that modifies a noun ("a
Russian official", "Mexican authorities") as a toponym (its literal and non-literal modifiers),
but not a noun for a people ("Mexicans", "the Syrians": its Demonym type, left unresolved). The
layer follows it: an adjective in front of a noun is a toponym of form ``adjective``, a people
noun is none. Its embedded toponyms, a place named inside an organisation's name ("Toronto" in
"Toronto Police"), are toponyms too, of form ``embedded``. Callers who want names only pass
``adjectives=False, embedded=False``.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from parley.extract.datelines import dateline_places
from parley.kb.fold import norm

if TYPE_CHECKING:
    from parley.analyse.matcher import MentionFinder
    from parley.extract.extractor import Extractor
    from parley.kb.actors import ActorRegistry
    from parley.kb.gazetteer import Gazetteer
    from parley.model import Document
    from parley.model.records import PlaceRef
    from parley.rules.load import Rules

# spaCy entity types that name a place.
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# spaCy entity type of nationalities and peoples: the adjective forms of places.
PEOPLE_ENT = "NORP"
# A word that is a place's adjective only when it modifies a noun ("Russian troops").
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nummod", "poss"})
# Parts of the world the gazetteer (towns, regions, countries) does not hold: GeoNames ids and
# points of the continents and of the Middle East, with the names and adjectives news uses.
WORLD_REGIONS: tuple[tuple[int, str, float, float, tuple[str, ...], tuple[str, ...]], ...] = (
    (6255146, "Africa", 7.1881, 21.09375, ("Africa",), ("African",)),
    (6255147, "Asia", 29.84064, 89.29688, ("Asia",), ("Asian",)),
    (6255148, "Europe", 48.69096, 9.14062, ("Europe",), ("European",)),
    (6255149, "North America", 46.07323, -100.54688, ("North America",), ("North American",)),
    (6255150, "South America", -14.60485, -57.65625, ("South America",), ("South American",)),
    (6255151, "Oceania", -18.31281, 138.51562, ("Oceania",), ()),
    (6255152, "Antarctica", -78.15856, 16.40626, ("Antarctica",), ("Antarctic",)),
    (6269133, "Middle East", 33.13906, 35.85869, ("Middle East", "Mideast"), ("Middle Eastern",)),
)
# How sure a reading is when it comes from the matcher's own place finding, from a spaCy place
# entity the gazetteer resolves, or from an adjective (the adjective is sure of its country).
MATCHER_CONFIDENCE = 0.9
ENTITY_CONFIDENCE = 0.75
ADJECTIVE_CONFIDENCE = 0.8
UNKNOWN_CONFIDENCE = 0.5
# States and provinces as AP style abbreviates them after a town's name, and the capital "D.C.":
# (full name, country, GeoNames feature of the place meant).
STATE_ABBREVIATIONS: dict[str, tuple[str, str, str]] = {
    **{abbr: (name, "US", "A.ADM1") for abbr, name in (
        ("Ala.", "Alabama"), ("Ariz.", "Arizona"), ("Ark.", "Arkansas"), ("Calif.", "California"),
        ("Colo.", "Colorado"), ("Conn.", "Connecticut"), ("Del.", "Delaware"), ("Fla.", "Florida"),
        ("Ga.", "Georgia"), ("Ill.", "Illinois"), ("Ind.", "Indiana"), ("Kan.", "Kansas"),
        ("Ky.", "Kentucky"), ("La.", "Louisiana"), ("Md.", "Maryland"), ("Mass.", "Massachusetts"),
        ("Mich.", "Michigan"), ("Minn.", "Minnesota"), ("Miss.", "Mississippi"), ("Mo.", "Missouri"),
        ("Mont.", "Montana"), ("Neb.", "Nebraska"), ("Nev.", "Nevada"), ("N.H.", "New Hampshire"),
        ("N.J.", "New Jersey"), ("N.M.", "New Mexico"), ("N.Y.", "New York"), ("N.C.", "North Carolina"),
        ("N.D.", "North Dakota"), ("Okla.", "Oklahoma"), ("Ore.", "Oregon"), ("Pa.", "Pennsylvania"),
        ("R.I.", "Rhode Island"), ("S.C.", "South Carolina"), ("S.D.", "South Dakota"),
        ("Tenn.", "Tennessee"), ("Vt.", "Vermont"), ("Va.", "Virginia"), ("Wash.", "Washington"),
        ("W.Va.", "West Virginia"), ("Wis.", "Wisconsin"), ("Wyo.", "Wyoming"),
    )},
    **{abbr: (name, "CA", "A.ADM1") for abbr, name in (
        ("B.C.", "British Columbia"), ("Alta.", "Alberta"), ("Sask.", "Saskatchewan"),
        ("Man.", "Manitoba"), ("Ont.", "Ontario"), ("Que.", "Quebec"), ("N.B.", "New Brunswick"),
        ("N.S.", "Nova Scotia"),
    )},
    "D.C.": ("Washington", "US", "P.PPLC"),
}  # fmt: skip
# The abbreviation after a town's name and a comma ("Pleasanton, Calif.").
ABBREVIATION_AFTER_TOWN = re.compile(r"[A-Z][\w.'-]*,\s(?P<abbr>(?:[A-Z]\.){2}|[A-Z][a-z]{1,4}\.|W\.Va\.)")
# spaCy entity types of organisations, whose names often hold a place ("Toronto Police").
ORG_ENTS = frozenset({"ORG"})
# A town named inside an organisation's name is that town when it is this populous.
EMBEDDED_POPULATION = 100_000
EMBEDDED_CONFIDENCE = 0.6
# A dateline names a city: a town this small with a name in capitals is more likely a word.
DATELINE_POPULATION = 15_000
# A town the model alone reads as a place, in none of the article's countries and smaller than
# this, is more likely a name it shares with a village abroad ("Olivia", "Chen", "Heiden").
STRAY_POPULATION = 50_000
# Town features whose name is what news means by it, whoever else bears it ("Washington").
SEAT_FEATURES = frozenset({"P.PPLC", "P.PPLA"})
# How much more a country the article names counts, in its focus, than a country one of its
# places lies in.
COUNTRY_WEIGHT = 2


@lru_cache(maxsize=4)
def place_heads(rules: Rules) -> frozenset[str]:
    """Return the last words that make a name the gazetteer lacks a place ("Royal Street"): data,
    ``places.toml`` section ``toponyms``, of the rules the extractor reads."""
    return frozenset(w.lower() for w in rules["places.toml"]["toponyms"]["place_heads"])


@dataclass(frozen=True)
class Toponym:
    """One place mention: where it is in the text, what it names, and how sure the reading is.

    ``start``/``end`` are offsets into the text given (raw text for :func:`find_toponyms`);
    ``text`` is the name as written; ``name`` the resolved place's own name (the written name
    when the gazetteer lacks it, and then ``geonameid`` and the point are None). ``form`` is
    ``name``, ``adjective`` ("Russian" in "Russian troops") or ``embedded`` (inside an
    organisation's name: "Toronto" in "Toronto Police"). ``evidence`` says what made it a
    place: ``matcher`` (the record's place finding), ``country``, ``entity`` (spaCy's GPE, LOC or
    FAC; with ``not in the gazetteer`` for a name alone), ``adjective``, ``world region``,
    ``dateline``, ``abbreviation``, ``inside a name``, ``capital``; ``article context`` is added when the
    whole article changed the reading.
    """

    start: int
    end: int
    text: str
    name: str
    form: str = "name"
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    country: str | None = None
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()
    admin1: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the toponym as a plain dict (JSON-ready)."""
        out = asdict(self)
        out["evidence"] = list(self.evidence)
        return out


def _place_fields(place: PlaceRef) -> dict[str, Any]:
    """Return the fields a toponym takes from the place it names."""
    return {
        "name": place.name, "geonameid": place.geonameid, "lat": place.lat, "lon": place.lon,
        "feature": place.feature, "country": place.country, "admin1": place.admin1,
    }  # fmt: skip


def _from_place(start: int, end: int, text: str, place: PlaceRef, form: str, confidence: float,
                evidence: str) -> Toponym:  # fmt: skip
    return Toponym(
        start, end, text, form=form, confidence=round(confidence, 3), evidence=(evidence,),
        **_place_fields(place),
    )  # fmt: skip


class ToponymFinder:
    """Finds the toponyms of parsed texts with the extractor's matcher, registry and gazetteer."""

    def __init__(self, extractor: Extractor) -> None:
        # The extractor's parts, not the extractor: the finder is cached per extractor in a weak
        # mapping (_finder), which a reference back to its key would keep alive for ever.
        self.mentions: MentionFinder = extractor.finder
        self.gazetteer: Gazetteer = extractor.finder.gazetteer
        self.registry: ActorRegistry = extractor.registry
        self.place_heads = place_heads(extractor.rules)
        self._countries: dict[str, PlaceRef | None] = {}
        self._regions = {norm(n): (r, "name") for r in WORLD_REGIONS for n in r[4]} | {
            norm(a): (r, "adjective") for r in WORLD_REGIONS for a in r[5]
        }

    # -- countries ---------------------------------------------------------------------------
    def country(self, iso2: str) -> PlaceRef | None:
        """Return the country (GeoNames A.PCL*) with this ISO2 code, looked up by the state's names."""
        if iso2 not in self._countries:
            found = None
            state = self.registry.state_with_iso2(iso2)
            for name in (state.name, *state.aliases) if state is not None else ():
                for c in self.gazetteer.lookup(norm(name.removeprefix("the ")), limit=5):
                    if (c.place.feature or "").startswith("A.PCL") and c.place.country == iso2:
                        found = c.place
                        break
                if found is not None:
                    break
            self._countries[iso2] = found
        return self._countries[iso2]

    def _as_country(self, text: str) -> PlaceRef | None:
        state = self.registry.country_named(text)
        return self.country(state.iso2) if state is not None and state.iso2 else None

    def _adjective(self, text: str) -> PlaceRef | None:
        entry = self.registry.state_for_demonym(text)
        return self.country(entry.iso2) if entry is not None and entry.iso2 else None

    # -- the layer ---------------------------------------------------------------------------
    def find(
        self, doc: Any, *, published: date | None = None, adjectives: bool = True, embedded: bool = True
    ) -> list[Toponym]:
        """Return every toponym of a parsed text, in text order, offsets into ``doc.text``."""
        text = doc.text
        found: list[Toponym] = []
        mentions = self.mentions.find(doc, published=published)
        people = _people_words(doc, mentions)
        for m in mentions:
            if m.kind == "place" and m.place is not None:
                found.append(_from_place(m.start, m.end, m.text, m.place, "name",
                                         min(m.place.confidence, MATCHER_CONFIDENCE), "matcher"))  # fmt: skip
            elif m.kind == "actor" and m.actor is not None and m.actor.kind == "state":
                s, e = _strip_article(text, m.start, m.end)
                country = self._as_country(text[s:e])
                if country is not None:
                    found.append(_from_place(s, e, text[s:e], country, "name", MATCHER_CONFIDENCE, "country"))
        found[:0] = self._abbreviated_states(text)  # first: they outrank a town read in "Va."
        found.extend(self._datelines(text, found))
        found.extend(self._entities(doc, found, adjectives))
        if adjectives:
            found.extend(self._untagged_adjectives(doc, found))
        if embedded:
            found.extend(self._embedded(doc, found))
        places = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in PLACE_ENTS]
        kept = [
            t
            for t in _longest_first(found)
            if not _a_persons_name(t, people) and not _unattested(t, places, self.place_heads)
        ]
        return self._in_context(kept)

    def _in_context(self, found: list[Toponym]) -> list[Toponym]:
        """Return the toponyms with each town or region read again in the light of the whole
        article: the countries it names (a country named counts twice), the first-level divisions
        it names ("Kentucky" makes Louisville the Kentucky one), and the points of its other places.
        The matcher resolved each name with what it had seen; the layer has seen everything."""
        from parley.kb.gazetteer import PlaceContext

        ranked: Counter[str] = Counter()
        for t in found:
            if t.country:
                ranked[t.country] += COUNTRY_WEIGHT if (t.feature or "").startswith("A.PCL") else 1
        admin1 = tuple(
            {(t.country, t.admin1) for t in found if t.feature == "A.ADM1" and t.country and t.admin1}
        )
        out: list[Toponym] = []
        for t in found:
            feature = t.feature or ""
            read_by_name = t.evidence[0] in ("matcher", "entity")  # not an abbreviation, a dateline...
            # A name the matcher left unresolved (a town far from the story's other places: no
            # place of the record) is still a place the text names: the layer looks it up.
            stray = t.geonameid is None and t.evidence[0] == "matcher" and t.form == "name"
            if not read_by_name or not (
                stray or (t.geonameid is not None and feature.startswith(("P.", "A.ADM")))
            ):
                out.append(t)
                continue
            others = tuple(
                (o.lat, o.lon)
                for o in found
                if o.name != t.name
                and o.lat is not None
                and o.lon is not None
                and not (o.feature or "").startswith(("A.PCL", "L.CONT"))
            )
            context = PlaceContext(
                countries=tuple(c for c, _ in ranked.most_common()), admin1=admin1, points=others
            )
            cands = self.gazetteer.lookup(t.text, context=context, limit=1)
            if not cands or cands[0].place.geonameid in (None, t.geonameid):
                out.append(t)
                continue
            if stray and not (cands[0].matched_by == "exact" and cands[0].population >= EMBEDDED_POPULATION):
                out.append(t)  # a small namesake far from the story is likelier a wrong one: no id
                continue
            out.append(replace(t, evidence=(*t.evidence, "article context"), **_place_fields(cands[0].place)))
        return out

    def _abbreviated_states(self, text: str) -> list[Toponym]:
        """Return the states and provinces news abbreviates after a town ("Richmond, Va.",
        "Kelowna, B.C."), as AP style writes them, resolved to their first-level division."""
        out: list[Toponym] = []
        for m in ABBREVIATION_AFTER_TOWN.finditer(text):
            full = STATE_ABBREVIATIONS.get(m.group("abbr"))
            if full is None:
                continue
            name, country, feature = full
            place = next(
                (
                    c.place
                    for c in self.gazetteer.lookup(name, limit=10)
                    if c.place.country == country and c.place.feature == feature
                ),
                None,
            )
            if place is not None:
                s, e = m.span("abbr")
                out.append(_from_place(s, e, text[s:e], place, "name", MATCHER_CONFIDENCE, "abbreviation"))
        return out

    def _datelines(self, text: str, known: list[Toponym]) -> list[Toponym]:
        """Return the places of datelines ("BEIRUT (AP) -", "SAN ANTONIO Turner Sports said"): a
        paragraph that opens with a name in capitals, which the model rarely reads as a place. The
        record leaves datelines out (they locate the reporter); a map of the text's places keeps them."""
        out: list[Toponym] = []
        for s, e in dateline_places(text):
            if any(a < e and s < b for a, b in ((t.start, t.end) for t in known)):
                continue
            written = text[s:e]
            country = self._as_country(written)
            cands = [] if country is not None else self.gazetteer.lookup(written.title(), limit=1)
            if country is not None:
                out.append(_from_place(s, e, written, country, "name", ENTITY_CONFIDENCE, "dateline"))
            elif cands and (
                cands[0].population >= DATELINE_POPULATION or cands[0].place.feature in SEAT_FEATURES
            ):
                out.append(_from_place(s, e, written, cands[0].place, "name", ENTITY_CONFIDENCE, "dateline"))
        return out

    def _entities(self, doc: Any, known: list[Toponym], adjectives: bool) -> list[Toponym]:
        """Return the place entities and place adjectives the matcher passed over, resolved near
        the places it found."""
        from parley.kb.gazetteer import PlaceContext

        taken = [(t.start, t.end) for t in known]
        ranked = Counter(t.country for t in known if t.country)
        context = PlaceContext(
            countries=tuple(c for c, _ in ranked.most_common()),
            points=tuple((t.lat, t.lon) for t in known if t.lat is not None and t.lon is not None),
        )
        out: list[Toponym] = []
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) == 1:
                capital = self._capital_misread(ent, context.countries)
                if capital is not None and not any(a < ent.end_char and ent.start_char < b for a, b in taken):
                    out.append(capital)
                continue
            if ent.label_ not in PLACE_ENTS and ent.label_ != PEOPLE_ENT:
                continue
            s, e = _strip_article(doc.text, ent.start_char, ent.end_char)
            if s >= e or any(a <= s and e <= b for a, b in taken):  # a longer name may hold known ones
                continue
            written = doc.text[s:e]
            if ent.label_ == PEOPLE_ENT:
                if adjectives and _modifies_a_noun(ent):
                    place = self._adjective(written) or self._region(written, "adjective")
                    if place is not None:
                        out.append(_from_place(s, e, written, place, "adjective", ADJECTIVE_CONFIDENCE,
                                               "adjective"))  # fmt: skip
                continue
            region = self._region(written, "name")
            if region is not None:
                out.append(_from_place(s, e, written, region, "name", ENTITY_CONFIDENCE, "world region"))
                continue
            country = self._as_country(written)
            if country is not None:
                out.append(_from_place(s, e, written, country, "name", ENTITY_CONFIDENCE, "country"))
                continue
            cands = self.gazetteer.lookup(written, context=context, limit=1)
            stray = bool(cands) and (
                cands[0].place.country not in context.countries
                and cands[0].population < STRAY_POPULATION
                and (cands[0].place.feature or "").startswith("P.")
            )
            if cands and not stray:
                c = cands[0]
                out.append(_from_place(s, e, written, c.place, "name", ENTITY_CONFIDENCE * c.confidence,
                                       "entity"))  # fmt: skip
            elif _proper_name(ent) and ent[-1].lower_ in self.place_heads:
                # a place the gazetteer lacks (a street, a school, a neighbourhood): its name alone
                out.append(Toponym(s, e, written, written, "name", confidence=UNKNOWN_CONFIDENCE,
                                   evidence=("entity", "not in the gazetteer")))  # fmt: skip
        return out

    def _capital_misread(self, ent: Any, countries: tuple[str, ...]) -> Toponym | None:
        """Return the capital a one-word PERSON entity names ("Abuja"), when the article is about
        that capital's country: a capital is what a bare name means there (a strong prior)."""
        cands = self.gazetteer.lookup(ent.text, limit=1)
        if not cands or cands[0].matched_by != "exact":
            return None
        place = cands[0].place
        if place.feature != "P.PPLC" or place.country not in countries:
            return None
        return _from_place(
            ent.start_char, ent.end_char, ent.text, place, "name", ENTITY_CONFIDENCE, "capital"
        )

    def _untagged_adjectives(self, doc: Any, known: list[Toponym]) -> list[Toponym]:
        """Return the place adjectives the model tags as no entity ("Salvadoran migrant"): a
        capitalised word in front of a noun that the registry knows as a state's adjective."""
        taken = [(t.start, t.end) for t in known]
        out: list[Toponym] = []
        for tok in doc:
            s, e = tok.idx, tok.idx + len(tok.text)
            if tok.ent_type_ or not tok.text[:1].isupper() or any(a < e and s < b for a, b in taken):
                continue
            if tok.dep_ in ("amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
                place = self._adjective(tok.text)
                if place is not None:
                    out.append(
                        _from_place(s, e, tok.text, place, "adjective", ADJECTIVE_CONFIDENCE, "adjective")
                    )
        return out

    def _embedded(self, doc: Any, known: list[Toponym]) -> list[Toponym]:
        """Return the places named inside the names of organisations ("Toronto" in "Toronto Police",
        "Nigerian" in "Nigerian Army", "Zimbabwe" in "Air Zimbabwe"), as form ``embedded``: the
        body is named after the place. Only unmistakable places: countries, their adjectives,
        continents, first-level divisions and towns of EMBEDDED_POPULATION or more."""
        taken = [(t.start, t.end) for t in known]
        countries = frozenset(t.country for t in known if t.country)
        lower = frozenset(t.text for t in doc if t.text[:1].islower())
        out: list[Toponym] = []
        for ent in doc.ents:
            if ent.label_ not in ORG_ENTS or any(a <= ent.start_char and ent.end_char <= b for a, b in taken):
                continue
            i = ent.start + (ent[0].lower_ == "the")
            while i < ent.end:
                hit = None
                for j in range(min(ent.end, i + 3), i, -1):
                    span = doc[i:j]
                    if j - i == ent.end - ent.start or not all(t.text[:1].isupper() for t in span):
                        continue
                    place = self._unmistakable(span.text, countries)
                    if place is not None and span.text.lower() not in lower:  # "Reading": a word here
                        hit = (span, place)
                        break
                if hit is None:
                    i += 1
                    continue
                span, place = hit
                out.append(_from_place(span.start_char, span.end_char, span.text, place, "embedded",
                                       EMBEDDED_CONFIDENCE, "inside a name"))  # fmt: skip
                i = span.end
        return out

    def _unmistakable(self, written: str, countries: frozenset[str]) -> PlaceRef | None:
        """Return the place a name inside an organisation's name is, when nothing else it could be:
        a country, a place adjective, a continent, a division of a country the article names, a
        large town."""
        place = self._as_country(written) or self._adjective(written)
        place = place or self._region(written, "adjective") or self._region(written, "name")
        if place is not None:
            return place
        cands = self.gazetteer.lookup(written, limit=1)
        if cands and cands[0].matched_by in ("exact", "alias"):
            c = cands[0]
            feature = c.place.feature or ""
            if (feature == "A.ADM1" and c.place.country in countries) or (
                feature.startswith("P.") and c.population >= EMBEDDED_POPULATION
            ):
                return c.place
        return None

    def _region(self, written: str, form: str) -> PlaceRef | None:
        from parley.model.records import PlaceRef

        hit = self._regions.get(norm(written))
        if hit is None or hit[1] != form:
            return None
        gid, name, lat, lon, _names, _adjs = hit[0]
        return PlaceRef(name=name, geonameid=gid, lat=lat, lon=lon, feature="L.CONT", reason="world region")


def _people_words(doc: Any, mentions: Iterable[Any]) -> frozenset[str]:
    """Return the words of the people's full names the article writes ("Olivia" of "Olivia
    Grant"): spaCy's PERSON entities of two words or more, and the people the registry knows.
    A lone word the model reads as a person is often a town it does not know ("Douma"), so it
    is not counted."""
    names = [e.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    names += [m.text for m in mentions if m.actor is not None and m.actor.kind == "person" and m.actor.id]
    return frozenset(w for n in names for w in n.split() if w[:1].isupper())


def _a_persons_name(t: Toponym, people: frozenset[str]) -> bool:
    """Return True when a town reading is more likely a person's name or a common word: a name the
    article also writes as part of a person's name ("Olivia", "Tyler"), or written in lower case,
    unless it is a capital or a seat of government, whose name is what news means by it."""
    if not (t.feature or "").startswith("P.") or t.feature in SEAT_FEATURES:
        return False
    return not t.text[:1].isupper() or t.text in people


def _unattested(t: Toponym, places: list[tuple[int, int]], heads: frozenset[str]) -> bool:
    """Return True for a name the gazetteer lacks that only the matcher's textual cues call a place
    ("in Metro", "to UConn"): without a place entity over it or a place word ending it, the cue
    more often follows a person, an organisation or an event than an unlisted place."""
    if t.lat is not None or "matcher" not in t.evidence:  # a point: the gazetteer knows it
        return False
    if t.text.split()[-1].lower() in heads:
        return False
    return not any(a <= t.start and t.end <= b for a, b in places)


def _strip_article(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span without a leading "the " and a trailing possessive ("Russia's")."""
    if text[start:end].lower().startswith("the "):
        start += 4
    for tail in ("'s", "’s"):
        if text[start:end].endswith(tail):
            end -= len(tail)
    return start, end


def _proper_name(ent: Any) -> bool:
    """Return True when an entity is written as a name: its first and last words capitalised."""
    return ent.text[:1].isupper() and ent[-1].text[:1].isupper()


def _modifies_a_noun(ent: Any) -> bool:
    """Return True when a people's name is an adjective in front of a noun ("Russian troops"),
    not a noun for the people ("the Russians")."""
    last = ent[-1]
    if last.tag_ in ("NNS", "NNPS"):
        return False
    return last.dep_ in MODIFIER_DEPS or last.tag_ == "JJ"


def _longest_first(found: Iterable[Toponym]) -> list[Toponym]:
    """Return the toponyms in text order, a span inside a longer one dropped (the longest name wins)."""
    kept: list[Toponym] = []
    for t in sorted(found, key=lambda t: (-(t.end - t.start), t.start)):
        if not any(k.start < t.end and t.start < k.end for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)


def distinct_places(toponyms: Sequence[Toponym]) -> list[dict[str, Any]]:
    """Return each place the toponyms name once (by GeoNames id, else by name), as the evaluation
    format writes places: the first mention's written name, every written form in ``names``."""
    by_key: dict[Any, dict[str, Any]] = {}
    for t in toponyms:
        key = t.geonameid if t.geonameid is not None else norm(t.name)
        place = by_key.get(key)
        if place is None:
            by_key[key] = {
                "name": t.text, "names": [t.text], "geonameid": t.geonameid, "lat": t.lat, "lon": t.lon,
                "feature": t.feature, "country": t.country, "confidence": t.confidence,
            }  # fmt: skip
        else:
            if t.text not in place["names"]:
                place["names"].append(t.text)
            place["confidence"] = max(place["confidence"], t.confidence)
    return list(by_key.values())


def find_toponyms(
    text: str,
    *,
    extractor: Extractor | None = None,
    published: date | None = None,
    adjectives: bool = True,
    embedded: bool = True,
) -> list[Toponym]:
    """Return every place ``text`` names, in text order, with offsets into ``text`` itself.

    The text is cleaned as ``parley.extract`` cleans it; a text the cleaner skips (too short,
    not prose) has no toponyms.
    """
    from parley.clean import clean
    from parley.model import ArticleMeta, Document, RawArticle

    cleaned = clean(RawArticle(source="text", kind="text", text=text, meta=ArticleMeta(published=published)))
    if not isinstance(cleaned, Document):
        return []
    return document_toponyms(cleaned, extractor=extractor, adjectives=adjectives, embedded=embedded)


def document_toponyms(
    document: Document, *, extractor: Extractor | None = None, adjectives: bool = True, embedded: bool = True
) -> list[Toponym]:
    """Return every place a cleaned article names, with offsets into its raw text."""
    from parley.extract.extractor import _default_extractor

    if not document.text.strip():
        return []
    ex = extractor or _default_extractor(None)
    raw = document.article.text
    out = []
    found = _finder(ex).find(ex.nlp(document.text), published=document.published, adjectives=adjectives,
                             embedded=embedded)  # fmt: skip
    for t in found:
        s, e = document.offsets.span_to_raw(t.start, t.end)
        out.append(replace(t, start=s, end=e, text=raw[s:e]))
    return out


# The Python API's name: ``parley.toponyms(text)``.
toponyms = find_toponyms

# One finder per extractor, built on first use and dropped with its extractor.
_FINDERS: weakref.WeakKeyDictionary[Extractor, ToponymFinder] = weakref.WeakKeyDictionary()


def _finder(extractor: Extractor) -> ToponymFinder:
    finder = _FINDERS.get(extractor)
    if finder is None:
        finder = _FINDERS[extractor] = ToponymFinder(extractor)
    return finder


__all__ = ["Toponym", "ToponymFinder", "distinct_places", "document_toponyms", "find_toponyms", "toponyms"]
