"""The event classifier shipped for English: it loads from the package, reads the kind of
event, and its probabilities are probabilities."""

from __future__ import annotations

import pytest

from mapper.event_types import EVENT_TYPES, sub_event_type
from mapper.incidents.classifier import bundled


@pytest.fixture(scope="module")
def model():
    return bundled("event_classifier")


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "Artillery shelled the outskirts of the town overnight, damaging houses.",
            "Explosions/Remote violence",
        ),
        ("Hundreds of teachers rallied outside the ministry to demand unpaid wages.", "Protests"),
        (
            "Gunmen abducted three farmers from their fields and demanded a ransom.",
            "Violence against civilians",
        ),
        ("Soldiers and rebels exchanged fire for two hours near the border post.", "Battles"),
    ],
)
def test_it_reads_the_kind_of_event(model, text, event_type):
    (prediction,) = model.classify([text])
    assert prediction.event_type == event_type


def test_its_labels_are_the_registry_types_and_probabilities_sum_to_one(model):
    assert set(model.event_types) <= set(EVENT_TYPES)
    assert all(sub_event_type(sub) is not None for _type, sub in model.labels)
    predictions = model.classify(["Police detained two journalists.", ""])
    for prediction in predictions:
        assert 0.0 <= prediction.sub_event_type_probability <= prediction.event_type_probability
        assert prediction.event_type_probability <= 1.0 + 1e-9


def test_it_is_deterministic(model):
    texts = ["Protesters burned tyres and threw stones at the police."] * 3
    assert len({model.classify([t])[0] for t in texts}) == 1
