"""The procedure and the series of sessions, leading with the fact asked: "how long is a
session?" gets the session's length (core/asked_fact.py picks it from the topic's fixed reply),
"how is it done?" the whole answer."""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import LAST_FACT_SLOT, VisitorContext
from actions.notes import stated_now
from core.asked_fact import asked, focused_reply, maintenance_spacing_reply
from core.follow_ups import AFTER_AN_ANSWER
from core.knowledge import KNOWLEDGE

# The intent -> the fixed reply (core/knowledge.yml) it is answered from.
REPLIES = {"ask_procedure": "utter_procedure", "ask_treatment_plan": "utter_treatment_plan"}
# The fixed reply whose last fact is the maintenance treatments (core/knowledge.yml).
ENDS_ON_MAINTENANCE = "utter_results"



def previous_fact(tracker: Tracker) -> Optional[Text]:
    """The sub-question the previous answer led with, if that answer was this action's (the slot
    is set only here, so after another action's answer it is stale)."""
    user_seen = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if user_seen:
                return None
            user_seen = True
        elif user_seen and event.get("event") == "action" \
                and event.get("name") not in AFTER_AN_ANSWER:
            if event.get("name") == ENDS_ON_MAINTENANCE:
                # The results answer ends on the maintenance treatments: "how often would those
                # be?" next asks of them.
                return "maintenance"
            return tracker.get_slot(LAST_FACT_SLOT) \
                if event.get("name") == ActionAnswerAskedFact.action_name else None
    return None


class ActionAnswerAskedFact(Action):
    action_name = "action_answer_asked_fact"

    def name(self) -> Text:
        return self.action_name

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        reply = REPLIES.get(intent, "utter_procedure")
        context = VisitorContext.from_tracker(tracker)
        for note in stated_now(KNOWLEDGE, context, context.stated_now):
            dispatcher.utter_message(text=note)  # "I have keloids, how long is a session?"
        message = tracker.latest_message.get("text")
        text = maintenance_spacing_reply(message, previous_fact(tracker)) \
            or focused_reply(reply, message)
        if text:
            dispatcher.utter_message(text=text)
        else:
            dispatcher.utter_message(response=reply)
        return [SlotSet(LAST_FACT_SLOT, asked(reply, message) if text else None)]
