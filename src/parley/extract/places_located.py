"""Which place mentions locate something: the filter on an article's final place list.

The corpus conventions count a place only where the text puts an event, a force or control.
The matcher finds every toponym; most of the ones that are not places in that sense fall into
a few shapes of English news prose, each recognisable from the words around the mention:

- a **dateline, credit or caption**: "HAMBURG (Germany) (AFP) -", "Leeds, XNA -",
  "Reporting by ... in Oslo", "Photo: Graz", "in Lyon, France, on Friday, May 3, 2019";
- a **name inside another name**: "the Gaza conflict" (a war as a whole), "the United Wa State
  Army" (a group); the **topic of a dispute**: "inaction over Gaza", "talks about Crimea"; and a
  **war or truce named by its place**: "Israel's war on Hamas in Gaza", "since the truce in Gaza";
- a **city standing for its government**: "Ottawa said", "a demand from Canberra",
  "at the request of Paris and Rome", "a Madrid-brokered deal";
- a **speaker's whereabouts**: "a press conference in Doha", "told reporters in Oslo", "speaking in
  Geneva", "a briefing held in Aden", "in an interview at a base in the city of Homs" (FORMAT.md:
  where someone spoke is no place of the story);
- a **journey's end**: "the delegation returned to Port Sudan", "prisoners will be transported to
  Moscow", "had just returned from Florida" name where people go or come from, not where anything
  of the story happens;
- a **group's origin**: "armed factions from Zawiya", "militias from Misrata", "the defenders of
  Mariupol" name fighters by the town they come from or once held; what they do happens elsewhere;
- a **person's office**: "Ivan Sorokin, governor of the Tver region, said", "the leader of Russia's
  Chechen Republic" name where an official serves, not where anything happened;
- a **reference point**: "about 100 km from Srinagar" locates nothing in Srinagar (FORMAT.md); the
  matcher already drops "35 km east of X", this is the shape without a compass word or with a
  longer tail ("40 nautical miles south-west of the port of X"); so does a neighbour named by a
  border ("a village on the border with the Kursk region", "a province which borders X");
- a **photo caption**: a line with a credit or a picture's verb ("(AP Photo/...)", "are seen"), or
  a short line that closes on a full date with its year ("... near Izium on March 3, 2023.");
- a **venue** the gazetteer lacks ("Nasser Hospital", "the Grand Hotel"): coded as its town.

One more rule works on the list of places, not on mentions: a place the gazetteer lacks is listed
once, however the text writes it ("Oddar Meanchey province", "Oddar Meanchey"). A region the text
gives as the location of a named town or facility ("Linz, the capital of Upper Austria", "the
Kursk region" beside Kursk, "Kremenchuk (Poltava region)") is no shape here: it is a place beside
the town (CONVENTIONS.md "Places", as the seed and team gold count it).

A place is dropped only when every one of its mentions has one of these shapes and no record
(event, claim) uses it; a single locating mention keeps it. A place whose every mention stands for
a government, a war or truce, or a group is dropped even when a record uses it: such a mention
locates nothing, so the record's place is a misreading too. The words of the shapes (saying
verbs, nouns of a voice, group heads, region words) are data: ``places.toml``, section
``located``, checked by ``parley rules check``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from parley.extract.datelines import in_dateline
from parley.kb.fold import fold
from parley.model.records import PlaceRef

# A credit naming where the writer sat, or a photo label, just before the place.
_CREDIT = re.compile(
    r"(?:\b(?:Reporting|Writing|Editing|Additional reporting) by [^;().\n]{1,60}\bin\s+|"
    r"(?:^|\s)(?:Photo|Фото)\s*:\s*)$",
    re.IGNORECASE,
)
# A photo caption: "... in Lyon, France, on Friday, May 3, 2019": city, country and a full date.
_CAPTION_AFTER = re.compile(
    r"^,\s+[A-Z][\w.'’ -]{2,30},\s+(?:on\s+)?(?:[A-Z][a-z]+day,\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\b"
)
# "about 100 km from Srinagar", "18 kilometres (11 miles) from X": a distance from a reference point.
# So is "59 nautical miles south-west of the port of X", which the matcher's own reference-point
# rule, looking four words back, does not reach.
_DISTANCE_FROM = re.compile(
    r"\b\d[\d,.]*\s*(?:nautical\s+)?(?:km|kilomet(?:re|er)s?|miles?)\s+(?:\([^)\n]{1,30}\)\s+)?"
    r"(?:away\s+from|from|(?:north|south|east|west)[\w-]*\s+of(?:\s+the(?:\s+[A-Z][\w'’-]*)?\s+"
    r"(?:port|city|town)\s+of)?)\s+$",
    re.IGNORECASE,
)
# A picture's caption ends on the full date the picture was taken: "Soldiers train on the outskirts
# of Kharkiv on March 3, 2023." News prose dates by weekday; a line that closes on a year is a caption.
_DATED_LINE = re.compile(
    r"\bon\s+(?:[A-Z][a-z]+day,?\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\s+\d{4}\.?\s*$"
)
# "a village on the border with the Kursk region", "towns bordering Belgorod": the neighbour is a
# reference point that says where the place lies, not a place where anything happens.
# The border may carry a word or two of its own ("the border with the partially occupied X"), and
# a region may border another ("Y province, which borders Thailand's X province").
_BORDER_WITH = re.compile(
    r"\b(?:border|frontier)\s+with\s+(?:the\s+)?(?-i:[a-z-]+\s+){0,2}$"
    r"|\bborder(?:s|ed|ing)\s+(?:the\s+|[A-Z][\w-]*['’]s\s+)?$",
    re.I,
)
# A caption is one short line: a paragraph this long with a caption mark is prose.
_CAPTION_MAX = 300
# Words a region's name ends in when the gazetteer or the text names it so ("Ryazan' Oblast").
_REGION_TAIL = re.compile(
    r"\s+(?:region|province|state|district|oblast|governorate|county|municipality|township)$", re.IGNORECASE
)
# The occasion between a speaking word and the place, up to 60 characters of one clause: "at a
# military base", "during a visit to the front", "at U.N. headquarters" (a dot inside an
# abbreviation is no sentence end).
_OCCASION = r"(?:[^\n.,;:!?()\"“”]|\.(?=\w)|(?<=\b[A-Z])\.){1,60}?"
# "authorities in Oslo say": the city is the object of a preposition, not the one who speaks.
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|near|from|of|to)\s+$")


def _any(words: Iterable[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


@dataclass(frozen=True)
class _Shapes:
    """The patterns of the shapes that locate nothing, built from places.toml's ``located`` words."""

    topic_after: re.Pattern[str]  # "over the Gaza conflict"
    organisation_after: re.Pattern[str]  # "the United Wa State Army"
    says_after: re.Pattern[str]  # "Ottawa said", "Canberra has warned"
    voice_before: re.Pattern[str]  # "a demand from Canberra", "at the request of Paris and"
    government_in: re.Pattern[str]  # "the regime in Madrid"
    agent_hyphen: re.Pattern[str]  # "a Madrid-brokered deal"
    region_words: frozenset[str]
    whereabouts_before: re.Pattern[str]  # "a press conference in", "told reporters in"
    caption_line: re.Pattern[str]  # "(AP Photo/", "are seen"
    venue_heads: frozenset[str]  # "hotel", "hospital"
    topic_before: re.Pattern[str]  # "inaction over", "talks about the future of"
    war_before: re.Pattern[str]  # "Israel's war on Hamas in", "the truce in the"
    office_before: re.Pattern[str]  # "governor of the", "the leader of Russia's"
    journey_before: re.Pattern[str]  # "returned to", "will be transported to"
    origin_before: re.Pattern[str]  # "armed factions from", "the defenders of"


@lru_cache(maxsize=1)
def _shapes() -> _Shapes:
    from parley.rules import load_rules

    w = load_rules()["places.toml"]["located"]
    return _Shapes(
        topic_after=re.compile(rf"^\s+{_any(w['topic_nouns'])}\b"),
        organisation_after=re.compile(rf"^\s+{_any(w['organisation_heads'])}\b"),
        says_after=re.compile(
            r"^(?:'s? government)?\s+(?:has |have |had |also |then |later |quickly )?"
            rf"{_any(w['says_verbs'])}\b"
        ),
        voice_before=re.compile(
            rf"\b{_any(w['voice_nouns'])}\s+(?:of|from)\s+(?:[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?\s+and\s+)?$"
        ),
        government_in=re.compile(rf"\b{_any(w['government_nouns'])}\s+in\s+$"),
        agent_hyphen=re.compile(rf"^-{_any(w['agent_participles'])}\b"),
        region_words=frozenset(x.lower() for x in w["region_words"]),
        whereabouts_before=re.compile(
            rf"(?:\b{_any(w['briefing_nouns'])}s?(?:\s+held)?(?:\s+(?:at|during)\s+{_OCCASION})?"
            rf"|\b{_any(w['audience_verbs'])}\s+{_any(w['audience_nouns'])}"
            rf"|\b{_any(w['speaking_verbs'])}(?:\s+(?:at|during|to)\s+{_OCCASION})?)"
            r"(?:\s+(?:on|late|early|last)\s+\w+)?\s+(?:in|at|from)\s+(?:the\s+)?"
            r"(?:(?:[a-z]+\s+)?(?:city|town|port)\s+of\s+)?$",
            re.IGNORECASE,
        ),
        caption_line=re.compile(_any(w["caption_marks"]), re.IGNORECASE),
        venue_heads=frozenset(x.lower() for x in w["venue_heads"]),
        topic_before=re.compile(
            rf"\b{_any(w['stance_nouns'])}\s+(?:over|about|regarding|concerning)\s+(?:the\s+)?$",
            re.IGNORECASE,
        ),
        office_before=re.compile(
            rf"\b{_any(w['office_nouns'])}\s+of\s+(?:the\s+|[A-Z][\w-]*['’]s\s+)?$", re.IGNORECASE
        ),
        journey_before=re.compile(
            rf"\b{_any(w['journey_verbs'])}\s+(?:home\s+|back\s+)?(?:to|from)\s+(?:the\s+)?$", re.IGNORECASE
        ),
        origin_before=re.compile(rf"\b{_any(w['origin_nouns'])}\s+(?:from|of)\s+(?:the\s+)?$", re.I),
        war_before=re.compile(
            rf"\b{_any(w['war_nouns'])}(?:\s+(?:on|against|with)\s+[A-Z][\w'’-]*)?\s+(?:in|on|against)\s+(?:the\s+)?$"
        ),
    )


def located_places(
    places: Iterable[PlaceRef], mentions: Sequence[Any], text: str, used: set[Any]
) -> tuple[PlaceRef, ...]:
    """Return the places that a record uses or that some mention locates something in, in order."""
    spans = sorted((m for m in mentions if m.kind == "place" and m.place is not None), key=lambda m: m.start)
    kept: list[PlaceRef] = []
    for place in places:
        own = [i for i, m in enumerate(spans) if m.place.ref == place.ref]
        if own and all(_names_no_location(spans[i], text) for i in own):
            continue  # every mention is a government, a war or a group: a record placed there is wrong too
        if place.ref in used or not own or not all(_unlocating(spans, i, text) for i in own):
            kept.append(place)
    return tuple(_once_each(kept, used))


def _unlocating(spans: Sequence[Any], i: int, text: str) -> bool:
    m = spans[i]
    return (
        _venue(m)
        or _dateline_or_credit(m, text)
        or _government(m, text)
        or _whereabouts_or_reference(m, text)
        or _caption(m, text)
    )


def _venue(m: Any) -> bool:
    """Whether the mention is a building the gazetteer lacks ("Nasser Hospital", "the Grand Hotel"):
    the conventions code a venue as its town, which the text names elsewhere."""
    words = m.text.split()
    return m.place.method == "unresolved" and len(words) > 1 and words[-1].lower() in _shapes().venue_heads


def _names_no_location(m: Any, text: str) -> bool:
    """Whether the mention is no place of the list, whatever record uses it: a city standing for
    its government ("a Washington-mediated truce"), a name inside a war's or a group's name, the
    topic of a dispute ("inaction over Gaza"), a war or truce named by its place ("the truce in
    Gaza"), or a venue, which the conventions code as its town."""
    shapes = _shapes()
    after = text[m.end : m.end + 20]
    return bool(
        _venue(m)
        or _government(m, text)
        or shapes.topic_before.search(text[max(0, m.start - 60) : m.start])
        or shapes.war_before.search(text[max(0, m.start - 60) : m.start])
        or (_another_name(m) and _whereabouts_or_reference(m, text))
        or shapes.topic_after.match(after)
        or shapes.organisation_after.match(after)
    )


def _another_name(m: Any) -> bool:
    """Whether the mention reaches its place through another name ("told reporters at the White
    House" for Washington): where a speaker stood is no place of the story (FORMAT.md), and no
    record placed there through that building is right either."""
    return fold(m.place.name) not in fold(m.text)


def _whereabouts_or_reference(m: Any, text: str) -> bool:
    before = text[max(0, m.start - 80) : m.start]
    return bool(
        _shapes().whereabouts_before.search(before)
        or _DISTANCE_FROM.search(before)
        or _BORDER_WITH.search(before)
        or _shapes().office_before.search(before)
        or _shapes().journey_before.search(before)
        or _shapes().origin_before.search(before)
    )


def _caption(m: Any, text: str) -> bool:
    start, end = _line(m, text)
    line = text[start:end]
    return end - start <= _CAPTION_MAX and bool(
        _shapes().caption_line.search(line) or _DATED_LINE.search(line)
    )


def _name_key(name: str) -> str:
    """Return a place name without its region word, folded to letters and digits ("ryazan")."""
    return re.sub(r"[^0-9a-z]", "", fold(_REGION_TAIL.sub("", name.strip())))


def _once_each(places: Sequence[PlaceRef], used: set[Any]) -> list[PlaceRef]:
    """Drop a place the gazetteer lacks when the list already has it under the same name, with or
    without a region word ("Oddar Meanchey province" and "Oddar Meanchey" are one place)."""
    seen: set[str] = set()
    out: list[PlaceRef] = []
    for p in places:
        key = _name_key(p.name)
        if p.method == "unresolved" and key in seen and p.ref not in used:
            continue
        seen.add(key)
        out.append(p)
    return out


def _line(m: Any, text: str) -> tuple[int, int]:
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    return start, len(text) if end < 0 else end


def _dateline_or_credit(m: Any, text: str) -> bool:
    start, _ = _line(m, text)
    if in_dateline(text, m.start, m.end):
        return True
    shapes = _shapes()
    if _CAPTION_AFTER.match(text[m.end : m.end + 80]) or shapes.topic_after.match(text[m.end : m.end + 20]):
        return True
    if shapes.organisation_after.match(text[m.end : m.end + 20]):
        return True
    return bool(_CREDIT.search(text[max(start, m.start - 90) : m.start]))


def _government(m: Any, text: str) -> bool:
    if m.place.feature and not m.place.feature.startswith("P."):
        return False
    before, after = text[max(0, m.start - 60) : m.start], text[m.end : m.end + 60]
    shapes = _shapes()
    return bool(
        (shapes.says_after.match(after) and not _PREPOSITION_BEFORE.search(before))
        or shapes.voice_before.search(before)
        or shapes.government_in.search(before)
        or shapes.agent_hyphen.match(after)
    )


__all__ = ["located_places"]
