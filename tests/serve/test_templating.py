"""The dashboard's environment reads dict rows by key first and renders what Jinja's own order renders."""

from __future__ import annotations

import jinja2

from parley.serve.app import TEMPLATES
from parley.serve.templating import DictRowEnvironment, page_templates

# A template that reads a key, a nested key, a missing key, a key named like a dict method, the
# method itself, an object's attribute and a loop variable.
SOURCE = (
    "{% for r in rows %}{{ r.id }}:{{ r.actor.name }}:{{ r.missing is defined }}:"
    "{{ r['items'] }}:{{ r.items() | list | length }}:{{ r.get('id') }}:{{ loop.last }};{% endfor %}"
    "{{ thing.real }}"
)


def _render(env: jinja2.Environment) -> str:
    rows = [
        {"id": 1, "actor": {"name": "Ministry of Defence"}, "items": "a key named items"},
        {"id": 2, "actor": {"name": "the spokesperson"}, "items": ["x"]},
    ]
    return env.from_string(SOURCE).render(rows=rows, thing=3 + 4j)


def test_dict_rows_render_as_with_jinjas_own_lookup() -> None:
    ours = _render(DictRowEnvironment(autoescape=True))
    assert ours == _render(jinja2.Environment(autoescape=True))
    assert ours.startswith("1:Ministry of Defence:False:a key named items:3:1:False;2:")
    assert ours.endswith(":True;3.0")


def test_dict_lookup_returns_methods_for_dict_attribute_names() -> None:
    env = DictRowEnvironment()
    row = {"get": "a value", "name": "a name"}
    assert callable(env.getattr(row, "get"))  # Jinja's order: dict.get, not the key
    assert env.getattr(row, "name") == "a name"
    assert isinstance(env.getattr(row, "absent"), jinja2.Undefined)


def test_page_templates_load_the_dashboard_with_autoescape() -> None:
    templates = page_templates(TEMPLATES)
    assert isinstance(templates.env, DictRowEnvironment)
    assert templates.env.get_template("claims.html") is not None
    out = templates.env.from_string("{{ r.x }}").render(r={"x": "<b>"})
    assert out == "&lt;b&gt;"
