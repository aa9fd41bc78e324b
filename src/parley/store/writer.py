"""The one module that writes to the store. Each article is written in one transaction.

A process killed mid-ingest leaves every article either fully written (row, clean text, LSH
bands, records) or absent, so a rerun completes the job. Re-ingesting an input that is already
stored changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from parley.errors import AlreadyStored, StoreError
from parley.kb.fold import norm
from parley.model import ActorRef, Document, Extraction, PlaceRef, RawArticle
from parley.model.records import evidence_columns
from parley.store import schema as t
from parley.store.db import make_engine, migrate, require_existing


def now() -> str:
    """Return the current UTC time as an ISO string (seconds)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def actor_key(actor: ActorRef) -> str:
    """Return the actors.id for an actor: its QID, else its normalised name."""
    return actor.key


def place_key(place: PlaceRef) -> str:
    """Return the places.id for a place: its GeoNames id, else its normalised name."""
    return f"gn:{place.geonameid}" if place.geonameid is not None else f"name:{norm(place.name)}"


def _insert_ignore(conn: Connection, table: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows, skipping those whose primary key already exists (SQLite and PostgreSQL)."""
    if not rows:
        return
    key = (conn.dialect.name, table.name)
    stmt = _INSERT_IGNORE.get(key)
    if stmt is None:
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            stmt = pg_insert(table).on_conflict_do_nothing()
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            stmt = sqlite_insert(table).on_conflict_do_nothing()
        _INSERT_IGNORE[key] = stmt
    conn.execute(stmt, list(rows))


# Statements run once per article or record, built once: building one costs SQLAlchemy more than
# SQLite takes to run it.
_INSERT_IGNORE: dict[tuple[str, str], Any] = {}
_INSERT_ROWS = {table.name: insert(table) for table in (t.events, t.claims)}
_ROW_IDS = {
    table.name: select(table.c.id).where(table.c.article_id == bindparam("aid_")).order_by(table.c.id)
    for table in (t.events, t.claims)
}
_INSERT_EVENT_ACTORS = insert(t.event_actors)
_INSERT_DISPUTES = insert(t.claim_disputes)
_INSERT_QUOTES = insert(t.quotes)
_INSERT_POSITIONS = insert(t.positions)
_INSERT_ARTICLE = insert(t.articles)
_INSERT_LSH = insert(t.article_lsh)
_INSERT_SOURCE = insert(t.sources)
_SOURCE_BY_LOCATION = select(t.sources.c.id).where(t.sources.c.location == bindparam("location_"))
_ARTICLE_BY_HASH = select(t.articles.c.id, t.articles.c.location).where(
    t.articles.c.content_hash == bindparam("hash_")
)
_ARTICLE_BY_ID = select(t.articles.c.id).where(t.articles.c.id == bindparam("id_"))
_MARK_EXTRACTED = update(t.articles).where(t.articles.c.id == bindparam("id_"))
_LSH_ROWS = select(t.article_lsh.c.band, t.article_lsh.c.bucket, t.article_lsh.c.article_id).where(
    t.article_lsh.c.band.in_(bindparam("bands_", expanding=True)),
    t.article_lsh.c.bucket.in_(bindparam("buckets_", expanding=True)),
)
_MINHASHES = select(t.articles.c.id, t.articles.c.minhash).where(
    t.articles.c.id.in_(bindparam("ids_", expanding=True)), t.articles.c.status != "near_duplicate"
)


def _insert_article_rows(
    conn: Connection, table: Any, rows: list[dict[str, Any]], article_id: str
) -> list[int]:
    """Insert one article's rows into ``table`` and return their new ids, in the order of ``rows``.

    Why: SQLAlchemy's cost per statement is several times SQLite's per row, and an article has a
    few events and claims. On SQLite the rows go in one executemany, stepped one after another, so
    each gets a larger rowid than the one before; the article's rows are all new in this
    transaction (written once, or after replace_extraction deleted the old ones), so its ids in id
    order are the rows' ids in order. Other databases keep one INSERT per row: a multi-row INSERT
    there promises no order of its ids.
    """
    if not rows:
        return []
    if conn.dialect.name != "sqlite":
        stmt = _INSERT_ROWS[table.name]
        return [int(conn.execute(stmt, row).inserted_primary_key[0]) for row in rows]  # type: ignore[index]
    conn.execute(_INSERT_ROWS[table.name], rows)
    ids = [int(r[0]) for r in conn.execute(_ROW_IDS[table.name], {"aid_": article_id})]
    if len(ids) != len(rows):  # the article had rows before: not expected, so never guessed at
        raise StoreError(f"{table.name}: {len(ids)} rows for article {article_id}, {len(rows)} written")
    return ids


class Store:
    """A Parley database: opened (and migrated) on construction."""

    def __init__(self, db: str, *, migrate_schema: bool = True, create: bool = True) -> None:
        """Open ``db``; with ``create`` False a missing SQLite file is a StoreError, not a new store."""
        self.db = db
        if not create:
            require_existing(db)
        self.engine: Engine = make_engine(db)
        if migrate_schema:
            migrate(self.engine)

    def close(self) -> None:
        """Release the engine's connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- lookups the ingest loop needs -------------------------------------------------------

    def article_by_hash(self, content_hash: str) -> tuple[str, str] | None:
        """Return (id, location) of the stored article with this content hash, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(_ARTICLE_BY_HASH, {"hash_": content_hash}).first()
        return (row[0], row[1]) if row else None

    def article_exists(self, article_id: str) -> bool:
        """Return True when an article with this id is stored."""
        with self.engine.connect() as conn:
            return conn.execute(_ARTICLE_BY_ID, {"id_": article_id}).first() is not None

    def lsh_candidates(self, bands: Iterable[tuple[int, str]]) -> list[tuple[str, bytes]]:
        """Return (article id, minhash bytes) of stored articles sharing any LSH band bucket."""
        bands = list(bands)
        if not bands:
            return []
        with self.engine.connect() as conn:
            # one query for every band, not one per band: (band, bucket) IN both lists walks the
            # primary key's index (a row-value IN would scan the table), then pairs are checked here
            wanted = set(bands)
            params = {"bands_": sorted({b for b, _ in bands}), "buckets_": sorted({k for _, k in bands})}
            ids = {r[2] for r in conn.execute(_LSH_ROWS, params) if (r[0], r[1]) in wanted}
            if not ids:
                return []
            rows = conn.execute(_MINHASHES, {"ids_": sorted(ids)})
            return [(r[0], r[1]) for r in rows if r[1] is not None]

    # ---- writes -----------------------------------------------------------------------------

    def _source_id(self, conn: Connection, location: str, kind: str) -> int:
        row = conn.execute(_SOURCE_BY_LOCATION, {"location_": location}).first()
        if row:
            return int(row[0])
        res = conn.execute(_INSERT_SOURCE, {"location": location, "kind": kind, "first_seen": now()})
        return int(res.inserted_primary_key[0])  # type: ignore[index]

    def write_article(
        self,
        raw: RawArticle,
        doc: Document | None,
        *,
        source: str,
        status: str,
        article_id: str | None = None,
        skip_reason: str | None = None,
        duplicate_of: str | None = None,
        similarity: float | None = None,
        minhash: bytes | None = None,
        bands: Sequence[tuple[int, str]] = (),
        extraction: Extraction | None = None,
        extractor_version: str | None = None,
    ) -> str:
        """Store one article (and its records) in one transaction; return its id."""
        aid = article_id or raw.article_id
        meta = raw.meta
        row = {
            "id": aid,
            "location": raw.source,
            "kind": raw.kind,
            "title": meta.title,
            "outlet": meta.outlet,
            "url": meta.url,
            "published": meta.published.isoformat() if meta.published else None,
            "language": meta.language,
            "raw_text": raw.text,
            "clean_text": doc.text if doc else None,
            "offset_map": json.dumps(doc.offsets.to_runs()) if doc else None,
            "content_hash": raw.content_hash,
            "status": status,
            "skip_reason": skip_reason,
            "duplicate_of": duplicate_of,
            "similarity": similarity,
            "minhash": minhash,
            "ingested_at": now(),
        }
        try:
            with self.engine.begin() as conn:
                row["source_id"] = self._source_id(conn, source, raw.kind)
                conn.execute(_INSERT_ARTICLE, row)
                if bands:
                    conn.execute(_INSERT_LSH, [{"band": b, "bucket": k, "article_id": aid} for b, k in bands])
                if extraction is not None:
                    self._write_records(conn, aid, extraction)
                    conn.execute(
                        _MARK_EXTRACTED,
                        {
                            "id_": aid,
                            "status": "extracted",
                            "extracted_at": now(),
                            "extractor_version": extractor_version,
                        },
                    )
        except SQLAlchemyError as e:
            if isinstance(e, IntegrityError) and self.article_by_hash(raw.content_hash) is not None:
                # a concurrent ingest stored this very text between our look-up and our insert
                raise AlreadyStored("stored meanwhile by another writer", path=raw.source) from e
            raise StoreError(
                f"could not store article {aid}: {str(e).splitlines()[0]}", path=raw.source, article_id=aid
            ) from e
        return aid

    def replace_extraction(self, article_id: str, extraction: Extraction, version: str) -> None:
        """Replace an article's records with a new extraction, in one transaction."""
        with self.engine.begin() as conn:
            for table in t.RECORD_TABLES:
                conn.execute(delete(table).where(table.c.article_id == article_id))
            self._write_records(conn, article_id, extraction)
            conn.execute(
                update(t.articles)
                .where(t.articles.c.id == article_id)
                .values(status="extracted", extracted_at=now(), extractor_version=version)
            )

    def write_duplicate(self, location: str, duplicate_of: str, kind: str, similarity: float) -> bool:
        """Record that ``location`` duplicates a stored article; False when already recorded."""
        try:
            with self.engine.begin() as conn:
                exists = conn.execute(
                    select(t.duplicates.c.id).where(t.duplicates.c.location == location)
                ).first()
                if exists:
                    return False
                conn.execute(
                    insert(t.duplicates).values(
                        location=location,
                        duplicate_of=duplicate_of,
                        kind=kind,
                        similarity=similarity,
                        seen_at=now(),
                    )
                )
        except IntegrityError:  # another writer recorded the same duplicate at the same moment
            return False
        return True

    def write_failure(self, location: str, reason: str, message: str) -> None:
        """Record an input that could not be read (once per location and reason)."""
        with self.engine.begin() as conn:
            _insert_ignore(
                conn,
                t.failures,
                [{"location": location, "reason": reason, "message": message, "seen_at": now()}],
            )

    def _write_records(self, conn: Connection, article_id: str, ex: Extraction) -> None:
        actors: dict[str, dict[str, Any]] = {}
        places: dict[str, dict[str, Any]] = {}

        def actor(a: ActorRef) -> str:
            k = actor_key(a)
            actors.setdefault(
                k, {"id": k, "qid": a.id, "name": a.name, "kind": a.kind, "affiliation": a.affiliation}
            )
            return k

        def place(p: PlaceRef | None) -> str | None:
            if p is None:
                return None
            k = place_key(p)
            places.setdefault(
                k,
                {
                    "id": k,
                    "geonameid": p.geonameid,
                    "name": p.name,
                    "lat": p.lat,
                    "lon": p.lon,
                    "feature": p.feature,
                    "country": p.country,
                    "admin1": p.admin1,
                },
            )
            return k

        # resolve every reference first, so that parents exist before children (foreign keys)
        event_rows = []
        for ev in ex.events:
            ids = [actor(a) for a in ev.actors]
            event_rows.append((ev, ids, place(ev.place)))
        quote_rows = [(q, actor(q.speaker) if q.speaker else None) for q in ex.quotes]
        claim_rows = [
            (c, actor(c.claimant), place(c.place), [actor(a) for a in c.disputed_by]) for c in ex.claims
        ]
        position_rows = [(p, actor(p.party)) for p in ex.positions]
        _insert_ignore(conn, t.actors, list(actors.values()))
        _insert_ignore(conn, t.places, list(places.values()))

        # events and claims in one executemany each (their ids, needed by the rows that point to
        # them, read back in order: see _insert_article_rows), their actors and disputes likewise
        event_ids = _insert_article_rows(
            conn,
            t.events,
            [
                {
                    "article_id": article_id,
                    "type": ev.type,
                    "mode": ev.mode,
                    "date": ev.date.value.isoformat() if ev.date else None,
                    "date_precision": ev.date.precision if ev.date else None,
                    "place_id": pid,
                    "modality": ev.modality,
                    "trigger": ev.trigger,
                    **evidence_columns(ev.evidence),
                }
                for ev, _ids, pid in event_rows
            ],
            article_id,
        )
        actor_rows: list[dict[str, Any]] = []
        for (ev, ids, _pid), eid in zip(event_rows, event_ids, strict=True):
            seen: set[str] = set()
            rows: list[dict[str, Any]] = []
            for a, k in zip(ev.actors, ids, strict=True):
                if k in seen:
                    continue
                seen.add(k)
                rows.append(
                    {
                        "event_id": eid,
                        "position": len(rows),
                        "actor_id": k,
                        "method": a.method,
                        "reason": a.reason,
                        "confidence": a.confidence,
                    }
                )
            actor_rows.extend(rows)
        if actor_rows:
            conn.execute(_INSERT_EVENT_ACTORS, actor_rows)
        if quote_rows:
            conn.execute(
                _INSERT_QUOTES,
                [
                    {
                        "article_id": article_id,
                        "speaker_id": sid,
                        "text": q.text,
                        "direct": q.direct,
                        "cue": q.cue,
                        **evidence_columns(q.evidence),
                    }
                    for q, sid in quote_rows
                ],
            )
        claim_ids = _insert_article_rows(
            conn,
            t.claims,
            [
                {
                    "article_id": article_id,
                    "claimant_id": cid,
                    "subject": c.subject,
                    "place_id": pid,
                    "status": c.status,
                    **evidence_columns(c.evidence),
                }
                for c, cid, pid, _disputers in claim_rows
            ],
            article_id,
        )
        dispute_rows = [
            {"claim_id": claim_id, "actor_id": k}
            for (_c, _cid, _pid, disputers), claim_id in zip(claim_rows, claim_ids, strict=True)
            for k in dict.fromkeys(disputers)
        ]
        if dispute_rows:
            conn.execute(_INSERT_DISPUTES, dispute_rows)
        if position_rows:
            conn.execute(
                _INSERT_POSITIONS,
                [
                    {
                        "article_id": article_id,
                        "party_id": pid,
                        "issue": p.issue,
                        "stance": p.stance,
                        **evidence_columns(p.evidence),
                    }
                    for p, pid in position_rows
                ],
            )
