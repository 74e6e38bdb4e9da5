"""The event class table (rasa_patches/event_types.py) answers exactly as Rasa's own lookup, and a
conversation read back from the SQL tracker store with it equals the one saved."""
import asyncio

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses

from rasa_patches import event_types


@pytest.fixture
def table_lookup(monkeypatch):
    monkeypatch.setattr(event_types, "_classes", {})
    monkeypatch.setattr(Event, "resolve_by_type", Event.resolve_by_type)
    event_types.apply()
    return Event.resolve_by_type


def test_every_event_name_gets_rasas_class_first_time_and_from_the_table(table_lookup):
    names = {cls.type_name for cls in all_subclasses(Event)}
    for _ in range(2):
        for name in names:
            assert table_lookup(name) is event_types._stock_resolve_by_type(name)
    assert set(event_types._classes) == names


def test_unknown_names_keep_rasas_answers(table_lookup):
    assert table_lookup("topic") is None
    assert table_lookup("no_such_event", default=SlotSet) is SlotSet
    with pytest.raises(ValueError):
        table_lookup("no_such_event")
    # A default given for an unknown name is not remembered as that name's class.
    assert "no_such_event" not in event_types._classes


def test_a_conversation_reads_back_as_saved(table_lookup, tmp_path):
    domain = Domain.from_dict({"intents": ["greet"], "slots": {
        "body_area": {"type": "text", "mappings": [{"type": "custom"}]}}})
    store = SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "events.db"))
    tracker = DialogueStateTracker.from_events("visitor", [
        ActionExecuted("action_listen"),
        UserUttered("hi", {"name": "greet", "confidence": 1.0}),
        SlotSet("body_area", "neck"),
        ActionExecuted("utter_greet")], slots=domain.slots)
    asyncio.run(store.save(tracker))
    loaded = asyncio.run(store.retrieve("visitor"))
    assert list(loaded.events) == list(tracker.events)
    assert loaded.get_slot("body_area") == "neck"
    # ... and the classes came from the table, filled by reading them.
    assert {"action", "user", "slot"} <= set(event_types._classes)
