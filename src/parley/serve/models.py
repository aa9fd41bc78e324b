"""The shapes of every API response, as typed models.

FastAPI publishes them in the OpenAPI document, so clients (and schemathesis, in the tests) can
check each response against its schema. The fields mirror what ``parley.store.views`` and
``parley.store.story`` return; a field those functions add must be added here too, or the
response drops it (a test compares the two on a real store).
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: the rows, how many match in all, and the link to the next page."""

    items: list[T]
    total: int
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page, or null on the last page.")


class Named(BaseModel):
    """An actor or party by id and display name."""

    id: str
    name: str | None


class EventActor(Named):
    kind: str | None = None
    position: int | None = None


class PlaceMini(BaseModel):
    id: str
    name: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None


class Evidence(BaseModel):
    """Where a record came from: its article, and its trigger and sentence as raw-text offsets."""

    id: int
    article_id: str
    span_start: int
    span_end: int
    sentence_start: int
    sentence_end: int
    published: str | None
    article_title: str | None


class PlaceColumns(BaseModel):
    place_id: str | None
    place_name: str | None
    place_lat: float | None
    place_lon: float | None
    place_country: str | None


class EventOut(Evidence, PlaceColumns):
    type: str
    mode: str | None
    date: str | None
    date_precision: str | None
    modality: str
    trigger: str | None
    actors: list[EventActor]


class QuoteOut(Evidence):
    speaker_id: str | None
    speaker: str | None
    text: str
    direct: bool
    cue: str | None


class LedgerEvidence(BaseModel):
    role: str
    article_id: str
    published: str | None
    actor_id: str | None
    claim_id: int | None
    event_id: int | None


class LedgerStep(BaseModel):
    status: str
    since: str | None
    article_id: str
    actor_id: str | None
    note: str


class LedgerEntry(BaseModel):
    """A claim across articles, as the claim ledger (the story tables) holds it."""

    id: int
    claimant: Named
    subject: str
    place: PlaceMini | None
    status: str
    disputed_by: list[Named]
    one_sided: bool = Field(description="Only the claimant side's word so far.")
    kind: str
    first_claimed: str | None
    last_seen: str
    status_since: str | None
    source_count: int
    history: list[LedgerStep] = Field(
        description="Status changes, oldest first, each with its source. In lists only the newest 6 "
        "(`history_count` counts them all); the entry's own URL, /api/claims/{id}, gives every one."
    )
    evidence: list[LedgerEvidence] = Field(
        description="The reports behind the entry, oldest first. In lists only the newest 5 "
        "(`evidence_count` counts them all); /api/claims/{id} gives every one."
    )
    evidence_count: int = Field(description="How many reports the entry has in all.")
    history_count: int = Field(description="How many status changes the entry has in all.")
    sources: list[str] = Field(
        description="Ids of the articles behind the entry (all of them, in lists too)."
    )


class ClaimOut(Evidence, PlaceColumns):
    claimant_id: str | None
    claimant: str | None
    subject: str
    status: str
    disputed_by: list[Named]


class PositionOut(Evidence):
    party_id: str | None
    party: str | None
    issue: str
    stance: str


class ArticleOut(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    status: str
    language: str | None
    location: str
    snippet: str | None = Field(default=None, description="With a search: the matching words in context.")


class SegmentOut(BaseModel):
    start: int
    end: int
    text: str
    sentences: list[str]
    triggers: list[str]
    anchors: list[str]


class ArticleDetail(ArticleOut):
    kind: str
    raw_text: str
    body_start: int = Field(description="Where the article text starts in raw_text (past front matter).")
    extracted_at: str | None
    extractor_version: str | None
    events: list[EventOut]
    quotes: list[QuoteOut]
    claims: list[ClaimOut]
    positions: list[PositionOut]
    segments: list[SegmentOut]


class ActorOut(BaseModel):
    id: str
    qid: str | None
    name: str
    kind: str | None
    affiliation: str | None
    events: int | None = None


class ActorRecords(BaseModel):
    events: list[EventOut]
    quotes: list[QuoteOut]
    claims: list[LedgerEntry] = Field(
        description="The latest ledger entries the actor (or its side) claimed or denied (at most 20)."
    )
    positions: list[PositionOut]


class ActorDetail(ActorOut):
    records: ActorRecords


class PlaceOut(BaseModel):
    id: str
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    feature: str | None
    country: str | None
    admin1: str | None
    events: int | None = None
    claims: int | None = None


class PlaceRecords(BaseModel):
    events: list[EventOut]
    claims: list[LedgerEntry]


class PlaceDetail(PlaceOut):
    records: PlaceRecords


class StanceRef(BaseModel):
    id: int
    stance: str
    published: str | None
    article_id: str


class IssueCell(BaseModel):
    party_id: str
    party: str | None
    issue: str
    count: int
    trend: str = Field(description="first stated, repeated or shifted (parley.story.tracker.trend).")
    polarity: str | None
    alignment: str
    latest: StanceRef
    history: list[StanceRef]


class IssueGrid(BaseModel):
    parties: list[Named]
    issues: list[str]
    cells: list[IssueCell]
    truncated: bool


class IndexOut(BaseModel):
    name: str
    counts: dict[str, Any]
    endpoints: list[str]


class StoryEvent(BaseModel):
    id: int
    type: str
    mode: str | None
    date: str | None
    date_lo: str | None
    date_hi: str | None
    modality: str
    first_reported: str | None
    last_reported: str | None
    source_count: int
    member_count: int
    updated_at: str
    actors: list[Named]
    place: PlaceMini | None
    sources: list[str]


class StanceStep(BaseModel):
    position_id: int
    stance: str
    polarity: str | None
    article_id: str
    published: str | None
    changed: bool
    change_note: str | None
    speaker: str | None


class StoryStance(BaseModel):
    """A party side's latest stance on an issue, as the issue tracker (the story tables) holds it."""

    party: Named
    issue: str
    stance: str
    polarity: str | None
    speaker: Named | None
    position_id: int
    since: str | None
    changed_on: str | None
    previous_stance: str | None
    trend: str = Field(description="first stated, repeated or shifted (parley.story.tracker.trend).")
    stance_count: int = Field(description="How many stances the history holds in all.")
    alignment: str
    history: list[StanceStep]
    sources: list[str]


class PlanSummary(BaseModel):
    id: int
    name: str
    party: str | None
    party_name: str | None
    party_qid: str | None
    date: str | None
    source: str | None
    added_at: str
    points: int


class PlanFigure(BaseModel):
    start: int
    end: int
    text: str
    unit: str | None
    value: float | None


class PlanPoint(BaseModel):
    number: int
    label: str
    section: str | None
    start: int
    end: int
    text: str
    issues: list[str]
    figures: list[PlanFigure]


class PlanParty(BaseModel):
    given: str | None
    name: str | None
    qid: str | None
    reason: str | None


class PlanDetail(BaseModel):
    name: str
    date: str | None
    source: str | None
    content_hash: str
    party: PlanParty | None
    preamble: str | None
    text: str
    notes: list[str]
    points: list[PlanPoint]


class IngestOut(BaseModel):
    """What one ingest did: counts per outcome and a line per failure or skip."""

    counts: dict[str, int]
    messages: list[str]


# ---- the dashboard pages' .json twins -----------------------------------------------------------


class Paging(BaseModel):
    total: int
    limit: int
    offset: int
    prev: str | None
    next: str | None


class FacetItem(BaseModel):
    id: str
    name: str | None
    n: int


class TimelineMenus(BaseModel):
    actors: list[FacetItem]
    places: list[FacetItem]
    types: list[str]
    modalities: list[str]


class Tick(BaseModel):
    label: str
    x: float


class Axis(BaseModel):
    start: str | None
    end: str | None
    ticks: list[Tick]


class TimelineEvent(EventOut):
    x: float | None = Field(default=None, description="Position on the axis, percent (dated events).")


class PageBase(BaseModel):
    title: str


class ListPageBase(PageBase):
    filters: dict[str, str]


class DensityBar(BaseModel):
    """One month of the timeline's density strip: events matching the filters, counted in the database."""

    period: str = Field(description="YYYY-MM")
    n: int
    height: float = Field(description="Percent of the busiest month.")
    href: str = Field(description="The timeline filtered to this month.")


class TimelinePage(ListPageBase):
    events: list[TimelineEvent]
    axis: Axis
    density: list[DensityBar]
    paging: Paging
    menus: TimelineMenus


class Boundaries(BaseModel):
    view: str
    layers: dict[str, str]
    provenance: str


class PointGeometry(BaseModel):
    type: Literal["Point"]
    coordinates: list[float] = Field(description="[longitude, latitude], degrees (WGS84).")


class MapPointProperties(BaseModel):
    """What one map point stands for: the events of one modality, or the claims of one status, at a place."""

    kind: Literal["event", "claim"]
    place_id: str
    place_name: str | None
    country: str | None
    count: int = Field(description="Events (or claims) matching the filters at this place.")
    modality: str | None = Field(default=None, description="Events: their modality.")
    types: dict[str, int] | None = Field(default=None, description="Events: how many of each type.")
    top_type: str | None = Field(default=None, description="Events: the most frequent type.")
    latest: str | None = Field(default=None, description="Events: the latest date.")
    status: str | None = Field(default=None, description="Claims: their status.")


class MapFeature(BaseModel):
    type: Literal["Feature"]
    id: str
    geometry: PointGeometry
    properties: MapPointProperties


class MapView(ListPageBase):
    """The map page without its points (the page fetches them from ``map.json`` for its view)."""

    max_points: int
    boundaries: Boundaries
    menus: dict[str, list[str]]


class MapPage(MapView):
    """The map's points as a GeoJSON FeatureCollection, aggregated per place, for a view and filters."""

    type: Literal["FeatureCollection"]
    view: list[float] | None = Field(description="The bbox asked for: [west, south, east, north], or null.")
    features: list[MapFeature]
    truncated: bool = Field(description="True when more than max_points places of a kind matched.")
    totals: dict[str, int] = Field(description="Events and claims matching the filters in the view.")


class ClaimsPage(ListPageBase):
    claims: list[LedgerEntry]
    paging: Paging
    menus: dict[str, list[str]]


class IssuesPage(ListPageBase, IssueGrid):
    menus: dict[str, list[str]]


class ArticlesPage(ListPageBase):
    articles: list[ArticleOut]
    paging: Paging
    snippet_marks: list[str]


class ArticlePage(PageBase):
    article: ArticleDetail


class ActorsPage(ListPageBase):
    actors: list[ActorOut]
    paging: Paging


class ActorPage(PageBase, ActorRecords):
    actor: ActorOut


class PlacesPage(ListPageBase):
    places: list[PlaceOut]
    paging: Paging


class PlacePage(PageBase, PlaceRecords):
    place: PlaceOut


class StoryPage(PageBase):
    ledger: list[LedgerEntry]
    issues: list[StoryStance]
    plans: list[PlanSummary]
