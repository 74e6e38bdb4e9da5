"""Shared helpers of the unit tests: the project root, the domain, trackers as the action
server receives them, and the project's spaCy pipeline."""
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parents[2]

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
# Every slot the action server receives: the domain's, plus the one Rasa adds for forms.
SLOT_NAMES = tuple(DOMAIN["slots"]) + ("requested_slot",)


def make_tracker(slots: Optional[Dict[str, Any]] = None, text: str = "",
                 intent: str = "", entities: Optional[List[Dict[str, Any]]] = None,
                 ranking: Optional[List[Dict[str, Any]]] = None,
                 confidence: float = 1.0) -> Tracker:
    """A tracker as the action server receives it: slot values plus the latest message."""
    values = {name: None for name in SLOT_NAMES}
    values.update(slots or {})
    latest = {"text": text, "intent": {"name": intent, "confidence": confidence},
              "entities": entities or [], "intent_ranking": ranking or []}
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": latest}]
    return Tracker("test-visitor", values, latest, events, False, None, None, "action_listen")


def rasa_tracker_after(topic: Optional[str], gap: Optional[str] = None):
    """A Rasa server's tracker, as NLU components see it, whose last answer was on `topic`
    (the `last_topic` slot; None: no answer yet) and named `gap`, a topic the article never
    covers (the `last_gap` slot)."""
    from rasa.shared.core.events import ActionExecuted, SlotSet
    from rasa.shared.core.slots import TextSlot
    from rasa.shared.core.trackers import DialogueStateTracker
    slots = [TextSlot(name, mappings=[{"type": "custom"}]) for name in ("last_topic", "last_gap")]
    events = [SlotSet(name, value) for name, value in (("last_topic", topic), ("last_gap", gap))
              if value]
    if gap:  # named by the unknown-question answer, the last before this message
        events += [ActionExecuted("action_answer_unknown"), ActionExecuted("action_listen")]
    return DialogueStateTracker.from_events("visitor", events, slots=slots)


def rasa_tracker_in_form(requested: str):
    """A Rasa server's tracker inside the screening, asking for the slot `requested`."""
    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.slots import TextSlot
    from rasa.shared.core.trackers import DialogueStateTracker
    slots = [TextSlot(name, mappings=[{"type": "custom"}])
             for name in ("last_topic", "requested_slot")]
    return DialogueStateTracker.from_events("visitor", [SlotSet("requested_slot", requested)],
                                            slots=slots)


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture
def domain() -> Dict[str, Any]:
    return {}



@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline config.yml loads (build/spacy_pipeline, built by make)."""
    import spacy
    path = ROOT / "build" / "spacy_pipeline"
    if not path.exists():
        pytest.fail("build/spacy_pipeline is missing: run `make spacy` first")
    return spacy.load(path)


def reading_rule(name: str):
    """A reading stage holding only the rule `name`, with its settings from config.yml
    (nlu_components/reading/): `.process(messages, tracker)` as the full stage."""
    from nlu_components.reading.stage import ReadingRules
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    stage = next(c for c in config["pipeline"] if c["name"].endswith(".ReadingRules"))
    return ReadingRules({"rules": [r for r in stage["rules"] if r["name"] == name]})


def reading_rule_settings(name: str) -> Dict[str, Any]:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    stage = next(c for c in config["pipeline"] if c["name"].endswith(".ReadingRules"))
    return next(r for r in stage["rules"] if r["name"] == name)
