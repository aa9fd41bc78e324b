"""Exports: any record table as CSV, JSON Lines or Parquet; events as PLOVER-style JSON and ACLED-style CSV.

Rows come from ``parley.store.views.export`` in chunks, so CSV and JSON Lines stream without
holding the export in memory; Parquet needs the whole table and is built in memory (the export is
capped by the app's EXPORT_MAX_ROWS).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

# PLOVER groups its event types into four "quad" classes (verbal/material × cooperation/conflict);
# exported so users can aggregate without a lookup table of their own.
PLOVER_QUAD = {
    "AGREE": "verbal cooperation",
    "CONSULT": "verbal cooperation",
    "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation",
    "COOPERATE": "material cooperation",
    "AID": "material cooperation",
    "RETREAT": "material cooperation",
    "REQUEST": "verbal conflict",
    "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict",
    "THREATEN": "verbal conflict",
    "SANCTION": "verbal conflict",
    "PROTEST": "material conflict",
    "MOBILIZE": "material conflict",
    "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}

# ACLED's event type for a PLOVER type/mode. ACLED codes political violence and demonstrations;
# everything diplomatic falls under its "Strategic developments" type. Attacks from afar (drones,
# aircraft, artillery, missiles, explosives) are "Explosions/Remote violence"; other attacks "Battles".
ACLED_REMOTE_MODES = {"drone", "aerial", "heavy-weapons", "explosives", "missile", "shelling"}
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
# ACLED's time_precision: 1 = the day is known, 2 = the week, 3 = the month.
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
# ISO 3166 alpha-2 → the country name ACLED writes, for the countries the sample corpus locates events in.
COUNTRY_NAMES = {
    "UA": "Ukraine",
    "RU": "Russia",
    "US": "United States",
    "TR": "Turkey",
    "FR": "France",
    "DE": "Germany",
    "CH": "Switzerland",
    "GB": "United Kingdom",
    "SA": "Saudi Arabia",
    "BY": "Belarus",
    "PL": "Poland",
    "AE": "United Arab Emirates",
}


def flatten(row: dict[str, Any]) -> dict[str, Any]:
    """Return a row with list-valued fields (actors, disputed_by) turned into '; '-joined names and ids."""
    out = {}
    for k, v in row.items():
        if isinstance(v, list):
            out[k] = "; ".join(str(x.get("name", "")) for x in v)
            out[f"{k}_ids"] = "; ".join(str(x.get("id", "")) for x in v)
        else:
            out[k] = v
    return out


def csv_stream(chunks: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    """Yield CSV text: a header from the first row's columns, then every row (one string per chunk)."""
    fields: list[str] | None = None
    for chunk in chunks:
        buf = io.StringIO()
        rows = [flatten(r) for r in chunk]
        if fields is None and rows:
            fields = list(rows[0])
            csv.writer(buf).writerow(fields)
        if fields is not None:
            csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore").writerows(rows)
        yield buf.getvalue()


def jsonl_stream(chunks: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    """Yield JSON Lines, one record per line."""
    for chunk in chunks:
        yield "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in chunk)


def parquet_bytes(chunks: Iterable[list[dict[str, Any]]]) -> bytes:
    """Return a Parquet file of the rows (list fields flattened as in CSV)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flatten(r) for chunk in chunks for r in chunk]
    table = pa.Table.from_pylist(rows) if rows else pa.table({"id": pa.array([], pa.int64())})
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return bytes(sink.getvalue().to_pybytes())


def plover_record(ev: dict[str, Any], text: str | None = None) -> dict[str, Any]:
    """Return an event in the field names of PLOVER's JSON records (plus Parley's evidence and modality)."""
    actors = ev.get("actors") or []

    def side(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{"actorText": a["name"], "code": a["id"], "kind": a.get("kind")} for a in items]

    rec: dict[str, Any] = {
        "id": f"parley-{ev['id']}",
        "date": ev.get("date") or "",
        "datePrecision": ev.get("date_precision") or "",
        "source": side(actors[:1]),
        "target": side(actors[1:]),
        "event": ev["type"],
        "mode": ev.get("mode") or "",
        "context": "",
        "quad": PLOVER_QUAD.get(ev["type"], ""),
        "eventText": ev.get("trigger") or "",
        "modality": ev["modality"],
        "publication": ev.get("article_id"),
        "publicationDate": ev.get("published"),
        "language": "en",
        "evidence": {
            "article": ev.get("article_id"),
            "start": ev.get("span_start"),
            "end": ev.get("span_end"),
            "sentenceStart": ev.get("sentence_start"),
            "sentenceEnd": ev.get("sentence_end"),
        },
    }
    if text is not None:
        rec["text"] = text
    if ev.get("place_id"):
        rec["geolocation"] = {
            "placeName": ev.get("place_name"),
            "id": ev["place_id"],
            "lat": ev.get("place_lat"),
            "lon": ev.get("place_lon"),
        }
    return rec


def plover_stream(chunks: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    """Yield PLOVER-style records as JSON Lines."""
    for chunk in chunks:
        yield "".join(json.dumps(plover_record(e), ensure_ascii=False) + "\n" for e in chunk)


def acled_row(ev: dict[str, Any], coded_at: int) -> dict[str, Any]:
    """Return an event as a row of ACLED's CSV columns (what Parley does not know is left empty)."""
    actors = ev.get("actors") or []
    typ, mode = ev["type"], (ev.get("mode") or "")
    if typ == "ASSAULT":
        event_type = "Explosions/Remote violence" if mode in ACLED_REMOTE_MODES else "Battles"
        disorder = "Political violence"
    elif typ == "PROTEST":
        event_type, disorder = "Protests", "Demonstrations"
    else:
        event_type, disorder = "Strategic developments", "Strategic developments"
    date = ev.get("date") or ""
    country = COUNTRY_NAMES.get(str(ev.get("place_country") or ""), ev.get("place_country") or "")
    return {
        "event_id_cnty": f"PARLEY{ev['id']}",
        "event_date": date,
        "year": date[:4],
        "time_precision": ACLED_TIME_PRECISION.get(ev.get("date_precision") or "day", 1) if date else "",
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": f"{typ} {mode}".strip(),
        "actor1": actors[0]["name"] if actors else "",
        "assoc_actor_1": "",
        "actor2": actors[1]["name"] if len(actors) > 1 else "",
        "assoc_actor_2": "; ".join(a["name"] for a in actors[2:]),
        "country": country,
        "admin1": "",
        "location": ev.get("place_name") or "",
        "latitude": ev.get("place_lat") if ev.get("place_lat") is not None else "",
        "longitude": ev.get("place_lon") if ev.get("place_lon") is not None else "",
        "geo_precision": 1 if ev.get("place_lat") is not None else "",
        "source": ev.get("article_id") or "",
        "source_scale": "",
        "notes": f"{ev.get('trigger') or ''} ({ev['modality']}); {ev.get('article_title') or ''}",
        "fatalities": "",
        "tags": f"modality={ev['modality']}",
        "timestamp": coded_at,
    }


def acled_stream(chunks: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    """Yield events as ACLED-style CSV."""
    coded_at = int(datetime.now(UTC).timestamp())
    header = io.StringIO()
    csv.writer(header).writerow(ACLED_COLUMNS)
    yield header.getvalue()
    for chunk in chunks:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS)
        for ev in chunk:
            w.writerow(acled_row(ev, coded_at))
        yield buf.getvalue()
