"""The review report and its export on a store seeded with Rasa's own SQLTrackerStore: the page
shows the known counts, groups the unanswered questions, embeds its charts, names no sender
and fetches nothing; the export is valid Rasa NLU data."""
import re

import pytest
import yaml
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

from review.feedback import FEEDBACK_SLOT, answer_feedback
from review.grouping import content_words, group_questions, jaccard
from review.summary import summarise
from review.turns import visitor_turns
from store import callback_requests
from store.events_table import open_store, read_events
from harness.seeded_store import EXPECTED, SEEDED, seed

import review.__main__ as scripts_review


@pytest.fixture(scope="module")
def store_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('review') / 'tracker.db'}"
    seed(url)
    return url


@pytest.fixture(scope="module")
def summary(store_url):
    events = list(read_events(open_store(store_url)))
    return summarise(list(visitor_turns(events)), answer_feedback(events))


def test_the_counts_match_the_seeded_conversations(summary):
    assert summary.conversations == EXPECTED["conversations"]
    assert summary.messages == EXPECTED["messages"]
    assert {d.isoformat(): v for d, v in summary.per_day.items()} == EXPECTED["per_day"]
    assert dict(summary.per_intent) == EXPECTED["per_intent"]
    assert summary.unanswered_count == EXPECTED["unanswered"]
    assert {g.label: g.count for g in summary.unanswered} == EXPECTED["unanswered_groups"]
    assert len(summary.escalated) == EXPECTED["escalated"]
    assert round(summary.latency_percentile(50) * 1000) == EXPECTED["median_ms"]
    assert round(summary.latency_percentile(95) * 1000) == EXPECTED["p95_ms"]
    assert len(summary.feedback) == EXPECTED["helpful"] + EXPECTED["not_helpful"]
    assert [(r.topic, r.question) for r in summary.not_helpful] == [("cost", "how much is it?")]


def test_the_page_shows_the_counts_and_names_no_sender(store_url, tmp_path):
    page, export = tmp_path / "review.html", tmp_path / "unanswered.yml"
    assert scripts_review.main(["--url", store_url, "--out", str(page),
                                "--export", str(export)]) == 0
    html = page.read_text(encoding="utf-8")
    for sender in SEEDED:
        assert sender not in html and sender.split("-")[1] not in html
    text = re.sub(r"<[^>]+>", " ", html)
    assert re.search(r"Conversations\s+3\b", text) and re.search(r"Visitor messages\s+8\b", text)
    assert re.search(r"Not answered\s+4\b", text)
    assert re.search(r"Complications sent to care\s+2\b", text)
    assert re.search(r"rated helpful\s+1\b", text)
    assert re.search(r"rated not helpful\s+1\b", text)
    assert re.search(r"2026-11-01\s+cost\s+how much is it\?", text)  # listed with its question
    assert re.search(r"Callback requests\s+0\b", text)
    assert re.search(r"2026-11-01\s+2\s+5\b", text) and re.search(r"2026-11-02\s+1\s+3\b", text)
    assert "400 ms" in text and "800 ms" in text
    assert "my face is swollen and bleeding" in text  # escalated, listed
    assert html.count('src="data:image/png;base64,') == 3  # per day, per topic, reply time
    # Self-contained: no script, nothing fetched from anywhere.
    assert "<script" not in html and not re.search(r"(src|href)=\"(?!data:)", html)
    assert page.stat().st_mode & 0o077 == 0  # private to its owner
    assert "what is microneedling" not in text  # rated helpful: counted, not listed


def test_visitor_text_is_escaped(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    seed(url, {"x": (0.0 + 1e9, [("<img src=x onerror=alert(1)> ok?", "out_of_scope",
                                   ["action_answer_unknown"], [], 0.1, None)])})
    page = tmp_path / "review.html"
    scripts_review.main(["--url", url, "--out", str(page)])
    html = page.read_text(encoding="utf-8")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt; ok?" in html


def test_the_export_is_nlu_training_data_with_every_unanswered_wording(store_url, tmp_path):
    export = tmp_path / "unanswered.yml"
    scripts_review.main(["--url", store_url, "--out", str(tmp_path / "r.html"),
                         "--export", str(export)])
    data = RasaYAMLReader().reads(export.read_text(encoding="utf-8"))
    assert {m.get("text") for m in data.intent_examples} == {
        "is it safe during pregnancy?", "could I get it done in pregnancy?",
        "do you accept insurance?", "Do you accept my insurance?"}
    assert {m.get("intent") for m in data.intent_examples} == {"out_of_scope"}
    assert len(yaml.safe_load(export.read_text())["nlu"]) == 2  # one block per group
    assert "asked 2 time(s); not in the article: pregnancy" in export.read_text()


def test_an_empty_or_missing_store_gives_an_empty_report(tmp_path):
    page, export = tmp_path / "review.html", tmp_path / "unanswered.yml"
    scripts_review.main(["--url", f"sqlite:///{tmp_path / 'none.db'}", "--out", str(page),
                         "--export", str(export)])
    assert "No visitor messages stored." in page.read_text()
    assert RasaYAMLReader().reads(export.read_text()).intent_examples == []


def test_similar_wordings_group_and_different_ones_do_not():
    assert jaccard(content_words("Do you accept insurance?"),
                   content_words("do you accept my insurances")) == 1.0
    assert jaccard(content_words("do you accept insurance?"),
                   content_words("where is the clinic?")) == 0.0
    summary = summarise([])
    assert group_questions([]) == [] and summary.latency_percentile(50) is None


def test_an_unclear_answer_inside_the_form_is_not_an_unanswered_question(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    seed(url, {"screened": (1e9, [
        ("am I a good candidate?", "ask_candidate", ["candidate_form"], [], 0.1, None),
        ("restart please", "nlu_fallback", ["candidate_form"], [], 0.1, None),  # asked again
        ("can I pay by card?", "out_of_scope", ["action_answer_unknown", "candidate_form"], [],
         0.1, None)])})
    summary = summarise(list(visitor_turns(read_events(open_store(url)))))
    assert [q for g in summary.unanswered for q in g.questions] == ["can I pay by card?"]


def test_callback_requests_are_listed_and_a_store_without_them_is_left_unchanged(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    seed(url)
    page = tmp_path / "review.html"
    scripts_review.main(["--url", url, "--out", str(page)])
    assert "callback_requests" not in open_store(url).dialect.get_table_names(
        open_store(url).connect())  # reading the report created no table
    callback_requests.add_request("Ada Example", "ada@example.com", "weekday <b>mornings</b>",
                                  url=url)
    callback_requests.add_request("Bo Example", "+1 555 0100", "after 5pm", url=url)
    scripts_review.main(["--url", url, "--out", str(page)])
    text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
    assert re.search(r"Callback requests\s+2\b", text)
    assert re.search(r"Ada Example\s+ada@example.com\s+weekday &lt;b&gt;mornings", text)
    assert re.search(r"Bo Example\s+\+1 555 0100\s+after 5pm", text)


def test_the_report_reads_the_slot_the_feedback_action_writes():
    from actions import feedback
    assert FEEDBACK_SLOT == feedback.FEEDBACK_SLOT
