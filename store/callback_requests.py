"""Callback requests: the table `callback_requests` in the tracker store's database (SQLite
file by default, PostgreSQL when TRACKER_STORE_URL says so), written by the action server
(actions/callback.py) only after the visitor agreed, read by the review report and deleted
by age by the purge (both `created_at`-based; see docs/clinic.md).

One row per request: id, created_at (UTC, indexed so that a purge by age is cheap), name,
contact (phone or email), preferred_time. No sender id: a request cannot be traced back to
its conversation, so erasing a conversation and purging requests stay independent.

The chat endpoint is public, and the rate limit is per conversation: a script opening new
conversations could store requests without end. So at most MAX_REQUESTS_PER_DAY are taken in
any 24 hours; beyond that `add_request` stores nothing and says so, and the visitor is given the
clinic's own contact channels instead (actions/callback.py).
"""
import os
import threading
from datetime import datetime, timedelta, timezone
from typing import List, Optional

import sqlalchemy as sa
from sqlalchemy.engine import Engine

DEFAULT_URL = "sqlite:///rasa.db"  # as in the Makefile and endpoints.yml
# Far more callbacks than a clinic makes in a day, far fewer than a flood would store.
MAX_REQUESTS_PER_DAY = 500

metadata = sa.MetaData()
callback_requests = sa.Table(
    "callback_requests", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("contact", sa.String(254), nullable=False),
    sa.Column("preferred_time", sa.String(200), nullable=False),
)

_engines = {}
_engines_lock = threading.Lock()


def tracker_store_url() -> str:
    return os.environ.get("TRACKER_STORE_URL") or DEFAULT_URL


def engine_for(url: Optional[str] = None) -> Engine:
    """One engine per URL, with the table created the first time (idempotent)."""
    url = url or tracker_store_url()
    with _engines_lock:
        if url not in _engines:
            engine = sa.create_engine(url, pool_pre_ping=True)
            metadata.create_all(engine, checkfirst=True)
            _engines[url] = engine
        return _engines[url]


def add_request(name: str, contact: str, preferred_time: str, url: Optional[str] = None,
                now: Optional[datetime] = None, max_per_day: Optional[int] = None) -> bool:
    """Stores the request; False, storing nothing, when `max_per_day` (MAX_REQUESTS_PER_DAY
    unless given) requests were already taken in the 24 hours before `now`."""
    now = now or datetime.now(timezone.utc)
    limit = MAX_REQUESTS_PER_DAY if max_per_day is None else max_per_day
    with engine_for(url).begin() as connection:
        taken = connection.execute(
            sa.select(sa.func.count()).select_from(callback_requests)
            .where(callback_requests.c.created_at > now - timedelta(days=1))).scalar()
        if taken >= limit:
            return False
        connection.execute(callback_requests.insert().values(
            created_at=now, name=name, contact=contact, preferred_time=preferred_time))
        return True


def list_requests(url: Optional[str] = None) -> List[dict]:
    """Every stored request, oldest first (for the tests)."""
    return read_requests(engine_for(url))


def read_requests(engine: Engine) -> List[dict]:
    """Every stored request, oldest first; none, and no table created, where the assistant
    never stored one (the review report reads the clinic's store without changing it)."""
    if not sa.inspect(engine).has_table(callback_requests.name):
        return []
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(callback_requests).order_by(callback_requests.c.created_at))
        return [dict(row._mapping) for row in rows]


def in_utc(created_at: datetime) -> datetime:
    """A stored `created_at` as an aware UTC time: SQLite gives the stored UTC time back
    without its zone, PostgreSQL an aware time in the session's zone."""
    if created_at.tzinfo is None:
        return created_at.replace(tzinfo=timezone.utc)
    return created_at.astimezone(timezone.utc)


def delete_older_than(cutoff: datetime, url: Optional[str] = None) -> int:
    """Deletes the requests made before `cutoff` (UTC); returns how many went."""
    with engine_for(url).begin() as connection:
        result = connection.execute(
            callback_requests.delete().where(callback_requests.c.created_at < cutoff))
        return result.rowcount
