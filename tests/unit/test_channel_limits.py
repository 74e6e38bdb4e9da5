"""The channels' request limits: framing, request parsing, conversation ids, rate limit and
session length (channels/http_limits.py, rest.py, session_ids.py, rate_limit.py,
session_limit.py). End to end, tests/e2e/test_adversarial.py probes the running server."""
import json

import pytest
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sanic.exceptions import InvalidUsage

from channels import rest, session_ids
from channels.guard import EMPTY_REPLY, TOO_LONG_REPLY, UNREADABLE_REPLY, screen
from channels.http_limits import check_framing
from channels.rate_limit import RateLimiter
from rasa_patches.session_limit import events_since_session_start, session_is_full


class FakeHeaders(dict):
    def getall(self, name, default=None):
        value = self.get(name)
        return default if value is None else list(value)

    def get(self, name, default=None):  # noqa: D102 (dict.get, lists of values)
        return super().get(name, default)


class FakeRequest:
    def __init__(self, headers=None, body=b""):
        self.headers = FakeHeaders(headers or {})
        self.body = body


@pytest.mark.parametrize("headers", [
    {"content-length": ["-5"]}, {"content-length": ["-1"]}, {"content-length": ["abc"]},
    {"content-length": ["1e3"]}, {"content-length": ["10", "10"]},
    {"content-length": ["9" * 20]},
    {"transfer-encoding": ["gzip, chunked"]}, {"transfer-encoding": ["identity"]},
    {"transfer-encoding": ["chunked"], "content-length": ["5"]},
])
def test_bad_framing_is_refused(headers):
    with pytest.raises(InvalidUsage):
        check_framing(FakeRequest(headers))


@pytest.mark.parametrize("headers", [
    {}, {"content-length": ["0"]}, {"content-length": ["512"]},
    {"transfer-encoding": ["chunked"]}, {"transfer-encoding": ["Chunked"]},
])
def test_good_framing_passes(headers):
    check_framing(FakeRequest(headers))


def json_request(body, content_type="application/json"):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return FakeRequest({"content-type": content_type}, raw)


@pytest.mark.parametrize("request_", [
    json_request({"sender": "a", "message": "hi"}, content_type="text/plain"),
    json_request(b'{"sender": "\\ud800", "message": "hi"}'),
    json_request(b'{"sender": "a", "message": "hi \\udfff"}'),
    json_request(b'{"sender": "a", "message": "hi", "metadata": {"\\ud800": 1}}'),
    json_request(b'{"sender": "a", "message": ' + b"[" * 5000 + b"]" * 5000 + b"}"),
    json_request(b'{"sender": "a", "message": ' + b"9" * 5000 + b"}"),
    json_request(b'{"sender": "a", "message": {"a": {"b": {"c": {"d": 1}}}}}'),
    json_request(b"\xff\xfe"), json_request(b"[1, 2]"), json_request(b"{"),
    json_request({"sender": "x" * 129, "message": "hi"}),
    json_request({"sender": "has space", "message": "hi"}),
    json_request({"sender": "", "message": "hi"}),
    json_request({"sender": session_ids.issue(), "message": "hi"}),
    json_request({"sender": "a", "message": 5}),
])
def test_bad_rest_requests_are_refused_with_a_reason(request_):
    with pytest.raises(InvalidUsage) as refused:
        rest.parse_request(request_)
    assert str(refused.value)


def test_a_good_rest_request_is_read():
    assert rest.parse_request(json_request({"sender": "tester-1", "message": "hi"})) == {
        "sender": "tester-1", "message": "hi"}


def test_conversation_ids_are_issued_signed_and_unforgeable(tmp_path, monkeypatch):
    monkeypatch.setenv("SESSION_ID_KEY_FILE", str(tmp_path / "key"))
    monkeypatch.delenv("SESSION_ID_KEY", raising=False)
    session_ids._key.cache_clear()
    try:
        first, second = session_ids.issue(), session_ids.issue()
        assert first != second and session_ids.is_issued(first)
        assert session_ids.ID_FORM.fullmatch(first)
        random_part, signature = first.split(".")
        forged = f"{'0' * 32}.{signature}"
        assert not session_ids.is_issued(forged)
        for other in ["alice", "", None, 42, first + "x", first.upper(), "\ud800"]:
            assert not session_ids.is_issued(other)
        assert oct((tmp_path / "key").stat().st_mode & 0o777) == "0o600"
        session_ids._key.cache_clear()  # a restarted server reads the same key
        assert session_ids.is_issued(first)
    finally:
        session_ids._key.cache_clear()


def test_rate_limit_allows_a_burst_then_the_rate():
    limiter = RateLimiter(per_minute=30, burst=3, clock=lambda: 0.0)
    assert [limiter.allow("a", now=0.0) for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b", now=0.0)          # another visitor is not affected
    assert not limiter.allow("a", now=1.0)      # half a token back after 1 s
    assert limiter.allow("a", now=2.5)          # a whole token after 2 s


def test_rate_limit_table_is_bounded_and_can_be_off():
    limiter = RateLimiter(per_minute=30, burst=1, max_senders=100)
    for number in range(1000):
        limiter.allow(f"sender-{number}", now=0.0)
    assert len(limiter.buckets) == 100
    off = RateLimiter(per_minute=0)
    assert all(off.allow("a", now=0.0) for _ in range(100))


def tracker_with(events):
    return DialogueStateTracker.from_events("visitor", events)


def test_a_session_is_full_after_the_limit_but_never_inside_a_form():
    events = [SessionStarted()] + [UserUttered("hi"), ActionExecuted("action_listen")] * 30
    assert events_since_session_start(tracker_with(events)) == 60
    assert session_is_full(tracker_with(events), limit=50)
    assert not session_is_full(tracker_with(events), limit=60)
    in_form = tracker_with(events)
    in_form.change_loop_to("screening_form")
    assert not session_is_full(in_form, limit=50)
    restarted = tracker_with(events + [SessionStarted(), UserUttered("hi")])
    assert events_since_session_start(restarted) == 1


@pytest.mark.parametrize("text, expected", [
    ("\u200b", (None, EMPTY_REPLY)),                 # zero-width space only
    ("\x00", (None, EMPTY_REPLY)),                   # NUL only
    ("\u0301\u0301\u0301", (None, EMPTY_REPLY)),     # combining marks only
    ("\u202e\u2066", (None, EMPTY_REPLY)),           # direction controls only
    ("hi \ud800", (None, UNREADABLE_REPLY)),         # a lone surrogate
    ("does\x00 it hurt?", ("does it hurt?", None)),
    ("does\x00it hurt?", ("does it hurt?", None)),      # a control character parts words
    ("does it\u200b hurt?", ("does it hurt?", None)),
    ("caf\u00e9?", ("caf\u00e9?", None)),
    ("\U0001F44D", ("\U0001F44D", None)),            # an emoji is something to read
    ("\U0001F600" * 400, (None, TOO_LONG_REPLY)),    # escaped, it would store 4.8 kB
    ("\U0001F600" * 133, ("\U0001F600" * 133, None)),
    ("\U0001F600" * 134, (None, TOO_LONG_REPLY)),
])
def test_screen_drops_what_cannot_be_read(text, expected):
    assert screen(text) == expected


def test_a_new_session_carries_each_slot_once_with_its_last_value():
    from rasa.shared.core.events import SlotSet

    from rasa_patches.session_limit import carried_slots
    tracker = tracker_with([SessionStarted(), SlotSet("last_topic", "cost"), UserUttered("hi"),
                            SlotSet("last_topic", "pain"), SlotSet("skin_tone", "darker"),
                            SlotSet("last_topic", "downtime")])
    assert [(e.key, e.value) for e in carried_slots(tracker)] == [("last_topic", "downtime"),
                                                                  ("skin_tone", "darker")]


def test_a_session_is_cut_after_a_question_and_the_new_one_starts_with_the_asking_action():
    from rasa.shared.core.events import BotUttered, SlotSet

    from rasa_patches.session_limit import carried_events
    events = [SessionStarted()] + [UserUttered("hi"), ActionExecuted("action_listen")] * 30
    asked = tracker_with(events + [SlotSet("last_topic", "pain"),
                                   ActionExecuted("action_answer_pain"),
                                   BotUttered("You'll probably feel a pricking sensation."),
                                   ActionExecuted("action_ask_feedback"),
                                   BotUttered("Was this helpful?"),
                                   ActionExecuted("action_listen")])
    assert session_is_full(asked, limit=50)
    carried = carried_events(asked)
    assert [(e.key, e.value) for e in carried if isinstance(e, SlotSet)] == [("last_topic",
                                                                             "pain")]
    assert isinstance(carried[-1], ActionExecuted)
    assert carried[-1].action_name == "action_ask_feedback"
    # An answer with no question after it: only the slots.
    told = tracker_with(events + [ActionExecuted("action_answer_cost"),
                                  BotUttered("It costs $300 to $400 a session."),
                                  ActionExecuted("action_listen")])
    assert not any(isinstance(e, ActionExecuted) for e in carried_events(told))
    # A question already answered (the visitor spoke since): nothing pending.
    answered = tracker_with(events + [ActionExecuted("action_ask_feedback"),
                                      BotUttered("Was this helpful?"),
                                      ActionExecuted("action_listen"), UserUttered("yes")])
    assert not any(isinstance(e, ActionExecuted) for e in carried_events(answered))


def test_the_store_indexes_make_loading_a_range_lookup(tmp_path):
    import sqlalchemy as sa

    from rasa_patches.store_indexes import INDEXES, create_indexes
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'store.db'}")
    with engine.begin() as connection:  # the shape of Rasa's events table
        connection.execute(sa.text(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, "
            "type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255), "
            "action_name VARCHAR(255), data TEXT)"))
        connection.execute(sa.text("CREATE INDEX ix_events_sender_id ON events (sender_id)"))
    create_indexes(engine)
    create_indexes(engine)  # idempotent
    with engine.connect() as connection:
        names = {row[0] for row in connection.execute(sa.text(
            "SELECT name FROM sqlite_master WHERE type = 'index'"))}
        plan = " ".join(str(row) for row in connection.execute(sa.text(
            "EXPLAIN QUERY PLAN SELECT MAX(timestamp) FROM events WHERE sender_id = 'a' "
            "AND type_name = 'session_started'")))
    assert set(INDEXES) <= names
    assert "ix_events_sender_type_time" in plan


def test_the_indexed_event_query_loads_what_rasas_query_loads(tmp_path):
    import asyncio

    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    from rasa_patches import store_indexes
    stock_query = SQLTrackerStore._event_query
    store = SQLTrackerStore(Domain.empty(), db=str(tmp_path / "store.db"))
    sessions = {
        "one-session": [UserUttered("a"), ActionExecuted("action_listen"), UserUttered("b")],
        "two-sessions": [SessionStarted(), UserUttered("old"), SessionStarted(),
                         UserUttered("new")],
    }
    for sender, events in sessions.items():
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))

    def loaded(sender, all_sessions):
        with store.session_scope() as session:
            return [row.data for row in store._event_query(session, sender, all_sessions)]

    def retrieved(sender):
        return list(asyncio.run(store.retrieve(sender)).events)

    try:
        stock = {(s, a): loaded(s, a) for s in sessions for a in (False, True)}
        stock_trackers = {s: retrieved(s) for s in sessions}
        store_indexes.apply()
        assert {(s, a): loaded(s, a) for s in sessions for a in (False, True)} == stock
        assert ['"new"' in row for row in stock[("two-sessions", False)]] == [False, True]
        # Loading and saving read only the rows' data: the same trackers, and a save after
        # loading stores just the new event.
        assert {s: retrieved(s) for s in sessions} == stock_trackers
        with store.session_scope() as session:
            columns = store._event_query(session, "one-session", False).column_descriptions
        assert [column["name"] for column in columns] == ["data"]
        for sender, expected in (("one-session", ["a", "b", "c"]),
                                 ("two-sessions", ["new", "c"])):
            tracker = asyncio.run(store.retrieve(sender))
            tracker.update(UserUttered("c"))
            asyncio.run(store.save(tracker))
            assert [e.text for e in retrieved(sender) if isinstance(e, UserUttered)] == expected
    finally:
        SQLTrackerStore._event_query = stock_query
