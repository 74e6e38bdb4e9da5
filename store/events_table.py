"""Rasa's SQL tracker store, read and pruned with plain SQL: one row per event in `events`
(id, sender_id, type_name, timestamp as Unix seconds, intent_name, action_name, data as JSON).

A conversation here is everything stored under one sender id. Its last activity is the
timestamp of its newest event: `purge_inactive` deletes conversations whose last activity is
older than a cutoff, whole, so no conversation is left cut in half.
"""
import json
import os
from dataclasses import dataclass
from typing import Iterator, Optional, Tuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

DEFAULT_URL = "sqlite:///rasa.db"  # as in the Makefile: the file in the project root


@dataclass(frozen=True)
class StoredEvent:
    sender_id: str
    type_name: str
    timestamp: float
    data: dict


def tracker_store_url() -> str:
    return os.environ.get("TRACKER_STORE_URL") or DEFAULT_URL


def open_store(url: Optional[str] = None) -> Engine:
    return sa.create_engine(url or tracker_store_url())


def has_events_table(engine: Engine) -> bool:
    """False before the Rasa server has ever stored a conversation."""
    return sa.inspect(engine).has_table("events")


def count_rows(connection: Connection, sender_id: Optional[str] = None) -> int:
    if sender_id is None:
        return connection.execute(sa.text("SELECT COUNT(*) FROM events")).scalar_one()
    return connection.execute(sa.text("SELECT COUNT(*) FROM events WHERE sender_id = :sender"),
                              {"sender": sender_id}).scalar_one()


def count_conversations(connection: Connection) -> int:
    return connection.execute(
        sa.text("SELECT COUNT(DISTINCT sender_id) FROM events")).scalar_one()


def overwrite_what_is_deleted(connection: Connection) -> None:
    """SQLite otherwise leaves deleted rows readable in the file's free pages until they are
    reused; PostgreSQL's dead rows go at its next (auto)vacuum."""
    if connection.dialect.name == "sqlite":
        connection.execute(sa.text("PRAGMA secure_delete = ON"))


def delete_conversation(connection: Connection, sender_id: str) -> int:
    """Deletes every event of one conversation; returns how many rows went."""
    overwrite_what_is_deleted(connection)
    result = connection.execute(sa.text("DELETE FROM events WHERE sender_id = :sender"),
                                {"sender": sender_id})
    return result.rowcount


# Conversations whose newest event is older than the cutoff.
_INACTIVE = "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"


def inactive_since(connection: Connection, cutoff: float) -> Tuple[int, int]:
    """(conversations, events) that `purge_inactive` would delete for this cutoff."""
    row = connection.execute(sa.text(
        f"SELECT COUNT(DISTINCT sender_id), COUNT(*) FROM events "
        f"WHERE sender_id IN ({_INACTIVE})"), {"cutoff": cutoff}).one()
    return row[0], row[1]


def purge_inactive(connection: Connection, cutoff: float) -> Tuple[int, int]:
    """Deletes every conversation whose last activity is before `cutoff` (Unix seconds);
    returns (conversations, events) deleted. Run inside one transaction."""
    conversations, _ = inactive_since(connection, cutoff)
    overwrite_what_is_deleted(connection)
    result = connection.execute(sa.text(f"DELETE FROM events WHERE sender_id IN ({_INACTIVE})"),
                                {"cutoff": cutoff})
    return conversations, result.rowcount


def read_events(engine: Engine) -> Iterator[StoredEvent]:
    """Every stored event, conversation by conversation, each in the order it was stored."""
    with engine.connect() as connection:
        rows = connection.execution_options(stream_results=True).execute(sa.text(
            "SELECT sender_id, type_name, timestamp, data FROM events "
            "ORDER BY sender_id, id"))
        for sender_id, type_name, timestamp, data in rows:
            try:
                parsed = json.loads(data) if data else {}
            except ValueError:  # a damaged row must not stop the report
                parsed = {}
            yield StoredEvent(sender_id, type_name, float(timestamp or 0.0), parsed)
