"""Answers for messages the assistant can't answer, with a medical safety net.

When NLU finds no answerable question (out_of_scope, or nlu_fallback when unsure), a message
that still describes a symptom gets the "contact your provider or a doctor" reply: a missed
complication report must never get "I don't know".
"""
import re
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

SYMPTOM_WORDS = re.compile(
    r"\b(bleed\w*|blood\w*|swell\w*|swollen|puff\w*|infect\w*|pus|ooz\w*|weep\w*|discharge|"
    r"fever\w*|temperature|rash\w*|hives|welts?|blister\w*|burn\w*|breath\w*|faint\w*|"
    r"dizz\w*|allerg\w*|emergency|throat)\b", re.IGNORECASE)


NOT_IN_ARTICLE = (
    "The article I rely on doesn't cover that, so I don't have that information and won't "
    "guess. A dermatologist can answer it for your situation. Type \"help\" to see what I can "
    "answer.")
NOT_UNDERSTOOD = (
    "I'm not sure I can answer that: either I didn't understand, or the article I rely on "
    "doesn't cover it, and I won't guess. You could rephrase, type \"help\" to see the topics, "
    "or ask a dermatologist.")


def describes_symptom(text: Text) -> bool:
    return bool(SYMPTOM_WORDS.search(text or ""))


class ActionAnswerUnknown(Action):
    def name(self) -> Text:
        return "action_answer_unknown"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if describes_symptom(tracker.latest_message.get("text")):
            dispatcher.utter_message(response="utter_seek_care")
        elif intent == "nlu_fallback":
            dispatcher.utter_message(text=NOT_UNDERSTOOD)
        else:
            dispatcher.utter_message(text=NOT_IN_ARTICLE)
        return []
