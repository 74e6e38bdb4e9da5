"""The shape every topic action shares: read the context, phrase the answer, remember the topic."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import LAST_TOPIC_SLOT, VisitorContext, gap_cleared
from actions.notes import stated_now
from core.knowledge import KNOWLEDGE



class TopicAction(Action):
    """Answers one topic of the article from the knowledge file and the visitor's context."""

    topic: Text = ""
    action_name: Text = ""

    def name(self) -> Text:
        return self.action_name

    @staticmethod
    def answer(knowledge: Dict[Text, Any], context: VisitorContext) -> Text:
        raise NotImplementedError

    def extra_responses(self, context: VisitorContext) -> List[Text]:
        """Domain responses to send after the answer (none by default)."""
        return []

    def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[Dict[Text, Any]]:
        context = VisitorContext.from_tracker(tracker)
        answer = self.answer(KNOWLEDGE, context)
        # "I have keloids, how much is it?": the article's "not recommended" first, unless the
        # answer already speaks of the visitor's conditions.
        said = " ".join(m.get("text") or "" for m in dispatcher.messages) + answer
        lead = [] if "You mentioned" in said else stated_now(KNOWLEDGE, context,
                                                             context.stated_now)
        dispatcher.utter_message(text=" ".join(lead + [answer]))
        for response in self.extra_responses(context):
            dispatcher.utter_message(response=response)
        return [SlotSet(LAST_TOPIC_SLOT, self.topic)] + gap_cleared(tracker)
