"""The article's topics: which intent asks for each, and how each is answered.

Used wherever an answer is given outside its own rule: a follow-up in context
(actions/follow_up.py) and the nearest topic after "the article doesn't cover that"
(actions/safety.py).
"""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import cost, downtime, pain, risk
from actions.context import LAST_TOPIC_SLOT, VisitorContext, gap_cleared
from actions.notes import not_yet_said, personal_notes
from core.knowledge import KNOWLEDGE, render_reply

# Topics with a custom action that phrases the answer for the visitor's context.
TOPIC_ACTIONS = {
    action.topic: action()
    for action in (cost.ActionAnswerCost, risk.ActionAnswerRisk, pain.ActionAnswerPain,
                   downtime.ActionAnswerDowntime)
}
# Topics answered by a fixed domain response (their rules in data/rules/faq.yml; the topic is
# set from the intent by the last_topic slot's mappings in domain.yml).
TOPIC_RESPONSES = {
    "what_is": "utter_what_is",
    "treats": "utter_treats",
    "procedure": "utter_procedure",
    "treatment_plan": "utter_treatment_plan",
    "suitability": "utter_suitability",
    "results": "utter_results",
    "provider": "utter_provider_referral",
    "source": "utter_source",
}
# How a reply names each topic ("what it does say about ...").
TOPIC_TITLES = {
    "what_is": "what micro-needling is",
    "treats": "what it treats",
    "procedure": "the procedure",
    "treatment_plan": "the number of sessions",
    "suitability": "who it suits",
    "results": "results",
    "provider": "choosing a provider",
    "source": "its source",
    "cost": "cost",
    "risk": "risks",
    "pain": "pain",
    "downtime": "downtime and after-effects",
}
# The intent that asks about each topic is ask_<topic>.
INTENT_PREFIX = "ask_"


def topic_of_intent(intent: Optional[Text]) -> Optional[Text]:
    if intent and intent.startswith(INTENT_PREFIX) and intent[len(INTENT_PREFIX):] in TOPIC_TITLES:
        return intent[len(INTENT_PREFIX):]
    return None


def answer_topic(topic: Text, dispatcher: CollectingDispatcher, tracker: Tracker,
                 domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
    """Answers `topic` in the visitor's context, as its own rule would."""
    action = TOPIC_ACTIONS.get(topic)
    if action is not None:
        return action.run(dispatcher, tracker, domain)
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    notes = not_yet_said(personal_notes(KNOWLEDGE, VisitorContext.from_tracker(tracker)),
                         f"{said} {render_reply(TOPIC_RESPONSES[topic])}")
    if notes:
        dispatcher.utter_message(text=" ".join(notes))
    dispatcher.utter_message(response=TOPIC_RESPONSES[topic])
    return [SlotSet(LAST_TOPIC_SLOT, topic)] + gap_cleared(tracker)
