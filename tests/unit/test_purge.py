"""`make purge` on a SQLite store seeded with Rasa's SQLTrackerStore: a conversation goes whole
once its last activity is older than the retention period; one still in use stays whole."""
import sqlalchemy as sa
import pytest

from harness.seeded_store import seed

from store import purge
DAY = 24 * 3600
NOW = 1_800_000_000.0
TURN = ("how much is it?", "ask_cost", ["action_answer_cost"], [], 0.1, None)
PRIVATE = ("is it ok with my eczema flare on the chin?", "ask_suitability", [], [], 0.1, None)


def rows_by_sender(url):
    with sa.create_engine(url).connect() as connection:
        return dict(connection.execute(sa.text(
            "SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id")).fetchall())


@pytest.fixture
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    seed(url, {
        "old": (NOW - 40 * DAY, [TURN, PRIVATE]),
        "old-but-active": (NOW - 40 * DAY, [TURN]),
        "recent": (NOW - 2 * DAY, [TURN]),
    })
    seed(url, {"old-but-active": (NOW - 1 * DAY, [TURN])})  # came back yesterday
    return url


def test_purge_deletes_whole_inactive_conversations_only(store, capsys, tmp_path):
    before = rows_by_sender(store)
    assert purge.main(["--url", store, "--days", "30", "--now", str(NOW)]) == 0
    after = rows_by_sender(store)
    assert "old" not in after
    assert after == {k: v for k, v in before.items() if k != "old"}  # the others untouched
    out = capsys.readouterr().out
    assert f"deleted 1 conversation(s), {before['old']} event(s)" in out
    assert "old-but-active" not in out and "how much" not in out  # counts only
    # Not left readable in the SQLite file's free pages either (secure_delete).
    assert b"eczema flare on the chin" not in (tmp_path / "tracker.db").read_bytes()


def test_retention_days_comes_from_the_environment(store, monkeypatch):
    monkeypatch.setenv("RETENTION_DAYS", "1")
    purge.main(["--url", store, "--now", str(NOW)])
    assert set(rows_by_sender(store)) == {"old-but-active"}  # last active under a day ago


def test_dry_run_deletes_nothing(store, capsys):
    before = rows_by_sender(store)
    purge.main(["--url", store, "--days", "30", "--now", str(NOW), "--dry-run"])
    assert rows_by_sender(store) == before
    assert "would delete 1 conversation(s)" in capsys.readouterr().out


@pytest.mark.parametrize("days", ["0", "-3", "thirty"])
def test_a_bad_retention_period_is_refused(store, days):
    with pytest.raises(SystemExit):
        purge.main(["--url", store, "--days", days])


def test_a_store_never_written_is_fine(tmp_path, capsys):
    assert purge.main(["--url", f"sqlite:///{tmp_path / 'none.db'}"]) == 0
    assert "nothing to delete" in capsys.readouterr().out


def test_a_bad_retention_period_in_the_environment_is_refused(store, monkeypatch):
    monkeypatch.setenv("RETENTION_DAYS", "0")
    with pytest.raises(SystemExit):
        purge.main(["--url", store])
    assert "old" in rows_by_sender(store)  # nothing deleted


def test_callback_requests_older_than_the_period_go_and_newer_ones_stay(store, capsys):
    from datetime import datetime, timezone

    from store import callback_requests
    at = lambda seconds: datetime.fromtimestamp(seconds, timezone.utc)  # noqa: E731
    callback_requests.add_request("Old Caller", "old@example.com", "mornings", url=store,
                                  now=at(NOW - 40 * DAY))
    callback_requests.add_request("New Caller", "new@example.com", "evenings", url=store,
                                  now=at(NOW - 2 * DAY))
    assert purge.main(["--url", store, "--days", "30", "--now", str(NOW), "--dry-run"]) == 0
    assert "would delete 1 callback request(s)" in capsys.readouterr().out
    assert len(callback_requests.list_requests(store)) == 2
    assert purge.main(["--url", store, "--days", "30", "--now", str(NOW)]) == 0
    assert "deleted 1 callback request(s)" in capsys.readouterr().out
    assert [r["name"] for r in callback_requests.list_requests(store)] == ["New Caller"]
