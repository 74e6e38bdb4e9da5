"""What the article says about the visitor's own circumstances, before the general "is it for
everyone?" answer, when they named them ("I've had keloids, am I a candidate?")."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.context import VisitorContext
from core.knowledge import KNOWLEDGE, render_reply
from actions.notes import not_yet_said, personal_notes
from core.candidacy import asks_once_it_heals

# "how long should I wait once it heals?" (nlu_components/reading/once_it_heals.py): the article
# says only that it is not recommended with an open wound or an infection.
NO_WAIT_NAMED = ("The article doesn't say how long to wait once a wound or an infection has "
                 "healed; a dermatologist can tell you when it is safe. What it says about who "
                 "it suits:")


class ActionPersonalNotes(Action):
    def name(self) -> Text:
        return "action_personal_notes"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        # The rule sends utter_suitability next (data/rules/faq.yml).
        notes = not_yet_said(personal_notes(KNOWLEDGE, VisitorContext.from_tracker(tracker)),
                             render_reply("utter_suitability"))
        if asks_once_it_heals((tracker.latest_message or {}).get("text")):
            notes = [NO_WAIT_NAMED] + notes
        if notes:
            dispatcher.utter_message(text=" ".join(notes))
        return []
