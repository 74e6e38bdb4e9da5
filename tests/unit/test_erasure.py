"""The Rasa-server side of "delete my conversation" (rasa_patches/erasure.py): after the reply
utter_conversation_deleted, the save that would store the turn deletes every stored event of
the conversation instead; any other turn is saved as usual. Against Rasa's SQLTrackerStore on
SQLite and its in-memory store (the real servers on SQLite and PostgreSQL:
tests/e2e/test_privacy.py)."""
import asyncio

import sqlalchemy as sa
from rasa.core.processor import MessageProcessor
from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_patches import erasure
from harness.seeded_store import seed

TURN = ("how much is it?", "ask_cost", ["action_answer_cost"], [], 0.1, None)


class Processor:
    """Just what save_tracker needs of a MessageProcessor."""

    def __init__(self, tracker_store):
        self.tracker_store = tracker_store


def delete_turn(sender, previous_events=()):
    return DialogueStateTracker.from_events(sender, list(previous_events) + [
        UserUttered("please delete my conversation", {"name": "delete_conversation"}),
        ActionExecuted(erasure.ERASING_RESPONSE),
        BotUttered("Done: I've deleted this conversation."),
        ActionExecuted("action_listen")])


def rows(url):
    with sa.create_engine(url).connect() as connection:
        return dict(connection.execute(sa.text(
            "SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id")).fetchall())


def test_a_delete_turn_erases_the_conversation_and_nothing_else(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    private = ("my keloid scar on my left cheek?", "ask_risk", ["action_answer_risk"], [], 0.1,
               None)
    store = seed(url, {"asker": (1e9, [TURN, private]), "other": (1e9, [TURN])})
    before = rows(url)
    tracker = asyncio.run(store.retrieve_full_tracker("asker"))
    asyncio.run(erasure.save_or_erase(Processor(store), delete_turn("asker", tracker.events)))
    assert rows(url) == {"other": before["other"]}
    # Not left readable in the file's free pages either (SQLite's secure_delete).
    store.engine.dispose()
    assert b"keloid scar on my left cheek" not in (tmp_path / "tracker.db").read_bytes()


def test_an_ordinary_turn_is_saved(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    store = SQLTrackerStore(Domain.empty(), host=url)
    tracker = DialogueStateTracker.from_events("asker", [
        UserUttered("delete conversation? no, how much is it", {"name": "ask_cost"}),
        ActionExecuted("action_answer_cost"), ActionExecuted("action_listen")])
    asyncio.run(erasure.save_or_erase(Processor(store), tracker))
    assert rows(url) == {"asker": 3}


def test_only_the_latest_turn_counts():
    earlier_delete = delete_turn("asker").events
    tracker = DialogueStateTracker.from_events("asker", list(earlier_delete) + [
        UserUttered("how much is it?", {"name": "ask_cost"}), ActionExecuted("action_answer_cost")])
    assert erasure.erasure_requested(delete_turn("asker"))
    assert not erasure.erasure_requested(tracker)


def test_the_in_memory_store_forgets_the_conversation():
    store = InMemoryTrackerStore(Domain.empty())
    asyncio.run(store.save(DialogueStateTracker.from_events("asker", [
        UserUttered("hi", {"name": "greet"})])))
    asyncio.run(erasure.save_or_erase(Processor(store), delete_turn("asker")))
    assert list(asyncio.run(store.keys())) == []


def test_apply_replaces_the_save():
    stock = MessageProcessor.save_tracker
    try:
        erasure.apply()
        assert MessageProcessor.save_tracker is erasure.save_or_erase
    finally:
        MessageProcessor.save_tracker = stock
