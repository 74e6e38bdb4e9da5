"""Answer feedback: "Was this helpful?" after an article answer, and the visitor's yes/no.

Asked only after an answer from the article (data/rules/faq.yml) and never inside a form,
whose question comes next. The widget shows 👍 / 👎 quick replies; the terminal asks for a
plain yes/no (utter_ask_feedback_in_words); both arrive as affirm / deny, which
the rules after action_ask_feedback send here. A 👎 gets the offer to rephrase or to contact
the clinic.

Stored as a tracker event, not in a table of its own: one `answer_feedback` slot event with
{"helpful", "topic" (the last_topic slot), "question" (the message answered)}, then the slot
is cleared. Feedback belongs to its conversation: the review report reads it with the other
events, and erasing or purging the conversation removes it with no second table to keep in step.
"""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.callback import in_the_terminal, offer_callback
from actions.clinic import CLINIC, contact_sentence
from actions.context import LAST_TOPIC_SLOT
from core.answers import NO, YES, read_yes_no

FEEDBACK_SLOT = "answer_feedback"
MAX_QUESTION_CHARS = 500


def answered_question(tracker: Tracker) -> Optional[Text]:
    """The visitor message before the current one: the question the answer was about."""
    texts = [event.get("text") for event in tracker.events if event.get("event") == "user"]
    if len(texts) < 2 or not texts[-2]:
        return None
    return texts[-2][:MAX_QUESTION_CHARS]


class ActionAskFeedback(Action):
    def name(self) -> Text:
        return "action_ask_feedback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        if (tracker.active_loop or {}).get("name"):
            return []
        if in_the_terminal(tracker):
            dispatcher.utter_message(response="utter_ask_feedback_in_words")
        else:
            dispatcher.utter_message(response="utter_ask_feedback")
        return []


class ActionRecordFeedback(Action):
    def name(self) -> Text:
        return "action_record_feedback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        answer = read_yes_no(message.get("text"), intent,
                             (message.get("intent") or {}).get("confidence"))
        if answer is None:  # the rule sends affirm / deny here; trust NLU if the words are unclear
            answer = YES if intent == "affirm" else NO
        helpful = answer == YES
        if helpful:
            dispatcher.utter_message(text="Thanks for letting me know! Anything else you'd "
                                          "like to know about micro-needling?")
        else:
            settings = CLINIC.settings()
            dispatcher.utter_message(
                text="Sorry it didn't help. You could try asking in other words, or ask the "
                     f"clinic directly. {contact_sentence(settings)}")
            if settings.callback_requests:
                offer_callback(dispatcher, tracker)
        feedback = {"helpful": helpful, "topic": tracker.get_slot(LAST_TOPIC_SLOT),
                    "question": answered_question(tracker)}
        return [SlotSet(FEEDBACK_SLOT, feedback), SlotSet(FEEDBACK_SLOT, None)]
