"""Composes the stages: ingest → (exact dedup) → clean → (near dedup) → extract → store.

Reading, processing and storing stay separate: extraction (``Extractor.extract_document``) is a
pure function of (cleaned article, knowledge base, settings), so a distributed engine can run it
on many workers and load the results later; only the duplicate checks here read the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from parley.clean import clean
from parley.config import Settings
from parley.errors import AlreadyStored, ParleyError
from parley.model import Document, Extraction, Failure, RawArticle, Skip

if TYPE_CHECKING:
    from parley.dedup import MinHash
    from parley.extract.extractor import Extractor
    from parley.store import Store

OUTCOMES = ("stored", "unchanged", "duplicate", "near_duplicate", "skipped", "failed")


@dataclass
class IngestReport:
    """Counts of what an ingest did, and one line per input that failed or was skipped."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    messages: list[str] = field(default_factory=list)

    def add(self, outcome: str, message: str | None = None) -> None:
        self.counts[outcome] += 1
        if message:
            self.messages.append(message)

    @property
    def failed(self) -> int:
        return self.counts["failed"]


def ingest(
    specs: Iterable[str],
    store: Store,
    settings: Settings,
    *,
    published: date | None = None,
    fmt: str | None = None,
    outlet: str | None = None,
    extractor: Extractor | None = None,
    on_item: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Ingest every input into the store; return what happened to each.

    ``extractor`` None stores articles without extracting records. ``on_item(outcome, source)``
    is called after each article (for progress display).
    """
    from parley.ingest import read_inputs

    pairs = (
        (spec, item)
        for spec in specs
        for item in read_inputs([spec], settings, published=published, fmt=fmt, outlet=outlet)
    )
    return _ingest_pairs(pairs, store, settings, extractor, IngestReport(), on_item)


def ingest_items(
    items: Iterable[RawArticle | Failure],
    spec: str,
    store: Store,
    settings: Settings,
    *,
    extractor: Extractor | None = None,
    report: IngestReport | None = None,
    on_item: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Store articles already read (``spec`` names where they came from); return the report.

    A failure is recorded and counted, and the next article goes on, whatever went wrong.
    """
    report = report if report is not None else IngestReport()
    return _ingest_pairs(((spec, item) for item in items), store, settings, extractor, report, on_item)


def _ingest_pairs(
    pairs: Iterable[tuple[str, RawArticle | Failure]],
    store: Store,
    settings: Settings,
    extractor: Extractor | None,
    report: IngestReport,
    on_item: Callable[[str, str], None] | None,
) -> IngestReport:
    """Store each (spec, article read from it) in order; return the report."""

    def done(outcome: str, source: str, message: str | None = None) -> None:
        report.add(outcome, message)
        if on_item:
            on_item(outcome, source)

    for spec, item, ready in _parsed_ahead(pairs, store, extractor):
        if isinstance(item, Failure):
            store.write_failure(item.source, item.reason, item.message)
            done("failed", item.source, item.message)
            continue
        try:
            outcome, message = _ingest_one(item, spec, store, settings, extractor, ready)
        except Exception as e:  # one odd article must not stop the batch (nor lose what is stored)
            line = (
                e.one_line()
                if isinstance(e, ParleyError)
                else f"{item.source}: could not be stored ({type(e).__name__}: {e}); please report it"
            )
            store.write_failure(item.source, "error", line)
            done("failed", item.source, line)
            continue
        done(outcome, item.source, message)
    return report


# Articles cleaned and parsed together (spaCy's nlp.pipe) before they are stored one by one.
PARSE_AHEAD = 16

# A cleaned article and spaCy's parse of its text, made ahead of storing it.
Ready = tuple[Document | Skip, Any]


def _parsed_ahead(
    pairs: Iterable[tuple[str, RawArticle | Failure]], store: Store, extractor: Extractor | None
) -> Iterator[tuple[str, RawArticle | Failure, Ready | None]]:
    """Yield each item with its cleaned text and parse when made ahead, in input order.

    Parsing a batch with ``nlp.pipe`` costs less CPU than one call per text and gives the same
    parse. Only texts that will surely be extracted are parsed ahead: not a failure, a skip, a
    text already stored, nor a second copy in the batch (a near-duplicate, known only once the
    articles before it are stored, is the one parse that can go unused). The first article goes on
    its own, as in `parley extract`: it loads the models, after which the CLI moves them out of the
    garbage collector's sight (a batch of 16 parsed first made it scan them all once more).
    """
    batch: list[tuple[str, RawArticle | Failure]] = []
    first = True
    for pair in pairs:
        batch.append(pair)
        if len(batch) >= PARSE_AHEAD or extractor is None or first:
            yield from _ready(batch, store, extractor)
            batch, first = [], False
    yield from _ready(batch, store, extractor)


def _ready(
    batch: list[tuple[str, RawArticle | Failure]], store: Store, extractor: Extractor | None
) -> Iterator[tuple[str, RawArticle | Failure, Ready | None]]:
    if extractor is None or len(batch) < 2:
        yield from ((spec, item, None) for spec, item in batch)
        return
    cleaned: dict[int, Document | Skip] = {}
    seen: set[str] = set()
    for k, (_spec, item) in enumerate(batch):
        if isinstance(item, Failure) or item.content_hash in seen:
            continue
        seen.add(item.content_hash)
        try:
            if store.article_by_hash(item.content_hash) is None:
                cleaned[k] = clean(item)
        except Exception:  # left to the per-article path, which records the failure
            continue
    docs = {k: d for k, d in cleaned.items() if isinstance(d, Document)}
    try:
        parses = dict(zip(docs, extractor.parse_documents(list(docs.values())), strict=True))
    except Exception:  # each article is then parsed on its own, failures recorded there
        parses = {}
    for k, (spec, item) in enumerate(batch):
        yield spec, item, ((cleaned[k], parses.get(k)) if k in cleaned else None)


def _ingest_one(
    raw: RawArticle,
    spec: str,
    store: Store,
    settings: Settings,
    extractor: Extractor | None,
    ready: Ready | None = None,
) -> tuple[str, str | None]:
    from parley import dedup

    parsed = ready[1] if ready else None
    return store_one(
        raw,
        spec,
        store,
        settings,
        prepare=lambda: ready[0] if ready else clean(raw),
        signature_of=lambda doc: dedup.signature(doc.text),
        extract=(lambda doc, aid: extractor.extract_document(doc, doc_id=aid, parsed=parsed))
        if extractor
        else None,
        extractor_version=extractor.version if extractor else None,
    )


def store_one(
    raw: RawArticle,
    spec: str,
    store: Store,
    settings: Settings,
    *,
    prepare: Callable[[], Document | Skip],
    signature_of: Callable[[Document], MinHash],
    extract: Callable[[Document, str], Extraction | None] | None,
    extractor_version: str | None,
) -> tuple[str, str | None]:
    """Return (outcome, message) after storing one article.

    The decisions every way into the store makes, in this order: an exact copy is linked, an id
    given to another text gets a hash id, a skip is recorded, a near-duplicate is linked, else
    the article and its records are stored and folded into the story. ``prepare``,
    ``signature_of`` and ``extract`` supply the work — done here for `parley ingest`, read from
    Parquet for `parley load` — and run only when needed.
    """
    try:
        return _store_new(raw, spec, store, settings, prepare, signature_of, extract, extractor_version)
    except AlreadyStored:  # another process stored this very text between our look-up and our write
        return _already_stored(raw, store) or ("unchanged", None)


def _already_stored(raw: RawArticle, store: Store) -> tuple[str, str | None] | None:
    """Return the outcome for an article whose text is stored already, or None when it is new."""
    existing = store.article_by_hash(raw.content_hash)
    if existing is None:
        return None
    original_id, original_location = existing
    if original_location != raw.source and store.write_duplicate(raw.source, original_id, "exact", 1.0):
        return "duplicate", None
    return "unchanged", None


def _store_new(
    raw: RawArticle,
    spec: str,
    store: Store,
    settings: Settings,
    prepare: Callable[[], Document | Skip],
    signature_of: Callable[[Document], MinHash],
    extract: Callable[[Document, str], Extraction | None] | None,
    extractor_version: str | None,
) -> tuple[str, str | None]:
    from parley import dedup

    known = _already_stored(raw, store)
    if known is not None:
        return known
    article_id = raw.article_id
    if store.article_exists(article_id):  # same id given to a different text: keep both
        article_id = raw.content_hash[:16]
    cleaned = prepare()
    if isinstance(cleaned, Skip):
        store.write_article(
            raw, None, source=spec, status="skipped", article_id=article_id, skip_reason=cleaned.reason
        )
        return "skipped", f"{raw.source}: skipped ({cleaned.reason})"
    sig = signature_of(cleaned)
    sig_bands = dedup.bands(sig)
    match = dedup.best_match(sig, store.lsh_candidates(sig_bands), settings.near_duplicate_threshold)
    if match is not None:
        store.write_article(
            raw,
            cleaned,
            source=spec,
            status="near_duplicate",
            article_id=article_id,
            duplicate_of=match[0],
            similarity=round(match[1], 3),
        )
        return "near_duplicate", None
    extraction = extract(cleaned, article_id) if extract else None
    store.write_article(
        raw,
        cleaned,
        source=spec,
        status="stored",
        article_id=article_id,
        minhash=dedup.to_bytes(sig),
        bands=sig_bands,
        extraction=extraction,
        extractor_version=extractor_version,
    )
    if extraction is not None:  # --no-extract ingests have no records to fold into the story
        from parley.story import update_story

        update_story(store.engine, article_id)
    return "stored", None
