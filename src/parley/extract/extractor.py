"""Extraction of one article: a pure function of (document, knowledge base, rules, settings).

``Extractor`` holds what extraction reads besides the article — the spaCy pipeline, the actor
registry and gazetteer, the checked rules — loaded once (the models lazily), and a list of
components over one :class:`~parley.extract.context.ArticleContext`:

    analyse ─► dates ─► quotes ─► events ─► claims ─► positions
    (parse,             (with      (dated,    (status    (clauses and
     mentions)           speakers)  merged)    settled)   quotes)

Each declares what it requires and assigns; the list is checked when the extractor is set up.
``extract_document`` returns an :class:`~parley.model.Extraction` whose evidence offsets point
into the raw text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from parley.analyse import doc_views
from parley.analyse.doc_views import sentence_text, sentences
from parley.analyse.participants import merge_actors, participants
from parley.config import Settings
from parley.extract.claims import CLAIMS
from parley.extract.context import (
    STAGE,
    VERSION,
    ArticleContext,
    Component,
    Resources,
    check_components,
    run_components,
)
from parley.extract.datelines import dateline_spans
from parley.extract.event_records import EVENTS, sentence_index
from parley.extract.events import MentionIndex
from parley.extract.positions import POSITIONS
from parley.model import (
    ActorRef,
    ArticleMeta,
    Claim,
    Document,
    Event,
    Extraction,
    PlaceRef,
    Position,
    Quote,
    RawArticle,
)
from parley.rules import Rules, load_rules

if TYPE_CHECKING:
    from parley.analyse.matcher import MentionFinder
    from parley.kb.actors import ActorRegistry
    from parley.kb.gazetteer import Gazetteer

# A first line shorter than this, without final punctuation, is a headline: no records from it.
HEADLINE_MAX = 200


def _headline_end(text: str) -> int:
    first, sep, rest = text.partition("\n")
    # a headline has no sentence-final stop, though it may end inside a quotation ('…a "Provocation"')
    ending = first.rstrip().rstrip("\"'”’»")
    if sep and rest.strip() and len(first) < HEADLINE_MAX and not ending.endswith((".", "?", "!")):
        return len(first)
    return 0


# -- the components before events ------------------------------------------------------------------


def analyse(ctx: ArticleContext) -> None:
    """Assign the headline's end, the parse and the body's mentions (no headline, no dateline)."""
    text = ctx.text
    head = ctx.head = _headline_end(text)
    doc = ctx.doc = ctx.doc if ctx.doc is not None else ctx.resources.nlp(text)  # parsed ahead in a batch
    doc_views.remember_text(doc, text)
    mentions = ctx.resources.finder.find(doc, published=ctx.published)
    datelines = dateline_spans(text)  # they locate the reporter, not the story (FORMAT.md)
    ctx.mentions = [
        m for m in mentions if m.start >= head and not any(a <= m.start < b for a, b in datelines)
    ]
    ctx.index = MentionIndex(ctx.mentions)
    body = [(s, sentence_text(s)) for s in sentences(doc) if s.end_char > head]
    ctx.sents = [s for s, t in body if t.strip()]
    ctx.sentences = [(s.start_char, s.end_char, t) for s, t in body if t.strip()]


def find_article_dates(ctx: ArticleContext) -> None:
    """Assign the body's temporal expressions, resolved against the publication date."""
    from parley.extract.dates import find_dates

    head = ctx.need("head")
    ctx.dates = [d for d in find_dates(ctx.text, ctx.published, rules=ctx.resources.rules) if d.start >= head]


def find_article_quotes(ctx: ArticleContext) -> None:
    """Assign the quotes with their speakers, and who speaks in each sentence.

    A sentence's speakers are its quotes' speakers, then its first named actor (a denial in
    "Ukraine's General Staff denied it" is Ukraine's, though nothing is quoted).
    """
    from parley.extract.quotes import find_quotes
    from parley.extract.speakers_learned import rerank_speakers

    doc, sents, index = ctx.need("doc"), ctx.need("sents"), ctx.need("index")
    qspans = ctx.qspans = find_quotes(
        doc,
        ctx.need("mentions"),
        headline_end=ctx.head or 0,
        rules=ctx.resources.rules,
        registry=ctx.resources.registry,
    )
    raw = ctx.document.article.text
    quotes: list[Quote] = []
    speakers: dict[int, list[ActorRef]] = {}
    # the learned ranker names the speaker of a quote the rules leave without one, in the quote
    # record only: claims and positions read the rules' speakers (ctx.qspans)
    for q, ranked in zip(qspans, rerank_speakers(ctx, qspans), strict=True):
        rs, re_ = ctx.document.offsets.span_to_raw(q.start, q.end)
        evidence = ctx.evidence(q.start, q.end, q.sentence_start, q.sentence_end)
        quotes.append(
            Quote(
                text=raw[rs:re_],
                start=rs,
                end=re_,
                direct=q.direct,
                cue=q.cue,
                speaker=ranked.speaker,
                evidence=evidence,
            )
        )
        held_by = sentence_index(sents, q.start) if q.speaker is not None else None
        if q.speaker is not None and held_by is not None:
            speakers.setdefault(held_by, []).append(q.speaker)
    for i, s in enumerate(sents):
        first = next((m.actor for m in index.in_span(s.start_char, s.end_char, "actor") if m.actor), None)
        if first is not None and first not in speakers.get(i, []):
            speakers.setdefault(i, []).append(first)
    ctx.quotes = quotes
    ctx.speakers_by_sentence = speakers


ANALYSE = Component(
    "analyse", requires=(), assigns=("head", "doc", "mentions", "index", "sents", "sentences"), run=analyse
)
DATES = Component("dates", requires=("head",), assigns=("dates",), run=find_article_dates)
QUOTES = Component(
    "quotes",
    requires=("doc", "mentions", "index", "sents", "head"),
    assigns=("qspans", "quotes", "speakers_by_sentence"),
    run=find_article_quotes,
)
# The shipped extraction, in order.
COMPONENTS: tuple[Component, ...] = (ANALYSE, DATES, QUOTES, EVENTS, CLAIMS, POSITIONS)


class Extractor:
    """Loads models once; extracts records from documents.

    The knowledge base (``registry``, ``gazetteer``) and the ``rules`` may be passed in; by
    default the shipped ones are used (the rules folder of ``settings.rules`` when set).
    """

    version = VERSION

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        rules: Rules | None = None,
        registry: ActorRegistry | None = None,
        gazetteer: Gazetteer | None = None,
        components: Sequence[Component] = COMPONENTS,
    ) -> None:
        self.settings = settings or Settings()
        self.rules = rules or load_rules(self.settings.rules or None)
        check_components(components)
        self.components = tuple(components)
        self._registry = registry
        self._gazetteer = gazetteer
        self._nlp: Any = None
        self._finder: MentionFinder | None = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from parley.analyse.nlp import load_nlp

            self._nlp = load_nlp(self.settings.spacy_model)
        return self._nlp

    @property
    def registry(self) -> ActorRegistry:
        if self._registry is None:
            from parley.kb.actors import default_registry

            self._registry = default_registry()
        return self._registry

    @property
    def finder(self) -> MentionFinder:
        if self._finder is None:
            from parley.analyse.matcher import MentionFinder
            from parley.kb.gazetteer import Gazetteer

            gazetteer = self._gazetteer or Gazetteer.open(self.settings)
            self._finder = MentionFinder(self.registry, gazetteer)
        return self._finder

    def resources(self) -> Resources:
        """Return what extraction reads besides the article (loading the models on first use)."""
        return Resources(nlp=self.nlp, finder=self.finder, registry=self.registry, rules=self.rules)

    def extract_text(self, text: str, *, published: date, doc_id: str = "doc") -> Extraction:
        """Return the extraction of a plain text (cleaned first)."""
        from parley.clean import clean

        raw = RawArticle(source=doc_id, kind="text", text=text, meta=ArticleMeta(published=published))
        cleaned = clean(raw)
        if not isinstance(cleaned, Document):
            return Extraction(doc_id=doc_id, published=published, version=VERSION)
        return self.extract_document(cleaned, doc_id=doc_id)

    def extract_document(self, document: Document, *, doc_id: str, parsed: Any = None) -> Extraction:
        """Return every record of one cleaned article, with evidence in raw-text offsets.

        ``parsed``: spaCy's parse of ``document.text`` when the caller has it already (see
        :meth:`extract_documents`); None parses it here.
        """
        if not document.text.strip():
            return Extraction(doc_id=doc_id, published=document.published, version=VERSION)
        published = document.published or date.today()
        ctx = ArticleContext(document, doc_id, document.text, published, self.resources())
        ctx.doc = parsed
        run_components(self.components, ctx)
        return _extraction(ctx)

    def extract_documents(self, documents: Sequence[tuple[Document, str]]) -> list[Extraction]:
        """Return the extraction of each (document, doc_id), in order.

        spaCy parses the texts together with ``nlp.pipe``, which costs less CPU than one call per
        text and gives the same parse (the same model on the same text), so each extraction equals
        :meth:`extract_document`'s.
        """
        parses = self.parse_documents([d for d, _ in documents])
        return [
            self.extract_document(d, doc_id=i, parsed=p) for (d, i), p in zip(documents, parses, strict=True)
        ]

    def parse_documents(self, documents: Sequence[Document]) -> list[Any | None]:
        """Return spaCy's parse of each document's text, parsed together with ``nlp.pipe``, in
        order; None for an empty text (which :meth:`extract_document` handles without a parse)."""
        texts = [d.text for d in documents if d.text.strip()]
        parses = iter(self.nlp.pipe(texts)) if texts else iter(())
        return [next(parses) if d.text.strip() else None for d in documents]


def _extraction(ctx: ArticleContext) -> Extraction:
    events, quotes = ctx.events or [], ctx.quotes or []
    claims, positions = ctx.claims or [], ctx.positions or []
    return Extraction(
        doc_id=ctx.doc_id,
        published=ctx.document.published,
        events=tuple(events),
        quotes=tuple(quotes),
        claims=tuple(claims),
        positions=tuple(positions),
        actors=merge_actors(
            _actors(events, quotes, claims, positions),
            participants(ctx.doc, ctx.mentions or [], ctx.published),
        ),
        places=_places(events, claims, ctx.mentions or [], ctx.text),
        version=VERSION,
    )


def _actors(
    events: list[Event], quotes: list[Quote], claims: list[Claim], positions: list[Position]
) -> tuple[ActorRef, ...]:
    """Return every party the records name, once each, in order of first record."""
    seen: dict[str, ActorRef] = {}
    refs: list[ActorRef] = []
    for e in events:
        refs.extend(e.actors)
    refs.extend(q.speaker for q in quotes if q.speaker)
    for c in claims:
        refs.append(c.claimant)
        refs.extend(c.disputed_by)
    refs.extend(p.party for p in positions)
    for a in refs:
        seen.setdefault(a.ref, a)
    return tuple(seen.values())


def _places(
    events: list[Event], claims: list[Claim], mentions: list[Any], text: str = ""
) -> tuple[PlaceRef, ...]:
    """Return every place the records name, and the mentioned places that locate something, once each."""
    from parley.extract.places_located import located_places

    seen: dict[Any, PlaceRef] = {}
    used = [e.place for e in events] + [c.place for c in claims]
    for p in used + [m.place for m in mentions]:
        if p is not None:
            seen.setdefault(p.ref, p)
    if not text:
        return tuple(seen.values())
    return located_places(seen.values(), mentions, text, {p.ref for p in used if p is not None})


def extract(
    text: str, *, published: date, doc_id: str = "doc", settings: Settings | None = None
) -> Extraction:
    """Return the records of one article text (the Python API; loads models on first use)."""
    return _default_extractor(settings).extract_text(text, published=published, doc_id=doc_id)


_EXTRACTORS: dict[Settings, Extractor] = {}


def _default_extractor(settings: Settings | None) -> Extractor:
    key = settings or Settings()
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(key)
    return _EXTRACTORS[key]


__all__ = ["COMPONENTS", "STAGE", "VERSION", "Extractor", "extract"]
