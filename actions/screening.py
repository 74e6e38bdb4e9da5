"""The "am I a good candidate?" screening: a form over the article's contraindications.

`verdict()` is the whole decision: a plain function over the knowledge file's `screening` and
`contraindications` entries. The form's validation only collects answers (yes / no / unsure),
including ones the visitor gave earlier in the conversation.
"""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import DARKER_SKIN, VisitorContext
from actions.knowledge import KNOWLEDGE, citation, fact
from actions.risk import join_words

YES, NO, UNSURE = "yes", "no", "unsure"
DARKER_SKIN_SLOT = "screen_darker_skin"
UNCLEAR_SLOT = "screening_unclear"
# Messages that answer neither yes nor no, and are not another question either.
UNCLEAR_INTENTS = {"nlu_fallback", "inform"}


def verdict(answers: Dict[Text, Optional[Text]], knowledge: Dict[Text, Any] = KNOWLEDGE) -> Text:
    """The article's verdict on the visitor's answers: {slot: "yes" | "no" | "unsure"}."""
    listed = fact(knowledge, "contraindications")
    screening = fact(knowledge, "screening")
    ruled_out = [listed[name] for slot, names in screening.items()
                 if answers.get(slot) == YES for name in names]
    unsure = [listed[name] for slot, names in screening.items()
              if answers.get(slot) == UNSURE for name in names]
    if ruled_out:
        sentences = ["From your answers, the article would not recommend micro-needling for you: "
                     f"it is not recommended for anyone with {join_words(ruled_out, 'or')}."]
    else:
        sentences = ["Nothing you told me is on the article's list of reasons not to have "
                     "micro-needling."]
    if unsure:
        sentences.append(f"You weren't sure about {join_words(unsure, 'or')}: please raise it with a "
                         "dermatologist.")
    if answers.get(DARKER_SKIN_SLOT) == YES:
        sentences.append(f"About darker skin: {fact(knowledge, 'risk.darker_skin_caution')}.")
    sentences.append("This is general information from the article, not a medical assessment: "
                     f"a dermatologist makes the decision. {citation(knowledge)}")
    return " ".join(sentences)


def known_answer(slot: Text, context: VisitorContext) -> Optional[Text]:
    """An answer the visitor already gave ("I have keloids", "I have dark skin"), if any."""
    if slot == DARKER_SKIN_SLOT:
        if context.skin_tone:
            return YES if context.skin_tone.lower() == DARKER_SKIN else NO
        return None
    names = fact(KNOWLEDGE, "screening")[slot]
    return YES if any(name in context.conditions for name in names) else None


def screening_slots() -> List[Text]:
    return list(fact(KNOWLEDGE, "screening")) + [DARKER_SKIN_SLOT]


class ValidateCandidateForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_candidate_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        events = await super().run(dispatcher, tracker, domain)
        filled = {e["name"] for e in events if e.get("event") == "slot"}
        context = VisitorContext.from_tracker(tracker)
        for slot in screening_slots():
            answer = known_answer(slot, context)
            if slot not in filled and tracker.get_slot(slot) is None and answer is not None:
                events.append(SlotSet(slot, answer))
                filled.add(slot)

        requested = tracker.get_slot("requested_slot")
        if requested not in screening_slots():
            requested = None  # only our own questions can be re-asked
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if requested and requested not in filled and tracker.get_slot(requested) is None \
                and intent in UNCLEAR_INTENTS:
            if tracker.get_slot(UNCLEAR_SLOT) == requested:
                # Asked twice: move on; the verdict tells them to raise it with a dermatologist.
                events += [SlotSet(requested, UNSURE), SlotSet(UNCLEAR_SLOT, None)]
            else:
                dispatcher.utter_message(response="utter_screening_unclear")
                events.append(SlotSet(UNCLEAR_SLOT, requested))
        return events


class ActionCandidateVerdict(Action):
    def name(self) -> Text:
        return "action_candidate_verdict"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        answers = {slot: tracker.get_slot(slot) for slot in screening_slots()}
        dispatcher.utter_message(text=verdict(answers))
        dispatcher.utter_message(response="utter_provider_referral")
        return [SlotSet(UNCLEAR_SLOT, None)]
