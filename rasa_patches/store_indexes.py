"""Loading a conversation stays cheap however long it has grown: two indexes and one query.

Rasa's SQL tracker store indexes `events` by sender only; loading a conversation looks up its
latest session start and the events after it, which reads every event the sender ever had
(7 ms for the first, 16 ms for both at 12 000 events on SQLite). The two indexes below make
both range lookups, created once at start (`IF NOT EXISTS`, SQLite and PostgreSQL; they change
no data). Rasa's query also says "after the session start, or everything if there is none"
with an OR that keeps the database from using an index; `event_query` says the same with
COALESCE (timestamps are positive). Measured by the growth table of
tests/e2e/test_adversarial.py. It also selects only the `data` column, the only one Rasa's two
callers read (loading parses each row's JSON; saving counts the rows): no ORM object is built
per stored event, which made loading a 43-event conversation 2.5x faster on SQLite (with
event_types.py; docs/performance.md).
"""
import logging

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SessionStarted
from sanic import Sanic

logger = logging.getLogger(__name__)

INDEXES = {
    "ix_events_sender_type_time": "events (sender_id, type_name, timestamp)",
    "ix_events_sender_time": "events (sender_id, timestamp)",
}


def sql_engine(tracker_store):
    """The SQLAlchemy engine under Rasa's tracker store wrappers, or None (not SQL)."""
    for _ in range(5):
        engine = getattr(tracker_store, "engine", None)
        if engine is not None:
            return engine
        tracker_store = getattr(tracker_store, "_tracker_store", None)
    return None


def event_query(self: SQLTrackerStore, session, sender_id: str,
                fetch_events_from_all_sessions: bool):
    """Rasa 3.6's SQLTrackerStore._event_query, with the session filter an index can serve,
    selecting each event's `data` only."""
    event_query = session.query(self.SQLEvent.data).filter(self.SQLEvent.sender_id == sender_id)
    if not fetch_events_from_all_sessions:
        session_start = (
            session.query(sa.func.max(self.SQLEvent.timestamp))
            .filter(self.SQLEvent.sender_id == sender_id,
                    self.SQLEvent.type_name == SessionStarted.type_name)
            .scalar_subquery())
        event_query = event_query.filter(
            self.SQLEvent.timestamp >= sa.func.coalesce(session_start, 0))
    return event_query.order_by(self.SQLEvent.id)


def apply() -> None:
    SQLTrackerStore._event_query = event_query


def create_indexes(engine) -> None:
    with engine.begin() as connection:
        for name, columns in INDEXES.items():
            connection.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}"))


def index_the_store_on_start(app: Sanic) -> None:
    if getattr(app.ctx, "store_indexed", False):
        return
    app.ctx.store_indexed = True

    async def index(app: Sanic, _loop) -> None:
        agent = getattr(app.ctx, "agent", None)
        engine = sql_engine(getattr(agent, "tracker_store", None))
        if engine is None:
            return
        try:
            create_indexes(engine)
        except Exception as error:  # the store works without them, only slower
            logger.warning("Could not add tracker-store indexes (%s): %s",
                           type(error).__name__, error)

    app.register_listener(index, "after_server_start")
