"""Answers "do you store my data?": what is kept, for how long, who reads it, and how to delete
it now. The period is RETENTION_DAYS (core/retention.py), the one `make purge` applies, so the
answer never promises what the purge does not do."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from core.retention import retention_days


def privacy_answer(days: int) -> Text:
    return (f"This conversation is stored by the clinic so that it can go on, and deleted {days} "
            f"days after your last message. The clinic's staff may read the questions asked here "
            f"to improve the answers; I don't ask for your name, so please don't share details "
            f"you'd rather keep private. To delete this conversation now, type \"delete my "
            f"conversation\".")


class ActionExplainPrivacy(Action):
    def name(self) -> Text:
        return "action_explain_privacy"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=privacy_answer(retention_days()))
        return []
