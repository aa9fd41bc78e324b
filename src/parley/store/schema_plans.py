"""Tables of peace plans and their numbered points (on the shared ``metadata``).

``plans`` holds one row per stored plan (its name is unique: the handle users type);
``plan_points`` one row per numbered point, with its span in ``plans.text``. A point's issues
and figures are JSON lists (``["military_limits"]``, ``[{"value": 600000.0, "unit": "troops",
"text": "600,000 personnel", "start": 34, "end": 51}]``): the API and the dashboard read them
whole, and a plan has a few dozen points, so they need no tables of their own.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint

from parley.store.schema import metadata

plans = Table(
    "plans",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("party", Text, nullable=False),  # as given: "US"
    Column("party_name", Text, nullable=False),  # resolved: "United States" (as given when unknown)
    Column("party_qid", String(16), index=True),  # Wikidata QID when the actor registry knows the party
    Column("party_reason", Text, nullable=False),  # how the party was resolved, or why it was not
    Column("date", String(10), nullable=False, index=True),  # YYYY-MM-DD
    Column("source", Text, nullable=False),  # the file it was read from
    Column("text", Text, nullable=False),  # the whole file as decoded; point spans index it
    Column("content_hash", String(64), nullable=False),
    Column("preamble", Text),
    Column("notes", Text, nullable=False),  # JSON list: how odd lines were read
    Column("added_at", String(32), nullable=False),
)

plan_points = Table(
    "plan_points",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("plan_id", Integer, ForeignKey("plans.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),  # 0-based order in the file
    Column("number", Integer, nullable=False),  # as numbered in the plan
    Column("label", String(32), nullable=False),  # the marker as written: "1.", "(1)", "Point 1:"
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("section", Text),
    Column("issues", Text, nullable=False),  # JSON list of issue names
    Column("figures", Text, nullable=False),  # JSON list of figures
    UniqueConstraint("plan_id", "position", name="uq_plan_points_plan_position"),
)
