"""The brief: what happened, what was claimed and disputed, which stances moved — each line cited.

``brief(engine, since)`` gathers the sections as plain data; ``to_markdown`` and ``to_html``
render them. Citations are numbers into one source list (outlet, title, date).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.engine import Engine

from parley.store import story as db
from parley.story import views


@dataclass
class Line:
    """One line of the brief with the article ids it cites."""

    text: str
    sources: list[str]


@dataclass
class Brief:
    """The brief's sections and its numbered sources."""

    since: date
    happened: list[Line] = field(default_factory=list)
    claims: list[Line] = field(default_factory=list)
    stances: list[Line] = field(default_factory=list)
    sources: dict[str, dict[str, object]] = field(
        default_factory=dict
    )  # article id -> metadata, in cite order

    def cite(self, ids: list[str]) -> list[int]:
        """Return the citation numbers of these articles."""
        order = list(self.sources)
        return [order.index(i) + 1 for i in ids if i in self.sources]


def brief(engine: Engine, since: date) -> Brief:
    """Return the brief of everything since a day."""
    out = Brief(since)
    for e in views.timeline(engine, since=since):
        who = ", ".join(a["name"] for a in e["actors"]) or "unknown actors"
        where = f" in {e['place']['name']}" if e["place"] else ""
        when = e["date"] or f"reported {e['first_reported']}"
        note = "" if e["modality"] == "asserted" else f" ({e['modality']})"
        out.happened.append(
            Line(f"{when}: {e['type']} — {who}{where}{note}; {e['source_count']} source(s)", e["sources"])
        )
    for c in views.claims(engine, since=since):
        steps = " → ".join(f"{h['status']} {h['since'] or ''}".strip() for h in c["history"])
        flag = " — only one side's word" if c["one_sided"] else ""
        out.claims.append(
            Line(f"{c['subject']} (claimed by {c['claimant']['name']}): {steps}{flag}", c["sources"])
        )
    for m in db.stance_moves(engine, since=since):
        out.stances.append(
            Line(
                f'{m["party"]} on {m["issue"]}: {m["change_note"]} — "{m["stance"]}" '
                f"({m['speaker']}, {m['published']})",
                [m["article_id"]],
            )
        )
    ids = [i for section in (out.happened, out.claims, out.stances) for line in section for i in line.sources]
    meta = db.articles_meta(engine, ids)
    out.sources = {i: meta[i] for i in dict.fromkeys(ids) if i in meta}
    return out


SECTIONS = (
    ("happened", "What happened"),
    ("claims", "Claimed and disputed"),
    ("stances", "Stances that moved"),
)


def to_markdown(b: Brief) -> str:
    """Return the brief as Markdown."""
    lines = [f"# Brief since {b.since.isoformat()}", ""]
    for attr, title in SECTIONS:
        lines += [f"## {title}", ""]
        items = getattr(b, attr)
        lines += [f"- {x.text} " + "".join(f"[{n}]" for n in b.cite(x.sources)) for x in items] or [
            "- nothing new"
        ]
        lines.append("")
    lines += ["## Sources", ""]
    for n, (aid, m) in enumerate(b.sources.items(), 1):
        lines.append(
            f'{n}. {m.get("outlet") or "unknown outlet"}, "{m.get("title") or aid}", '
            f"{m.get('published') or 'undated'} (article {aid})"
        )
    return "\n".join(lines) + "\n"


def to_html(b: Brief) -> str:
    """Return the brief as a standalone HTML page."""
    esc = html.escape
    parts = [
        "<!doctype html>",
        '<html><head><meta charset="utf-8">',
        f"<title>Brief since {b.since.isoformat()}</title></head><body>",
        f"<h1>Brief since {b.since.isoformat()}</h1>",
    ]
    for attr, title in SECTIONS:
        parts.append(f"<h2>{esc(title)}</h2><ul>")
        items = getattr(b, attr)
        for x in items:
            cites = "".join(f'<a href="#src-{n}">[{n}]</a>' for n in b.cite(x.sources))
            parts.append(f"<li>{esc(x.text)} {cites}</li>")
        if not items:
            parts.append("<li>nothing new</li>")
        parts.append("</ul>")
    parts.append("<h2>Sources</h2><ol>")
    for n, (aid, m) in enumerate(b.sources.items(), 1):
        title = esc(str(m.get("title") or aid))
        link = f'<a href="{esc(str(m["url"]))}">{title}</a>' if m.get("url") else title
        parts.append(
            f'<li id="src-{n}">{esc(str(m.get("outlet") or "unknown outlet"))}, {link}, '
            f"{esc(str(m.get('published') or 'undated'))} (article {esc(aid)})</li>"
        )
    parts.append("</ol></body></html>")
    return "\n".join(parts) + "\n"
