"""Erases a visitor's whole conversation when they ask ("delete my conversation").

Rasa Open Source cannot delete a conversation (RasaHQ/rasa#10719), and an action cannot do it:
the Rasa server saves the tracker after the actions have run, which would store the
conversation again. So the erasure happens here, in the Rasa server, at that save: when the
turn just handled ran ERASING_RESPONSE (the reply to the `delete_conversation` intent, see
data/rules/privacy.yml), nothing is saved and every event stored under the sender id is
deleted from the tracker store instead (SQL: the `events` rows; in memory: the tracker). The
conversation's lock is still held then, so no other message of it is processed meanwhile, and
the lock store drops the lock as usual once the message is done.

Applied by rasa_patches.apply_all(), so `rasa run` and `rasa shell` alike erase. It replaces
MessageProcessor.save_tracker of Rasa 3.6; other versions are refused.
"""
import logging

from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_patches.rasa_version import require_supported_rasa
from rasa_patches.store_indexes import sql_engine
from store.events_table import delete_conversation

logger = logging.getLogger(__name__)

ERASING_RESPONSE = "utter_conversation_deleted"
_stock_save_tracker = MessageProcessor.save_tracker


def erasure_requested(tracker: DialogueStateTracker) -> bool:
    """The turn since the latest visitor message ran ERASING_RESPONSE."""
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted) and event.action_name == ERASING_RESPONSE:
            return True
        if isinstance(event, UserUttered):
            return False
    return False


def in_memory_trackers(tracker_store):
    """The dict of an in-memory tracker store under Rasa's wrappers, or None."""
    for _ in range(5):
        trackers = getattr(tracker_store, "store", None)
        if isinstance(trackers, dict):
            return trackers
        tracker_store = getattr(tracker_store, "_tracker_store", None)
    return None


def erase(tracker_store, sender_id: str) -> int:
    """Deletes every stored event of `sender_id`; returns the number of SQL rows deleted."""
    engine = sql_engine(tracker_store)
    if engine is not None:
        with engine.begin() as connection:
            return delete_conversation(connection, sender_id)
    trackers = in_memory_trackers(tracker_store)
    if trackers is not None:
        trackers.pop(sender_id, None)
        return 0
    raise RuntimeError(f"cannot erase from a {type(tracker_store).__name__}")


async def save_or_erase(self: MessageProcessor, tracker: DialogueStateTracker) -> None:
    if not erasure_requested(tracker):
        await _stock_save_tracker(self, tracker)
        return
    try:
        rows = erase(self.tracker_store, tracker.sender_id)
    except Exception as error:  # nothing of this turn is saved; `make purge` removes the rest
        logger.error("Could not erase a conversation (%s): %s", type(error).__name__, error)
        return
    logger.info("Erased a conversation at the visitor's request (%d stored events).", rows)


def apply() -> None:
    require_supported_rasa("erasure.py (it replaces MessageProcessor.save_tracker)")
    MessageProcessor.save_tracker = save_or_erase
