"""Every change this project makes to Rasa Open Source 3.6's own code, in one room, applied by one
call: `apply_all()`, from the first step of the NLU pipeline (nlu_components/rasa_patches_step.py,
listed first in config.yml), so every process that loads the model — `rasa run`, `rasa shell`,
`rasa test` — runs with the same Rasa. Nothing here is applied at import.

- action_validation.py replaces RemoteAction._validate_action_result: the stock check rebuilt
  its JSON schema validator on every action call (44% of the server's CPU under load).
- session_limit.py replaces MessageProcessor._has_session_expired and
  ActionSessionStart._slot_set_events_from_tracker: a session is cut at a length, so message
  2000 costs what message 1 does, and each slot is carried once.
- erasure.py replaces MessageProcessor.save_tracker: "delete my conversation" erases it (Rasa
  cannot delete a conversation, and an action cannot: the save after it would store it again).
- event_types.py replaces Event.resolve_by_type: a table, not a walk over every Event subclass
  for each stored event read.
- store_indexes.py replaces SQLTrackerStore._event_query: only the events' data column, read
  with indexes the store lacks.

Each refuses any Rasa other than 3.6.x (rasa_version.py), loudly, at the call: a patch written for
one version's private methods must not silently run on another's. Why each, in detail: its
module's docstring; what they gained: docs/performance.md.
"""
from rasa_patches import action_validation, erasure, event_types, session_limit, store_indexes
from rasa_patches.rasa_version import require_supported_rasa

_applied = False


def apply_all() -> None:
    """Applies every patch once; a second call does nothing."""
    global _applied
    require_supported_rasa("rasa_patches/ (its modules replace methods of Rasa 3.6)")
    if _applied:
        return
    action_validation.apply()
    session_limit.apply()
    erasure.apply()
    event_types.apply()
    store_indexes.apply()
    _applied = True
