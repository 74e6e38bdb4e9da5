"""The procedure and the series of sessions, leading with the fact asked: "how long is a
session?" gets the session's length (core/asked_fact.py picks it from the topic's fixed reply),
"how is it done?" the whole answer."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.context import VisitorContext
from actions.notes import stated_now
from core.asked_fact import focused_reply
from core.knowledge import KNOWLEDGE

# The intent -> the fixed reply (core/knowledge.yml) it is answered from.
REPLIES = {"ask_procedure": "utter_procedure", "ask_treatment_plan": "utter_treatment_plan"}


class ActionAnswerAskedFact(Action):
    def name(self) -> Text:
        return "action_answer_asked_fact"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        reply = REPLIES.get(intent, "utter_procedure")
        context = VisitorContext.from_tracker(tracker)
        for note in stated_now(KNOWLEDGE, context, context.stated_now):
            dispatcher.utter_message(text=note)  # "I have keloids, how long is a session?"
        text = focused_reply(reply, tracker.latest_message.get("text"))
        if text:
            dispatcher.utter_message(text=text)
        else:
            dispatcher.utter_message(response=reply)
        return []
