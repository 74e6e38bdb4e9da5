"""Names that the code must keep in step with domain.yml or the knowledge core, and cannot read
from them at run time (the input guard runs before the domain is at hand; the topic tables are
code): each test fails as soon as one side changes without the other."""
import re

from actions.topics import TOPIC_ACTIONS, TOPIC_RESPONSES, TOPIC_TITLES, topic_of_intent
from channels.guard import VISITOR_PAYLOADS
from conftest import DOMAIN, ROOT
from core.screening import DARKER_SKIN_SLOT, screening_slots

# Typed by a visitor who knows the command; no button sends it.
TYPED_PAYLOADS = {"/help"}


def button_payloads():
    return {button["payload"] for variants in DOMAIN["responses"].values()
            for variant in variants for button in variant.get("buttons", [])}


def page_payloads():
    page = (ROOT / "web" / "page.js").read_text(encoding="utf-8")
    return set(re.findall(r'Payload: "(/\w+)"', page))


def test_the_guard_lets_through_exactly_the_buttons_the_page_and_help():
    assert page_payloads() == {"/greet"}
    assert VISITOR_PAYLOADS == button_payloads() | page_payloads() | TYPED_PAYLOADS


def test_every_visitor_payload_is_a_domain_intent():
    assert {payload[1:] for payload in VISITOR_PAYLOADS} <= set(DOMAIN["intents"])


def test_every_topic_is_answered_by_a_domain_action_or_response():
    assert set(TOPIC_ACTIONS).isdisjoint(TOPIC_RESPONSES)
    assert set(TOPIC_TITLES) == set(TOPIC_ACTIONS) | set(TOPIC_RESPONSES)
    for topic, action in TOPIC_ACTIONS.items():
        assert action.name() in DOMAIN["actions"], topic
    for topic, response in TOPIC_RESPONSES.items():
        assert response in DOMAIN["responses"], topic


def test_each_topic_has_its_intent_and_the_fixed_ones_set_last_topic():
    for topic in TOPIC_TITLES:
        assert f"ask_{topic}" in DOMAIN["intents"], topic
    mapped = {mapping["intent"]: mapping["value"]
              for mapping in DOMAIN["slots"]["last_topic"]["mappings"]
              if mapping["type"] == "from_intent"}
    assert set(mapped.values()) == set(TOPIC_RESPONSES)
    for intent, topic in mapped.items():
        assert topic_of_intent(intent) == topic, intent


def test_the_form_asks_the_core_screening_questions_with_identical_slots():
    assert DOMAIN["forms"]["candidate_form"]["required_slots"] == screening_slots()
    assert screening_slots()[-1] == DARKER_SKIN_SLOT
    for slot in screening_slots():
        # Set only by the form's validation (actions/screening.py), never from NLU.
        assert DOMAIN["slots"][slot] == {"type": "text", "influence_conversation": False,
                                         "mappings": [{"type": "custom"}]}, slot
        buttons = DOMAIN["responses"][f"utter_ask_{slot}"][0]["buttons"]
        assert [button["payload"] for button in buttons] == ["/affirm", "/deny"], slot


def test_every_wording_of_the_seek_care_reply_gives_the_same_advice():
    # The wording for a question in general ("if this is happening to you ...") and for a
    # report differ in their opening only: the advice and the signs of an emergency are one.
    texts = [variant["text"] for variant in DOMAIN["responses"]["utter_seek_care"]]
    assert len(texts) == 2
    severe = {re.search(r"If it is severe \(.*\Z", text).group() for text in texts}
    assert len(severe) == 1
    assert all("I can't assess symptoms" in text and "contact the provider who treated you, or a "
               "doctor, promptly" in text for text in texts)
