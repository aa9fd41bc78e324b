"""The place model's features describe a place of the list; with no model shipped the list stays."""

from __future__ import annotations


def _case() -> tuple[str, list, list]:  # type: ignore[type-arg]
    from parley.analyse.mentions import Mention
    from parley.model.records import PlaceRef

    text = (
        "Shelling hit a school in Kupiansk on Monday, the regional governor wrote on social media.\n"
        "The minister told reporters in Vilnius that the convoy had reached the border crossing."
    )
    kupiansk = PlaceRef(
        name="Kupiansk", geonameid=1, feature="P.PPL", method="alias", reason="P.PPL, population 27,000"
    )
    vilnius = PlaceRef(name="Vilnius", geonameid=2, feature="P.PPLC", reason="P.PPLC, population 542,366")
    mentions = [
        Mention(text.index(n), text.index(n) + len(n), n, "place", place=p)
        for n, p in (("Kupiansk", kupiansk), ("Vilnius", vilnius))
    ]
    return text, [kupiansk, vilnius], mentions


def test_the_features_say_how_a_place_was_matched_used_and_written() -> None:
    from parley.extract.places_learned import candidate_features

    text, (kupiansk, vilnius), mentions = _case()
    k = candidate_features(kupiansk, mentions, text, used={1})
    v = candidate_features(vilnius, mentions, text, used={1})
    assert {"method=alias", "pop=lt100k", "used", "prev=in", "mentions=1"} <= set(k)
    assert "unlocating" not in k
    assert {"method=exact", "pop=lt1m", "unlocating"} <= set(v)  # "told reporters in": a whereabouts
    assert "used" not in v


def test_with_no_model_in_the_manifest_every_place_is_kept() -> None:
    from parley.extract.places_learned import judged, place_model
    from parley.learn import linear

    text, places, mentions = _case()
    assert place_model() is None or "places" in linear.expected_hashes()
    if place_model() is None:
        assert judged(places, mentions, text, used=set()) == tuple(places)
