"""The "am I a good candidate?" screening: a form over the article's contraindications.

`verdict()` (core/screening.py) is the whole decision: a plain function over the knowledge
file's `screening` and `contraindications` entries. The form's validation only collects answers
(yes / no / unsure), including ones the visitor gave earlier in the conversation. An answer
counts only when it is clearly yes or no (core/answers.py); anything else is asked once more,
then marked unsure.
"""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import DARKER_SKIN, VisitorContext
from core.answers import is_hedged, read_yes_no
from core.symptoms import describes_symptom
from core.text import asks_a_question
from core.knowledge import KNOWLEDGE, fact
# The verdict and the form's slots are the core's; imported here for the form and its tests.
from core.screening import (DARKER_SKIN_SLOT, NO, UNSURE, YES, answer_in_context,
                            screening_slots, verdict)

UNCLEAR_SLOT = "screening_unclear"
REQUESTED_SLOT = "requested_slot"
# Messages meant as an answer to the question asked: read with core.answers.read_yes_no. Any
# other intent (a question, "stop", a complication) is handled by its rule, then the form asks
# its question again.
ANSWER_INTENTS = {"affirm", "deny", "inform", "nlu_fallback"}
# A statement read as one of these may still name the answer (names_the_answer below).
STATEMENT_INTENTS = {"ask_suitability", "ask_candidate"}


def known_answer(slot: Text, context: VisitorContext) -> Optional[Text]:
    """An answer the visitor already gave ("I have keloids", "I have dark skin", "no keloids
    and no raised scars"), if any. A "no" needs every condition of the question denied."""
    if slot == DARKER_SKIN_SLOT:
        if context.skin_tone:
            return YES if context.skin_tone.lower() == DARKER_SKIN else NO
        return NO if DARKER_SKIN in context.denied else None
    names = fact(KNOWLEDGE, "screening")[slot]
    if any(name in context.conditions for name in names):
        return YES
    return NO if all(name in context.denied for name in names) else None


def names_the_answer(requested: Text, context: VisitorContext, message: Dict[Text, Any]) -> bool:
    """"I had one keloid years ago", read by NLU as a suitability statement: it names the
    condition asked about, so it answers the question. Not a question, not a symptom (a
    complication always goes to its own rule)."""
    text = message.get("text")
    return ((message.get("intent") or {}).get("name") in STATEMENT_INTENTS
            and not asks_a_question(text) and not describes_symptom(text)
            and known_answer(requested, context) is not None)


class ValidateCandidateForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_candidate_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[Dict[Text, Any]]:
        events = await super().run(dispatcher, tracker, domain)
        requested = tracker.get_slot("requested_slot")
        starting = requested is None and all(tracker.get_slot(slot) is None
                                             for slot in screening_slots())
        if requested not in screening_slots():
            requested = None  # only our own questions are answered here
        context = VisitorContext.from_tracker(tracker)
        if tracker.get_slot("requested_slot") is None and tracker.get_slot(UNCLEAR_SLOT):
            events.append(SlotSet(UNCLEAR_SLOT, None))  # (re)started: no question asked yet
        if requested:
            events = [e for e in events if e.get("name") != requested]
            events += self.answer(requested, context, dispatcher, tracker)
        filled = {e["name"] for e in events if e.get("event") == "slot"}
        for slot in screening_slots():
            answer = known_answer(slot, context)
            if slot not in filled and slot != requested and tracker.get_slot(slot) is None \
                    and answer is not None:
                events.append(SlotSet(slot, answer))
                filled.add(slot)
        answers = {slot: tracker.get_slot(slot) for slot in screening_slots()}
        answers.update({e["name"]: e.get("value") for e in events
                        if e.get("event") == "slot" and e.get("name") in answers})
        if starting and any(answers[slot] == YES for slot in screening_slots()
                            if slot != DARKER_SKIN_SLOT):
            # A contraindication the visitor stated before the questions ("I have keloids, am I
            # a candidate?"): the verdict at once. Once the questions run, they run to the end.
            events.append(SlotSet(REQUESTED_SLOT, None))
        elif starting and answers.get(DARKER_SKIN_SLOT) == YES:
            # "I have darker skin, am I a candidate?": what the article says about it now, not
            # only after the questions.
            dispatcher.utter_message(text="About darker skin: "
                                     f"{fact(KNOWLEDGE, 'risk.darker_skin_caution')}. A few "
                                     "questions on the article's other points:")
        elif starting:
            # The asked fact first: "is it ok for my skin type?" learns that the article
            # recommends it for all skin types, and what the questions are about.
            dispatcher.utter_message(response="utter_screening_intro")
        return events

    @staticmethod
    def answer(requested: Text, context: VisitorContext, dispatcher: CollectingDispatcher,
               tracker: Tracker) -> List[Dict[Text, Any]]:
        """The visitor's answer to the question asked: a clear yes or no fills it; an unclear one
        is asked once more, and a second unclear answer marks it unsure."""
        message = tracker.latest_message or {}
        intent = message.get("intent") or {}
        if intent.get("name") not in ANSWER_INTENTS:
            if names_the_answer(requested, context, message):
                return [SlotSet(requested, known_answer(requested, context))]
            return []
        # In its own words first ("it hasn't closed yet" answers the open-wound question),
        # unless hedged ("keloids? no idea").
        text = message.get("text")
        in_context = None if is_hedged(text) else answer_in_context(requested, text)
        plain = read_yes_no(text, intent.get("name"), intent.get("confidence"))
        # "what keloids? never had any", "no, it's still open": the words and the plain answer
        # disagree, so the question is asked again rather than either guessed.
        answer = None if in_context == YES and plain == NO else in_context or plain
        if answer is None and not is_hedged(message.get("text")):
            # "I had a keloid years ago": a named condition or skin tone answers it.
            answer = known_answer(requested, context)
        if answer is not None:
            cleared = [SlotSet(UNCLEAR_SLOT, None)] if tracker.get_slot(UNCLEAR_SLOT) else []
            return [SlotSet(requested, answer)] + cleared
        if tracker.get_slot(UNCLEAR_SLOT) == requested:
            # Asked twice: move on; the verdict says it cannot tell for this point.
            return [SlotSet(requested, UNSURE), SlotSet(UNCLEAR_SLOT, None)]
        dispatcher.utter_message(response="utter_screening_unclear")
        return [SlotSet(requested, None), SlotSet(UNCLEAR_SLOT, requested)]


class ActionCandidateVerdict(Action):
    def name(self) -> Text:
        return "action_candidate_verdict"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        answers = {slot: tracker.get_slot(slot) for slot in screening_slots()}
        context = VisitorContext.from_tracker(tracker)
        dispatcher.utter_message(text=verdict(answers, stated=context.conditions,
                                              denied=context.denied))
        dispatcher.utter_message(response="utter_provider_referral")
        return [SlotSet(UNCLEAR_SLOT, None)]
