"""The per-article context extraction components share, and the check that wires them.

Extraction is a list of components (as in spaCy's pipeline): each reads fields of one
:class:`ArticleContext` that earlier components computed, and assigns fields of its own. Each
declares what it ``requires`` and ``assigns``; :func:`check_components` verifies, when the
extractor is set up, that every requirement is assigned by an earlier component, so a missing
input is an error at start-up (naming the component and the field), not an ``AttributeError``
on article 40,000. The parse, the mentions, the dates and the quotes with their speakers are
each computed once and read by everything after them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Any

from parley.errors import PipelineError
from parley.model import ActorRef, Claim, Document, Event, Evidence, Position, Quote

if TYPE_CHECKING:
    from parley.analyse.matcher import MentionFinder
    from parley.analyse.mentions import Mention
    from parley.extract.dates import DateMention
    from parley.extract.events import EventCandidate, MentionIndex
    from parley.extract.quotes import QuoteSpan
    from parley.kb.actors import ActorRegistry
    from parley.rules import Rules

VERSION = "0.2.0"
STAGE = "extract"


@dataclass(frozen=True)
class Resources:
    """What extraction reads besides the article: passed in, never fetched from a global."""

    nlp: Any  # the spaCy pipeline
    finder: MentionFinder  # over the actor registry and the gazetteer
    registry: ActorRegistry
    rules: Rules


@dataclass
class ArticleContext:
    """One article's extraction state. The first block is given; the rest components assign."""

    document: Document
    doc_id: str
    text: str
    published: date
    resources: Resources
    # assigned by components, in pipeline order (None until then)
    head: int | None = None  # end of the headline: no records from before it
    doc: Any = None  # the spaCy Doc
    mentions: list[Mention] | None = None  # body mentions (no headline, no dateline)
    index: MentionIndex | None = None
    dates: list[DateMention] | None = None
    sents: list[Any] | None = None  # body sentences with text
    sentences: list[tuple[int, int, str]] | None = None  # (start, end, text) of each body sentence
    qspans: list[QuoteSpan] | None = None
    quotes: list[Quote] | None = None
    speakers_by_sentence: dict[int, list[ActorRef]] | None = None
    candidates: list[tuple[int, EventCandidate]] | None = None  # (sentence index, candidate)
    kept: list[tuple[int, EventCandidate]] | None = None  # candidates that made events or claims
    events: list[Event] | None = None
    claims: list[Claim] | None = None
    positions: list[Position] | None = None

    def evidence(self, start: int, end: int, s_start: int, s_end: int) -> Evidence:
        """Return the evidence of a span and its sentence, in raw-text offsets."""
        omap = self.document.offsets
        rs, re_ = omap.span_to_raw(start, end)
        ss, se = omap.span_to_raw(s_start, s_end)
        return Evidence(rs, re_, ss, se, STAGE, VERSION)

    def need(self, name: str) -> Any:
        """Return field ``name``; a component reading one nobody assigned is a pipeline error."""
        value = getattr(self, name)
        if value is None:
            raise PipelineError(
                f"{name!r} was read before any component assigned it",
                article_id=self.doc_id,
                stage=STAGE,
                hint="declare it in the component's requires and put its producer earlier",
            )
        return value


GIVEN = frozenset({"document", "doc_id", "text", "published", "resources"})
ASSIGNABLE = frozenset(f.name for f in fields(ArticleContext)) - GIVEN


@dataclass(frozen=True)
class Component:
    """One step of extraction: what it reads, what it adds, and the function that does it."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[ArticleContext], None]


def check_components(components: Sequence[Component]) -> None:
    """Raise PipelineError unless each component's inputs are assigned before it runs."""
    available = set(GIVEN)
    names: set[str] = set()
    for comp in components:
        if comp.name in names:
            raise PipelineError(f"component {comp.name!r} appears twice", stage=STAGE)
        names.add(comp.name)
        unknown = [f for f in (*comp.requires, *comp.assigns) if f not in ASSIGNABLE | GIVEN]
        if unknown:
            raise PipelineError(
                f"component {comp.name!r} names unknown context fields {unknown}",
                stage=STAGE,
                hint=f"the fields are {', '.join(sorted(ASSIGNABLE | GIVEN))}",
            )
        missing = [f for f in comp.requires if f not in available]
        if missing:
            raise PipelineError(
                f"component {comp.name!r} requires {missing}, which no earlier component assigns",
                stage=STAGE,
                hint="reorder the components or add the one that assigns it",
            )
        available.update(comp.assigns)


def run_components(components: Sequence[Component], ctx: ArticleContext) -> None:
    """Run the components in order, checking that each assigned what it declared."""
    for comp in components:
        comp.run(ctx)
        unset = [f for f in comp.assigns if getattr(ctx, f) is None]
        if unset:
            raise PipelineError(
                f"component {comp.name!r} did not assign {unset}", article_id=ctx.doc_id, stage=STAGE
            )
