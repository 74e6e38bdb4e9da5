"""The clinic's answers (actions/clinic.py), the way to a person and its callback form
(actions/callback.py, store/callback_requests.py) and answer feedback (actions/feedback.py),
run as the action server runs them."""
import asyncio
from datetime import datetime, timedelta, timezone

import pytest

from actions import callback, clinic, feedback
from conftest import make_tracker
from core.clinic import ClinicSettings
from core.knowledge import KNOWLEDGE
from store import callback_requests
from test_knowledge import fact_numbers, numbers, with_figures_moved

FULL = ClinicSettings(name="Example Skin Clinic", phone="+1 555 0100", email="hi@example.com",
                      booking_url="https://example.com/book", opening_hours="Mon to Fri 9 to 5",
                      address="1 Example Street", callback_requests=True)
EMPTY = ClinicSettings()
EMAIL_ONLY = ClinicSettings(name="Example Skin Clinic", email="hi@example.com")


class FixedClinic:
    def __init__(self, settings):
        self._settings = settings

    def settings(self):
        return self._settings


@pytest.fixture
def use_settings(monkeypatch):
    def use(settings):
        monkeypatch.setattr(clinic, "CLINIC", FixedClinic(settings))
        monkeypatch.setattr(callback, "CLINIC", FixedClinic(settings))
        monkeypatch.setattr(feedback, "CLINIC", FixedClinic(settings))
    return use


# --- answers from the settings ---------------------------------------------------------------
@pytest.mark.parametrize("intent, expected", [
    ("ask_booking", "online at https://example.com/book"),
    ("ask_contact", "call +1 555 0100, email hi@example.com or book online"),
    ("ask_location", "Example Skin Clinic is at 1 Example Street."),
    ("ask_hours", "open Mon to Fri 9 to 5"),
    ("ask_clinic_price", "For Example Skin Clinic's current prices, call +1 555 0100"),
])
def test_each_clinic_question_is_answered_from_the_settings(intent, expected):
    assert expected in clinic.answer_for_intent(intent, FULL)


@pytest.mark.parametrize("intent", sorted(clinic.ANSWERS))
def test_nothing_filled_in_is_never_invented(intent):
    text = clinic.answer_for_intent(intent, EMPTY)
    assert "contact the clinic directly" in text
    assert "http" not in text and "@" not in text and "555" not in text


@pytest.mark.parametrize("intent", ["ask_booking", "ask_location", "ask_hours"])
def test_a_missing_setting_points_to_the_channel_that_is_filled_in(intent):
    text = clinic.answer_for_intent(intent, EMAIL_ONLY)
    assert "I don't have" in text and "contact the clinic directly: email hi@example.com" in text


def test_the_price_answer_gives_the_article_figures_from_the_core_and_the_clinic_channel():
    text = clinic.answer_for_intent("ask_clinic_price", EMAIL_ONLY)
    assert "The article's 2017 figures were $300 to $400 a session" in text
    assert text.endswith("For Example Skin Clinic's current prices, email hi@example.com.")
    moved = with_figures_moved(KNOWLEDGE)
    moved_text = clinic.price_answer(EMAIL_ONLY, moved)
    assert numbers(moved_text) <= fact_numbers(moved)
    assert numbers(moved_text).isdisjoint(fact_numbers(KNOWLEDGE))


def test_the_clinic_action_answers_the_latest_intent(use_settings, dispatcher, domain):
    use_settings(FULL)
    clinic.ActionAnswerClinicQuestion().run(
        dispatcher, make_tracker(text="where r u", intent="ask_location"), domain)
    assert dispatcher.messages[0]["text"] == "Example Skin Clinic is at 1 Example Street."


# --- a way to a person -------------------------------------------------------------------------
@pytest.mark.parametrize("settings, offers_callback", [(FULL, True), (EMAIL_ONLY, False)])
def test_a_person_gets_the_channels_and_the_callback_offer_if_enabled(
        use_settings, dispatcher, domain, settings, offers_callback):
    use_settings(settings)
    callback.ActionOfferPerson().run(dispatcher, make_tracker(intent="ask_human"), domain)
    assert "email hi@example.com" in dispatcher.messages[0]["text"]
    offered = any(m.get("response") == "utter_offer_callback" for m in dispatcher.messages)
    assert offered is offers_callback


def required(settings, use_settings, dispatcher, **slots):
    use_settings(settings)
    form = callback.ValidateCallbackForm()
    return asyncio.run(form.required_slots(callback.FORM_SLOTS, dispatcher,
                                           make_tracker(slots=slots), {}))


def test_the_form_asks_nothing_when_callbacks_are_off_or_consent_is_refused(
        use_settings, dispatcher):
    assert required(EMAIL_ONLY, use_settings, dispatcher) == []
    assert required(FULL, use_settings, dispatcher, callback_consent="no") == ["callback_consent"]
    assert required(FULL, use_settings, dispatcher) == callback.FORM_SLOTS


@pytest.mark.parametrize("text, intent, expected", [
    ("yes", "affirm", "yes"), ("/affirm", "affirm", "yes"), ("no thanks", "deny", "no"),
    ("maybe", "affirm", None), ("what for?", "nlu_fallback", None),
])
def test_consent_must_be_a_clear_yes_or_no(dispatcher, domain, text, intent, expected):
    form = callback.ValidateCallbackForm()
    result = form.validate_callback_consent(text, dispatcher,
                                            make_tracker(text=text, intent=intent), domain)
    assert result == {"callback_consent": expected}
    assert bool(dispatcher.messages) is (expected is None)


@pytest.mark.parametrize("text, expected", [
    ("Sam", "Sam"), ("my name is Sam Lee.", "Sam Lee"), ("i'm Ana", "Ana"),
    ("555 0100", None), ("sam@example.com", None), ("!!!", None), ("x" * 101, None),
    ("how much is it?", None), ("I would rather not say my name here", None),
])
def test_names(text, expected):
    assert callback.cleaned_name(text) == expected


def test_a_bad_contact_is_asked_again(dispatcher, domain):
    form = callback.ValidateCallbackForm()
    assert form.validate_callback_contact("tomorrow", dispatcher, make_tracker(), domain) == \
        {"callback_contact": None}
    assert dispatcher.messages[0]["response"] == "utter_callback_bad_contact"
    assert form.validate_callback_contact("it's 555 0100 12", dispatcher, make_tracker(),
                                          domain) == {"callback_contact": "555 0100 12"}


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    monkeypatch.setenv("TRACKER_STORE_URL", url)
    return url


FILLED = {"callback_consent": "yes", "callback_name": "Sam", "callback_contact": "555 0100 12",
          "callback_time": "weekday mornings"}


def test_a_request_with_consent_is_stored_and_the_slots_cleared(
        use_settings, dispatcher, domain, database):
    use_settings(FULL)
    events = callback.ActionSubmitCallback().run(dispatcher, make_tracker(slots=FILLED), domain)
    rows = callback_requests.list_requests(database)
    assert [(r["name"], r["contact"], r["preferred_time"]) for r in rows] == \
        [("Sam", "555 0100 12", "weekday mornings")]
    assert "they will contact you at 555 0100 12" in dispatcher.messages[0]["text"]
    assert all(event["value"] is None for event in events) and len(events) == 4


@pytest.mark.parametrize("settings, slots", [
    (FULL, dict(FILLED, callback_consent="no")),
    (FULL, dict(FILLED, callback_time=None)),
    (EMAIL_ONLY, FILLED),
])
def test_no_request_is_stored_without_consent_or_when_callbacks_are_off(
        use_settings, dispatcher, domain, database, settings, slots):
    use_settings(settings)
    callback.ActionSubmitCallback().run(dispatcher, make_tracker(slots=slots), domain)
    assert callback_requests.list_requests(database) == []
    assert "email hi@example.com" in dispatcher.messages[0]["text"]


def test_requests_beyond_the_days_maximum_are_refused_and_not_stored(
        use_settings, dispatcher, domain, database, monkeypatch):
    use_settings(FULL)
    now = datetime.now(timezone.utc)
    # Yesterday's requests don't count against today's maximum.
    assert callback_requests.add_request("Yesterday", "555 0100 10", "any", max_per_day=1,
                                         now=now - timedelta(hours=25))
    assert callback_requests.add_request("Today", "555 0100 11", "any", max_per_day=1, now=now)
    assert not callback_requests.add_request("Another", "555 0100 12", "any", max_per_day=1,
                                             now=now)
    monkeypatch.setattr(callback_requests, "MAX_REQUESTS_PER_DAY", 1)  # the action's limit
    events = callback.ActionSubmitCallback().run(dispatcher, make_tracker(slots=FILLED), domain)
    assert [row["name"] for row in callback_requests.list_requests(database)] == \
        ["Yesterday", "Today"]
    text = dispatcher.messages[0]["text"]
    assert "can't take more callback requests here today" in text
    assert "email hi@example.com" in text and "will contact you" not in text
    assert all(event["value"] is None for event in events)


def test_requests_are_deleted_by_age(database):
    now = datetime.now(timezone.utc)
    callback_requests.add_request("Old", "555 0100 12", "any", now=now - timedelta(days=40))
    callback_requests.add_request("New", "555 0100 13", "any", now=now)
    assert callback_requests.delete_older_than(now - timedelta(days=30)) == 1
    assert [row["name"] for row in callback_requests.list_requests()] == ["New"]


# --- feedback --------------------------------------------------------------------------------
def feedback_tracker(text, intent, topic="cost"):
    tracker = make_tracker(slots={"last_topic": topic}, text=text, intent=intent)
    tracker.events[:0] = [{"event": "user", "text": "how much is it?"},
                          {"event": "bot", "text": "Was this helpful?"}]
    return tracker


@pytest.mark.parametrize("text, intent, helpful", [
    ("/affirm", "affirm", True), ("yes", "affirm", True), ("nope", "deny", False),
])
def test_feedback_is_stored_once_with_the_question_and_topic(
        use_settings, dispatcher, domain, text, intent, helpful):
    use_settings(FULL)
    events = feedback.ActionRecordFeedback().run(dispatcher, feedback_tracker(text, intent),
                                                 domain)
    assert events == [
        {"event": "slot", "timestamp": None, "name": "answer_feedback",
         "value": {"helpful": helpful, "topic": "cost", "question": "how much is it?"}},
        {"event": "slot", "timestamp": None, "name": "answer_feedback", "value": None}]
    offered = [m.get("response") for m in dispatcher.messages]
    assert ("utter_offer_callback" in offered) is (not helpful)
    if not helpful:
        assert "asking in other words" in dispatcher.messages[0]["text"]


def test_feedback_is_not_asked_inside_a_form(dispatcher, domain):
    tracker = make_tracker()
    tracker.active_loop = {"name": "candidate_form"}
    feedback.ActionAskFeedback().run(dispatcher, tracker, domain)
    assert dispatcher.messages == []
    feedback.ActionAskFeedback().run(dispatcher, make_tracker(), domain)
    assert dispatcher.messages[0]["response"] == "utter_ask_feedback"


@pytest.mark.parametrize("channel, response", [
    ("socketio", "utter_ask_feedback"), ("rest", "utter_ask_feedback"),
    ("cmdline", "utter_ask_feedback_in_words"),
])
def test_feedback_is_asked_in_words_in_the_terminal(dispatcher, domain, channel, response):
    tracker = make_tracker(text="does it hurt?", intent="ask_pain")
    tracker.events[-1]["input_channel"] = channel
    feedback.ActionAskFeedback().run(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == [response]


@pytest.mark.parametrize("text", ["Zoë Müller", "प्रिया", "José"])
def test_a_name_is_stored_as_typed_with_its_accents(text):
    assert callback.cleaned_name(f"my name is {text}\u200b") == text


WITHDRAWN = {"callback_consent": "no", "callback_name": None, "callback_contact": None,
             "callback_time": None}


@pytest.mark.parametrize("text, intent", [
    ("no, cancel it", "deny"), ("no", "deny"), ("cancel", "inform"),
    ("never mind", "nlu_fallback"), ("forget it", "out_of_scope"),
])
def test_a_refusal_instead_of_a_detail_withdraws_consent_and_clears_the_details(
        dispatcher, domain, text, intent):
    form = callback.ValidateCallbackForm()
    tracker = make_tracker(text=text, intent=intent)
    assert form.validate_callback_time(text, dispatcher, tracker, domain) == WITHDRAWN
    assert form.validate_callback_name(text, dispatcher, tracker, domain) == WITHDRAWN
    assert dispatcher.messages == []  # action_submit_callback says "nothing was stored"


@pytest.mark.parametrize("text", ["no preference", "no rush, any time", "no mornings please",
                                  "none in particular"])
def test_a_preferred_time_that_starts_with_no_is_an_answer_not_a_refusal(dispatcher, domain,
                                                                        text):
    form = callback.ValidateCallbackForm()
    tracker = make_tracker(text=text, intent="deny", confidence=0.9)
    assert form.validate_callback_time(text, dispatcher, tracker, domain) == \
        {"callback_time": text}


def test_a_name_is_not_a_refusal(dispatcher, domain):
    form = callback.ValidateCallbackForm()
    tracker = make_tracker(text="Noah", intent="inform")
    assert form.validate_callback_name("Noah", dispatcher, tracker, domain) == \
        {"callback_name": "Noah"}


def complaints(tracker, times, slot="callback_name"):
    """The form's bot turns for `times` unusable answers to `slot`, before the latest one."""
    bad = callback.BAD_ANSWER_RESPONSES[slot]
    asked = [{"event": "bot", "text": "What name?", "metadata": {"utter_action":
                                                                  f"utter_ask_{slot}"}}]
    for _ in range(times):
        asked += [{"event": "user", "text": "???"},
                  {"event": "bot", "text": "Please ...", "metadata": {"utter_action": bad}},
                  {"event": "bot", "text": "What name?",
                   "metadata": {"utter_action": f"utter_ask_{slot}"}}]
    tracker.events[:0] = asked
    return tracker


def test_after_max_tries_without_a_usable_detail_the_request_ends(dispatcher, domain):
    form = callback.ValidateCallbackForm()
    tries = callback.MAX_TRIES
    tracker = complaints(make_tracker(text="123", intent="inform"), tries - 2)
    assert form.validate_callback_name("123", dispatcher, tracker, domain) == \
        {"callback_name": None}  # asked again
    tracker = complaints(make_tracker(text="123", intent="inform"), tries - 1)
    assert form.validate_callback_name("123", dispatcher, tracker, domain) == WITHDRAWN
    # A usable answer at the last try is taken.
    tracker = complaints(make_tracker(text="Sam", intent="inform"), tries - 1)
    assert form.validate_callback_name("Sam", dispatcher, tracker, domain) == \
        {"callback_name": "Sam"}
