import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SLOT_NAMES = ("body_area", "skin_tone", "condition", "num_sessions", "last_topic",
              "screen_wounds_or_infection", "screen_scars", "screen_poor_healing",
              "screen_darker_skin", "screening_unclear", "requested_slot")


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


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture
def domain() -> Dict[str, Any]:
    return {}


def load_script(name: str):
    """A script of scripts/ (not a package) as a module, to call its main() in-process."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(name.replace(".", "_"), ROOT / "scripts" / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
