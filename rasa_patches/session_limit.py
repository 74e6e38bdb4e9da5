"""A long conversation starts a new session, so each message costs the same however long it is.

Rasa loads a conversation from its latest session start and runs the policies over the events
since then; one session of thousands of messages makes every new message slower
(docs/performance.md, "Hostile requests and long conversations"). Rasa starts a session only after
`session_expiration_time` minutes of silence; this adds a second reason: more than
MAX_SESSION_EVENTS events since the session began. The new session keeps the slots
(`carry_over_slots_to_new_session` in domain.yml), so the last topic, the visitor's conditions
and the screening answers stay; every earlier event stays in the tracker store. A session is
never cut inside a form (it would drop the form). When the assistant's last words asked
something ("Was this helpful?", "Would you like …?"), the new session starts with the action
that asked, so the rule that reads the answer still applies: nearly every answer ends with a
question, so a session that waited for a turn without one would grow without end. The growth
table is measured by tests/e2e/test_adversarial.py.

Rasa's `action_session_start` carries slots by copying every SlotSet event of the session, not
each slot's last value: each new session would start with all the old ones, and a session cut
for length would be full again at once. `carried_events` carries one SlotSet per slot, then the
action that asked the pending question, if any.

Applied by rasa_patches.apply_all(); it replaces one method of Rasa 3.6's MessageProcessor,
so it refuses any other Rasa version.
"""
import os

from typing import List, Optional

from rasa.core.actions.action import ActionSessionStart
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import ActionExecuted, Event, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_patches.rasa_version import require_supported_rasa

# The policies re-read every event of the session for each prediction, so a message costs more
# the fuller its session (the growth table, tests/e2e/test_adversarial.py): keep sessions short.
MAX_SESSION_EVENTS = int(os.environ.get("MAX_SESSION_EVENTS", "60"))
_stock_has_session_expired = MessageProcessor._has_session_expired


def events_since_session_start(tracker: DialogueStateTracker) -> int:
    count = 0
    for event in reversed(tracker.events):
        if event.type_name == "session_started":
            break
        count += 1
    return count


def awaits_an_answer(tracker: DialogueStateTracker) -> bool:
    """The assistant's last words asked the visitor something ("Would you like …?"): the
    answer must land in the same session, where the question is."""
    last = tracker.latest_bot_utterance
    return bool(last and (last.text or "").rstrip().endswith("?"))


def session_is_full(tracker: DialogueStateTracker, limit: int = MAX_SESSION_EVENTS) -> bool:
    return tracker.active_loop_name is None and events_since_session_start(tracker) > limit


def _has_session_expired(self: MessageProcessor, tracker: DialogueStateTracker) -> bool:
    return _stock_has_session_expired(self, tracker) or (
        self.domain.session_config.are_sessions_enabled() and session_is_full(tracker))


def carried_slots(tracker: DialogueStateTracker) -> List[SlotSet]:
    """One SlotSet per slot set in the session, with its last value, in first-set order."""
    latest = {}
    for event in tracker.applied_events():
        if isinstance(event, SlotSet):
            latest[event.key] = event
    return [SlotSet(key=event.key, value=event.value, metadata=event.metadata)
            for event in latest.values()]


def asking_action(tracker: DialogueStateTracker) -> Optional[str]:
    """The action whose reply asked the question the visitor has not answered yet, if any."""
    if not awaits_an_answer(tracker):
        return None
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted) and event.action_name != "action_listen":
            return event.action_name
        if event.type_name == "user":
            return None
    return None


def carried_events(tracker: DialogueStateTracker) -> List[Event]:
    """What a new session starts with (before Rasa's action_listen): the slots, then the
    action that asked a pending question, recorded again (not run again: nothing is sent)."""
    asked = asking_action(tracker)
    return carried_slots(tracker) + ([ActionExecuted(asked)] if asked else [])


def apply() -> None:
    require_supported_rasa("session_limit.py (it replaces MessageProcessor._has_session_expired)")
    MessageProcessor._has_session_expired = _has_session_expired
    ActionSessionStart._slot_set_events_from_tracker = staticmethod(carried_events)
