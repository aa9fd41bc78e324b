"""Converts three public evaluation sets into the shared evaluation format, for local runs only.

    .venv/bin/python bench/public_sets.py prepare [--only NAME] [--src DIR] [--out DIR] [--limit N]
    .venv/bin/python bench/public_sets.py selfcheck [--only NAME] [--out DIR]

The sets test parts of Parley that the hand-written dev set covers thinly: GeoWebNews and WikToR
(toponym resolution: `places`) and PolNeAR (news attribution: `quotes`). Their raw files are fetched
by hand into eval/public/raw/NAME/ (see bench/PUBLIC_SETS.md); this script writes
eval/public/NAME/X.txt + X.gold.json and eval/public/NAME/CATEGORIES, the score.py categories the
set annotates. All of eval/public/ is git-ignored: the texts stay on this machine. `selfcheck`
scores each prepared set against itself with ../shared/eval/score.py (the gold records copied as
X.json predictions) and fails unless every category in CATEGORIES scores 1.0.

Each set is cut to at most --limit documents (200 by default), taken in the order of a hash of the
document id so that the choice is deterministic but not biased to one publisher or one name. An
article that ../shared/eval/private_check.py calls private is skipped, so that none of the project's
private evaluation articles ends up in a public set.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = ROOT / "eval" / "public"
RAW = PUBLIC / "raw"
PRIVATE_CHECK = ROOT.parent / "shared" / "eval" / "private_check.py"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
LIMIT = 200
# GeoWebNews and WikToR carry no publication date; only places are scored on them, so a fixed
# placeholder is enough (FORMAT.md requires the field).
PLACEHOLDER_DATE = "2000-01-01"


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, as the name_key of each word reads."""
    return frozenset(words.split())


QUOTE_MARKS = "\"'“”‘’«»„‟‹›`"
TRAILING_PUNCT = ".,;:!?…—–-"
PRONOUNS = word_set(
    "i me my we us our you your he him his she her they them their it its one who whom which that"
)
PERSONAL = word_set("i me my he him his she her hers who whom")
NER_KINDS = {"PERSON": "person", "ORGANIZATION": "organization", "LOCATION": "state"}
# Words before or after a person's name that are not the name ('Mr.', 'Sen.', 'Jr.'), as name_key gives them.
TITLES = word_set(
    "mr mrs ms miss dr president sen senator rep gov governor rev reverend secretary "
    "speaker gen judge justice mayor former vice chairman chairwoman attorney general "
    "candidate nominee"
)
SUFFIXES = word_set("jr sr ii iii iv")


class MissingRaw(Exception):
    """The raw files of a set are not on this machine (they are fetched by hand)."""


@dataclass
class Doc:
    """One converted article: its text exactly as given and its gold record."""

    doc_id: str
    text: str
    record: dict[str, Any]
    url: str | None = None


@dataclass
class Candidate:
    """A document that may be converted; `load` reads and parses it only when it is picked."""

    doc_id: str
    load: Callable[[], Doc | None]


@dataclass
class PublicSet:
    """How one public set is found, converted and scored; its raw data is in raw/NAME/."""

    name: str
    categories: str
    candidates: Callable[[Path], list[Candidate]]


# ---------------------------------------------------------------------------------------------
# shared helpers


def empty_record(doc_id: str, published: str) -> dict[str, Any]:
    """A gold record with every top-level list present, so that score.py reads it as-is."""
    return {
        "doc_id": doc_id,
        "published": published,
        "actors": [],
        "places": [],
        "events": [],
        "quotes": [],
        "claims": [],
        "positions": [],
    }


def name_key(name: str) -> str:
    """Case-, accent- and punctuation-blind key, so one actor or place spelt two ways is one entry."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = re.sub(r"[’'`ʹ]", "", folded)
    return re.sub(r"[^0-9a-z]+", " ", folded).strip()


def pick_order(doc_id: str) -> str:
    """Sort key that spreads the picked documents over the set (ids are grouped by publisher or name)."""
    return hashlib.sha1(doc_id.encode("utf-8")).hexdigest()


def text_of(element: ET.Element | None, tag: str) -> str:
    """Text of a child element, '' when it is absent or empty."""
    if element is None:
        return ""
    child = element.find(tag)
    return (child.text or "") if child is not None else ""


def float_or_none(value: str) -> float | None:
    """Coordinates are optional in the raw data; an empty or broken value means 'no coordinates'."""
    try:
        return float(value)
    except ValueError:
        return None


def int_or_none(value: str) -> int | None:
    """GeoNames ids are optional in GeoWebNews."""
    value = value.strip()
    return int(value) if value.isdigit() else None


def load_private_check() -> Any | None:
    """The shared private-article check, or None when ../shared is not beside the repo."""
    if not PRIVATE_CHECK.exists():
        return None
    spec = importlib.util.spec_from_file_location("parley_private_check", PRIVATE_CHECK)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def is_private(doc: Doc, checker: Any | None) -> bool:
    """True when the project keeps this article private (by its URL or by runs of its words)."""
    if checker is None:
        return False
    if doc.url and checker.url_is_private(doc.url):
        return True
    return bool(checker.text_is_private(doc.text))


# ---------------------------------------------------------------------------------------------
# places (GeoWebNews, WikToR)


@dataclass
class PlaceMention:
    """One resolved toponym as annotated: the words in the text and where the annotator put it."""

    written: str
    start: int
    lat: float
    lon: float
    geonameid: int | None = None
    other_names: list[str] = field(default_factory=list)


def place_key(m: PlaceMention) -> tuple[Any, ...]:
    """Mentions of one place: the same GeoNames id, else the same point and the same name."""
    if m.geonameid is not None:
        return ("id", m.geonameid)
    return ("point", round(m.lat, 4), round(m.lon, 4), name_key(m.written))


def group_places(mentions: Iterable[PlaceMention]) -> list[dict[str, Any]]:
    """One gold place per distinct place, named as first written, with every spelling in `names`.

    score.py matches places one to one, so a place mentioned five times must be one gold entry.
    """
    places: dict[tuple[Any, ...], dict[str, Any]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        place = places.setdefault(
            place_key(m),
            {"geonameid": m.geonameid, "name": m.written, "names": [], "lat": m.lat, "lon": m.lon},
        )
        for name in [m.written, *m.other_names]:
            if name and name not in place["names"]:
                place["names"].append(name)
    return list(places.values())


def gwn_mention(toponym: ET.Element) -> PlaceMention | None:
    """A GeoWebNews toponym with coordinates, else None (expressions and non-toponyms have none)."""
    lat = float_or_none(text_of(toponym, "latitude"))
    lon = float_or_none(text_of(toponym, "longitude"))
    written = text_of(toponym, "extractedName").strip()
    if lat is None or lon is None or not written:
        return None
    normalised = text_of(toponym, "normalisedName").strip()
    return PlaceMention(
        written=written,
        start=int(text_of(toponym, "start") or 0),
        lat=lat,
        lon=lon,
        geonameid=int_or_none(text_of(toponym, "geonamesID")),
        other_names=[normalised] if normalised else [],
    )


def gwn_doc(article: ET.Element) -> Doc | None:
    """One GeoWebNews article: the <text> as given and its resolved toponyms as places."""
    doc_id = f"gwn-{article.get('file', '')}"
    text = text_of(article, "text")
    mentions = [m for t in article.iter("toponym") if (m := gwn_mention(t)) is not None]
    if not text.strip() or not mentions:
        return None
    record = empty_record(doc_id, PLACEHOLDER_DATE)
    record["places"] = group_places(mentions)
    return Doc(doc_id, text, record, url=text_of(article, "link").strip() or None)


def gwn_candidates(raw: Path) -> list[Candidate]:
    """GeoWebNews ships as one XML file of 200 articles (data/GWN.xml in its repository)."""
    path = raw / "GWN.xml"
    if not path.exists():
        raise MissingRaw(path)
    articles = ET.parse(path).getroot().iter("article")
    return [Candidate(f"gwn-{a.get('file', '')}", partial(gwn_doc, a)) for a in articles]


def wiktor_doc(page: ET.Element) -> Doc | None:
    """One WikToR page: a Wikipedia extract whose only annotated toponym is the page's subject.

    WikToR annotates every occurrence of that one name and nothing else, so a system that finds
    the other places in the text is shown spurious places here: read recall, not precision.
    """
    doc_id = f"wiktor-{page.get('number', '')}"
    text = text_of(page, "text")
    name = text_of(page, "toponymName").strip()
    lat = float_or_none(text_of(page, "lat"))
    lon = float_or_none(text_of(page, "lon"))
    starts = [
        int(text_of(t, "start"))
        for t in page.iter("toponym")
        if text[int(text_of(t, "start")) : int(text_of(t, "end"))] == name
    ]
    if not name or lat is None or lon is None or not starts:
        return None
    title = text_of(page, "pageTitle").strip()
    mention = PlaceMention(
        written=name, start=starts[0], lat=lat, lon=lon, other_names=[title] if title else []
    )
    record = empty_record(doc_id, PLACEHOLDER_DATE)
    record["places"] = group_places([mention])
    return Doc(doc_id, text, record, url=text_of(page, "url").strip() or None)


def wiktor_candidates(raw: Path) -> list[Candidate]:
    """WikToR ships as one XML file of 5,000 pages (WikToR(SciPaper).xml), kept as WikToR.xml."""
    path = raw / "WikToR.xml"
    if not path.exists():
        raise MissingRaw(path)
    pages = ET.parse(path).getroot().iter("page")
    return [Candidate(f"wiktor-{p.get('number', '')}", partial(wiktor_doc, p)) for p in pages]


# ---------------------------------------------------------------------------------------------
# quotes (PolNeAR)


@dataclass
class Span:
    """A brat text-bound annotation: its label and its (start, end) fragments."""

    label: str
    fragments: list[tuple[int, int]]


@dataclass
class Attribution:
    """A PolNeAR attribution relation: who (source) is reported (cue) as saying what (content)."""

    source: list[tuple[int, int]]
    content: list[tuple[int, int]]


def parse_fragments(offsets: str) -> list[tuple[int, int]]:
    """brat offsets are 'start end', or 'start end;start end' for a discontinuous span."""
    fragments = []
    for part in offsets.split(";"):
        start, end = part.split()
        fragments.append((int(start), int(end)))
    return fragments


def parse_brat(ann: str) -> list[Attribution]:
    """Attributions with a source and a content from one .ann file.

    Lines that do not start with an id are continuation lines of a span whose text runs over a
    line break; the offsets already say all, so they are skipped. Attributions without a source
    (`Attribution-no-source`) are dropped: a quote needs a speaker.
    """
    spans: dict[str, Span] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if re.fullmatch(r"T\d+", fields[0]):
            label, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = Span(label, parse_fragments(offsets))
        elif re.fullmatch(r"E\d+", fields[0]):
            events.append(dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg))
    out = []
    for roles in events:
        content_ids = [v for k, v in roles.items() if k.startswith("Content")]
        if "Source" not in roles or roles["Source"] not in spans or not content_ids:
            continue
        content = sorted(f for i in content_ids if i in spans for f in spans[i].fragments)
        out.append(Attribution(source=spans[roles["Source"]].fragments, content=content))
    return out


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a content span to the quoted words: no outer space, quote marks or final punctuation."""
    while start < end and (text[start].isspace() or text[start] in QUOTE_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_MARKS + TRAILING_PUNCT):
        end -= 1
    return start, end


def is_direct(text: str, fragments: list[tuple[int, int]]) -> bool:
    """Direct when the content opens with a quote mark and closes with one (before punctuation)."""
    first = text[fragments[0][0] : fragments[0][1]].strip()
    last = text[fragments[-1][0] : fragments[-1][1]].strip().rstrip(TRAILING_PUNCT)
    return first[:1] in QUOTE_MARKS and last[-1:] in QUOTE_MARKS and bool(first) and bool(last)


@dataclass
class Token:
    """A CoreNLP token, only what speaker resolution needs."""

    start: int
    end: int
    pos: str
    ner: str


@dataclass
class CoreNLP:
    """CoreNLP's automatic tokens and coreference chains shipped with PolNeAR (corenlp/X.txt.xml)."""

    tokens: dict[tuple[int, int], Token]
    chains: list[list[tuple[int, int, int, int]]]  # mentions as (sentence, start, end, head), 1-based

    def span(self, sentence: int, start: int, end: int) -> tuple[int, int] | None:
        """Character span of tokens [start, end) of a sentence."""
        first, last = self.tokens.get((sentence, start)), self.tokens.get((sentence, end - 1))
        return (first.start, last.end) if first and last else None


def load_corenlp(path: Path) -> CoreNLP | None:
    """Parse a CoreNLP XML file; None when the file is missing (a few are over the snapshot limit)."""
    if not path.exists():
        return None
    root = ET.parse(path).getroot()
    tokens: dict[tuple[int, int], Token] = {}
    for sentence in root.iter("sentence"):
        if sentence.find("tokens") is None:
            continue
        sid = int(sentence.get("id", "0"))
        for tok in sentence.iter("token"):
            tokens[(sid, int(tok.get("id", "0")))] = Token(
                int(text_of(tok, "CharacterOffsetBegin")),
                int(text_of(tok, "CharacterOffsetEnd")),
                text_of(tok, "POS"),
                text_of(tok, "NER"),
            )
    chains = []
    outer = root.find("document/coreference")
    for chain in outer if outer is not None else []:
        mentions = [
            (
                int(text_of(m, "sentence")),
                int(text_of(m, "start")),
                int(text_of(m, "end")),
                int(text_of(m, "head")),
            )
            for m in chain.iter("mention")
        ]
        chains.append(mentions)
    return CoreNLP(tokens, chains)


def name_at(nlp: CoreNLP, text: str, sentence: int, head: int) -> tuple[str, str] | None:
    """The name a mention's head belongs to, and its kind; None when the head is no proper noun.

    With a NER label on the head the name is the run of tokens with that label ('Bernie Sanders'
    in 'Vermont Sen. Bernie Sanders'), else the run of proper nouns around the head.
    """
    token = nlp.tokens.get((sentence, head))
    if token is None or not token.pos.startswith("NNP"):
        return None

    def same(t: Token | None) -> bool:
        if t is None:
            return False
        return t.ner == token.ner if token.ner in NER_KINDS else t.pos.startswith("NNP")

    lo = hi = head
    while same(nlp.tokens.get((sentence, lo - 1))):
        lo -= 1
    while same(nlp.tokens.get((sentence, hi + 1))):
        hi += 1
    name = text[nlp.tokens[(sentence, lo)].start : nlp.tokens[(sentence, hi)].end]
    if name_key(name) in PRONOUNS:
        return None
    return name, NER_KINDS.get(token.ner, "person")


def source_chain(nlp: CoreNLP, source: tuple[int, int]) -> list[tuple[int, int, int, int]] | None:
    """The chain whose mention fits the source best: the same span, else the shortest mention over it.

    A relative pronoun ('who') is not a mention of its own in CoreNLP; the noun phrase around it
    ('Sanders, who said ...') is, and it is the shortest one that covers the pronoun.
    """
    best: tuple[int, list[tuple[int, int, int, int]]] | None = None
    for chain in nlp.chains:
        for sentence, start, end, _ in chain:
            span = nlp.span(sentence, start, end)
            if span is None or not (span[0] <= source[0] and source[1] <= span[1]):
                continue
            size = 0 if span == source else span[1] - span[0]
            if best is None or size < best[0]:
                best = (size, chain)
    return best[1] if best else None


def resolve_pronoun(nlp: CoreNLP | None, text: str, source: tuple[int, int]) -> tuple[str, str] | None:
    """The named antecedent of a pronoun source, from the CoreNLP chain that holds the source.

    PolNeAR's own annotation does not link sources to antecedents; CoreNLP's (automatic) chains,
    shipped with the data, do. A chain lists its representative mention first, so it is tried first;
    for 'he', 'she' or 'who' only a name CoreNLP does not call an organisation or a place will do
    (its chains now and then take in 'the Washington Post' beside the person who spoke to it).
    """
    if nlp is None:
        return None
    pronoun = name_key(text[source[0] : source[1]])
    for sentence, _, _, head in source_chain(nlp, source) or []:
        named = name_at(nlp, text, sentence, head)
        if named and (pronoun not in PERSONAL or named[1] == "person"):
            return named
    return None


def span_kind(nlp: CoreNLP | None, span: tuple[int, int]) -> str:
    """person, organization or state from CoreNLP's NER over a span; person when it says nothing."""
    if nlp is not None:
        for t in nlp.tokens.values():
            if span[0] <= t.start and t.end <= span[1] and t.ner in NER_KINDS:
                return NER_KINDS[t.ner]
    return "person"


def name_in_source(nlp: CoreNLP | None, text: str, span: tuple[int, int]) -> tuple[str, str] | None:
    """The proper name that heads a descriptive source, and its kind; None when there is none.

    PolNeAR's sources are noun phrases as written ('Clinton campaign manager Robby Mook', 'Jessica
    Ditto, a spokeswoman', 'The state's campaign chairman, Phil Lovas,', 'Sen. David Perdue
    (R-Ga.)'). The phrase is cut at commas and parentheses into its head and appositions; the name
    is the run of tokens CoreNLP tags PERSON or ORGANIZATION that ends the first part ending in one,
    unless a preposition, relative word or conjunction comes before it in that part (the name
    then ends a modifier, 'the complaint to the Board', or a list, 'Obama and Clinton'). A phrase
    none of whose parts ends in a name ('the Trump campaign') has none. Without CoreNLP
    (a few of its files are missing), a first part of two to four capitalised words is the name.
    """
    if nlp is None:
        head = re.split(r"[,(]", text[span[0] : span[1]])[0].strip()
        words = head.split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and name_key(words[0]) not in TITLES:
            return head, "person"
        return None
    toks = sorted(
        ((key, t) for key, t in nlp.tokens.items() if span[0] <= t.start and t.end <= span[1]),
        key=lambda kt: kt[0],
    )
    parts: list[list[tuple[tuple[int, int], Token]]] = [[]]
    for key, t in toks:
        if text[t.start : t.end] in (",", "(", ")", "--", "—"):
            parts.append([])
        else:
            parts[-1].append((key, t))
    for part in parts:
        if not part or part[-1][1].ner not in ("PERSON", "ORGANIZATION"):
            continue
        ner = part[-1][1].ner
        lo = len(part) - 1
        while lo > 0 and part[lo - 1][1].ner == ner and part[lo - 1][0][0] == part[lo][0][0]:
            lo -= 1
        if any(t.pos in ("IN", "TO", "WDT", "WP", "CC") for _, t in part[:lo]):
            continue  # 'the complaint to the Board on X', 'Obama and Clinton': not one name at the head
        name = text[part[lo][1].start : part[-1][1].end]
        if name_key(name) and name_key(name) not in PRONOUNS:
            return name, NER_KINDS[ner]
    return None


def article_person_names(nlp: CoreNLP | None, text: str) -> Counter[str]:
    """Every name of two words or more that CoreNLP tags PERSON in the article, with how often it occurs.

    Without CoreNLP, runs of two or three capitalised words stand in for them."""
    names: Counter[str] = Counter()
    if nlp is None:
        names.update(m.group(0) for m in re.finditer(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\b", text))
        return names
    run: list[Token] = []
    last: tuple[int, int] | None = None
    for key in sorted(nlp.tokens):
        tok = nlp.tokens[key]
        follows = last is not None and key == (last[0], last[1] + 1)
        if tok.ner == "PERSON" and (follows or not run):
            run.append(tok)
        else:
            if len(run) > 1:
                names[text[run[0].start : run[-1].end]] += 1
            run = [tok] if tok.ner == "PERSON" else []
        last = key
    if len(run) > 1:
        names[text[run[0].start : run[-1].end]] += 1
    return names


def speaker_of(attr: Attribution, text: str, nlp: CoreNLP | None) -> tuple[str, str, str]:
    """The speaker's name and kind, and the source as written.

    The name is a pronoun source's named antecedent, else the name heading a descriptive source
    ('Robby Mook' for 'Clinton campaign manager Robby Mook'), else the source text itself.
    """
    source_text = " ".join(text[s:e] for s, e in attr.source).strip()
    span = (attr.source[0][0], attr.source[-1][1])
    if name_key(source_text) in PRONOUNS:
        named = resolve_pronoun(nlp, text, span)
        if named:
            return (*named, source_text)
    named = name_in_source(nlp, text, span)
    if named:
        return (*named, source_text)
    return source_text, span_kind(nlp, span), source_text


def quote_of(attr: Attribution, text: str, speaker: str) -> dict[str, Any] | None:
    """The gold quote of one attribution: the trimmed content span, or None when nothing is left.

    `text` repeats the words of the span: score.py reads a prediction's quotes by their text, so a
    gold record scored as its own prediction (selfcheck) needs it. A content in several fragments
    (brat's discontinuous spans, or PolNeAR's Content2) keeps the outer offsets and joins the
    fragments' words in `text`, since the offsets alone would take in the cue between them.
    """
    fragments = [trim_span(text, s, e) for s, e in attr.content]
    fragments = [(s, e) for s, e in fragments if s < e]
    if not fragments:
        return None
    return {
        "speaker": speaker,
        "text": " ".join(text[s:e] for s, e in fragments),
        "start": fragments[0][0],
        "end": fragments[-1][1],
        "direct": is_direct(text, attr.content),
    }


def bare_name(name: str) -> str:
    """A person's name without titles or suffixes: 'Mr. Trump' -> 'Trump', 'Sen. Ted Cruz' -> 'Ted Cruz'."""
    words = name.split()
    while len(words) > 1 and name_key(words[0]) in TITLES:
        words = words[1:]
    while len(words) > 1 and name_key(words[-1]) in SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def person_keys(
    speakers: list[tuple[str, str]], counts: Counter[str], article_names: Counter[str] | None = None
) -> dict[str, str]:
    """Group key of each speaker name; a lone surname joins the most quoted full name ending in it,
    else the full name ending in it that the article uses most ('Mr. Obama' -> 'Barack Obama')."""
    keys = {}
    for name, kind in speakers:
        bare = bare_name(name) if kind == "person" and name_key(name) not in PRONOUNS else name
        keys[name] = name_key(bare)
    full: dict[str, str] = {}
    for name, _ in sorted(speakers, key=lambda s: -counts[s[0]]):
        words = keys[name].split()
        if len(words) > 1:
            full.setdefault(words[-1], keys[name])
    for name, _ in sorted((article_names or Counter()).items(), key=lambda nc: -nc[1]):
        words = name_key(bare_name(name)).split()
        if len(words) > 1:
            full.setdefault(words[-1], " ".join(words))
    for name, kind in speakers:
        if kind == "person" and len(keys[name].split()) == 1 and keys[name] in full:
            keys[name] = full[keys[name]]
    return keys


def build_actors(
    speakers: list[tuple[str, str]],
    aliases: dict[str, set[str]] | None = None,
    article_names: Counter[str] | None = None,
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """One actor per speaker, and each speaker name mapped to its actor's name.

    score.py resolves a predicted speaker to one gold actor, so a person quoted as 'Donald Trump',
    'Mr. Trump' and 'Trump' in one article must be one actor with all three names, or a system that
    names him once would miss the other quotes. Titled names also list their bare form ('Trump');
    a surname quoted alone lists the article's full name for it, and a name taken from a
    descriptive source lists that source as written (``aliases``).
    """
    counts = Counter(name for name, _ in speakers)
    keys = person_keys(speakers, counts, article_names)
    written = {name_key(bare_name(n)): bare_name(n) for n in (article_names or Counter())}
    groups: dict[str, list[tuple[str, str]]] = {}
    for name, kind in dict.fromkeys(speakers):
        groups.setdefault(keys[name], []).append((name, kind))
    canonical: dict[str, str] = {}
    actors = []
    for key, members in groups.items():
        kind = members[0][1]
        spellings = [(m[0], bare_name(m[0])) if kind == "person" else (m[0],) for m in members]
        names = list(dict.fromkeys(n for pair in spellings for n in pair))
        if kind == "person" and key in written and all(name_key(bare_name(n)) != key for n in names):
            names.append(written[key])  # the article's full name of a surname quoted alone
        best = max(names, key=lambda n: (len(bare_name(n).split()), counts[n], -names.index(n)))
        for m in members:
            names.extend(a for a in sorted((aliases or {}).get(m[0], ())) if a not in names)
        actors.append({"id": None, "name": best, "names": names, "kind": kind})
        canonical.update({m[0]: best for m in members})
    return canonical, actors


def polnear_doc(raw: Path, article: str, ann_path: Path, published: str) -> Doc | None:
    """One PolNeAR article with its attributions (one annotator's) as quotes and speakers as actors."""
    text = (raw / "text" / f"{article}.txt").read_text(encoding="utf-8")
    attributions = parse_brat(ann_path.read_text(encoding="utf-8"))
    nlp = load_corenlp(raw / "corenlp" / f"{article}.txt.xml")
    quoted = []
    aliases: dict[str, set[str]] = {}
    for attr in attributions:
        name, kind, written = speaker_of(attr, text, nlp)
        quote = quote_of(attr, text, name) if name_key(name) else None
        if quote is not None:
            quoted.append((quote, (name, kind)))
            if written != name and name_key(written) not in PRONOUNS:
                aliases.setdefault(name, set()).add(written)
    if not quoted:
        return None
    speakers = [speaker for _, speaker in quoted]
    canonical, actors = build_actors(speakers, aliases, article_person_names(nlp, text))
    record = empty_record(article, published)
    record["quotes"] = sorted(
        ({**q, "speaker": canonical[q["speaker"]]} for q, _ in quoted), key=lambda q: q["start"]
    )
    record["actors"] = actors
    return Doc(article, text, record)


def read_metadata(path: Path) -> dict[str, dict[str, str]]:
    """metadata.tsv rows by article file name (it gives the publication date)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = (dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:] if line.strip())
    return {row["filename"]: row for row in rows}


def annotations_by_article(folder: Path) -> dict[str, Path]:
    """One .ann per article: files are ARTICLE_ANNOTATOR.ann, and articles annotated by several
    annotators (agreement checks) keep the annotator id that sorts first."""
    chosen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.ann")):
        article = path.stem.rsplit("_", 1)[0]
        chosen.setdefault(article, path)
    return chosen


def polnear_candidates(raw: Path) -> list[Candidate]:
    """A PolNeAR split folder: text/, attributions/, corenlp/ and its rows of metadata.tsv."""
    if not (raw / "attributions").is_dir() or not (raw / "text").is_dir():
        raise MissingRaw(raw / "attributions")
    if raw.name.split("-")[-1] == "test":
        raise SystemExit(f"{raw}: PolNeAR's test split is private and is never converted")
    metadata = read_metadata(raw / "metadata.tsv") if (raw / "metadata.tsv").exists() else {}
    out = []
    for article, ann in annotations_by_article(raw / "attributions").items():
        published = metadata.get(article, {}).get("publication_date") or article.split("_")[1]
        out.append(Candidate(article, partial(polnear_doc, raw, article, ann, published)))
    return out


# ---------------------------------------------------------------------------------------------
# writing


SETS = {
    s.name: s
    for s in (
        PublicSet("geowebnews", "places", gwn_candidates),
        PublicSet("wiktor", "places", wiktor_candidates),
        PublicSet("polnear-train", "quotes quotes+speaker", polnear_candidates),
        PublicSet("polnear-dev", "quotes quotes+speaker", polnear_candidates),
    )
}


def pick(candidates: list[Candidate], limit: int, checker: Any | None) -> tuple[list[Doc], int]:
    """Up to `limit` documents in hash order, skipping empty and private ones; returns (docs, private)."""
    docs: list[Doc] = []
    private = 0
    for cand in sorted(candidates, key=lambda c: pick_order(c.doc_id)):
        if len(docs) >= limit:
            break
        doc = cand.load()
        if doc is None:
            continue
        if is_private(doc, checker):
            private += 1
            continue
        docs.append(doc)
    return sorted(docs, key=lambda d: d.doc_id), private


def clear_output(folder: Path) -> None:
    """Remove what an earlier run wrote, so that a smaller --limit leaves no stale documents."""
    for path in [*folder.glob("*.txt"), *folder.glob("*.gold.json"), folder / "CATEGORIES"]:
        if path.is_file():
            path.unlink()


def write_set(folder: Path, docs: list[Doc], categories: str) -> None:
    """X.txt exactly as the offsets count it, X.gold.json, and the CATEGORIES the set annotates."""
    folder.mkdir(parents=True, exist_ok=True)
    clear_output(folder)
    for doc in docs:
        (folder / f"{doc.doc_id}.txt").write_text(doc.text, encoding="utf-8", newline="")
        gold = json.dumps(doc.record, ensure_ascii=False, indent=1)
        (folder / f"{doc.doc_id}.gold.json").write_text(gold + "\n", encoding="utf-8")
    (folder / "CATEGORIES").write_text(categories + "\n", encoding="utf-8")


def summary(docs: list[Doc]) -> str:
    """Counts for the one line printed per set."""
    places = sum(len(d.record["places"]) for d in docs)
    quotes = sum(len(d.record["quotes"]) for d in docs)
    parts = [f"{len(docs)} documents"]
    parts += [f"{places} places"] if places else []
    parts += [f"{quotes} quotes"] if quotes else []
    return ", ".join(parts)


def prepare(names: list[str], src: Path, out: Path, limit: int) -> int:
    """Convert each named set whose raw data is present; say so and go on when it is not.

    Returns how many sets were converted."""
    checker = load_private_check()
    if checker is None:
        print(f"note: {PRIVATE_CHECK} not found; documents are not checked against the private list")
    converted = 0
    for name in names:
        spec = SETS[name]
        raw = src / spec.name
        try:
            candidates = spec.candidates(raw)
        except MissingRaw as missing:
            print(f"{name}: raw data missing ({missing}); skipped - see bench/PUBLIC_SETS.md to fetch it")
            continue
        docs, private = pick(candidates, limit, checker)
        write_set(out / name, docs, spec.categories)
        skipped = f"; {private} private skipped" if private else ""
        print(f"{name}: {summary(docs)} of {len(candidates)}{skipped} -> {out / name}")
        converted += 1
    return converted


def self_score(folder: Path) -> dict[str, Any]:
    """score.py's totals for a set scored against itself.

    score.py reads predictions as X.json and quotes by their text, so the gold records are copied
    as X.json into a temporary folder rather than written beside the gold.
    """
    with tempfile.TemporaryDirectory() as tmp:
        for gold in folder.glob("*.gold.json"):
            (Path(tmp) / f"{gold.name[: -len('.gold.json')]}.json").write_bytes(gold.read_bytes())
        run = subprocess.run(
            [
                sys.executable,
                str(SCORER),
                "--gold",
                str(folder),
                "--pred",
                tmp,
                "--texts",
                str(folder),
                "--json",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    result: dict[str, Any] = json.loads(run.stdout)
    return result


def selfcheck(names: list[str], out: Path) -> bool:
    """True when every prepared set scores 1.0 against itself on the categories it annotates."""
    ok = True
    for name in names:
        categories = out / name / "CATEGORIES"
        if not categories.exists():
            print(f"{name}: not prepared ({out / name}); skipped")
            continue
        result = self_score(out / name)
        f1 = {c: result[c]["f1"] for c in categories.read_text(encoding="utf-8").split()}
        good = all(v == 1.0 for v in f1.values())
        ok = ok and good
        scores = ", ".join(f"{c} F1 {v:.3f}" for c, v in f1.items())
        print(f"{name}: {result['documents']} documents, {scores}: {'ok' if good else 'FAILED'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    """Command line: `prepare` converts, `selfcheck` verifies what was converted."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    prep = sub.add_parser("prepare", help="convert the raw sets under --src into --out")
    prep.add_argument("--only", choices=sorted(SETS), help="convert this set alone")
    prep.add_argument("--src", type=Path, default=RAW, help="folder of NAME/ raw data (default: %(default)s)")
    prep.add_argument("--out", type=Path, default=PUBLIC, help="where NAME/ goes (default: %(default)s)")
    prep.add_argument("--limit", type=int, default=LIMIT, help="documents per set (default: %(default)s)")
    check = sub.add_parser("selfcheck", help="score each prepared set against itself")
    check.add_argument("--only", choices=sorted(SETS), help="check this set alone")
    check.add_argument("--out", type=Path, default=PUBLIC, help="folder holding NAME/ (default: %(default)s)")
    args = ap.parse_args(argv)
    names = [args.only] if args.only else list(SETS)
    if args.command == "selfcheck":
        return 0 if selfcheck(names, args.out) else 1
    prepare(names, args.src, args.out, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
