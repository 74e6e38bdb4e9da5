"""The privacy answer names the retention period `make purge` applies (RETENTION_DAYS) and how
to delete now; a bad RETENTION_DAYS is refused rather than misreported."""
import pytest

from actions.privacy import ActionExplainPrivacy
from conftest import make_tracker
from core.retention import parse_retention_days, retention_days


def test_the_answer_gives_the_configured_period(dispatcher, domain, monkeypatch):
    monkeypatch.setenv("RETENTION_DAYS", "14")
    ActionExplainPrivacy().run(dispatcher, make_tracker(text="do you store my data?",
                                                        intent="ask_privacy"), domain)
    text = dispatcher.messages[0]["text"]
    assert "deleted 14 days after your last message" in text
    assert "delete my conversation" in text


def test_the_default_is_30_days(monkeypatch):
    monkeypatch.delenv("RETENTION_DAYS", raising=False)
    assert retention_days() == 30


@pytest.mark.parametrize("value", ["0", "-1", "thirty", "1.5", ""])
def test_a_bad_period_is_refused(value):
    with pytest.raises(ValueError):
        parse_retention_days(value)
