"""Follow-ups that only make sense in context: "what about my neck?", "I have dark skin".

The `inform` intent carries an entity or a detail and no question of its own ("what about
stretch marks?", "per session or for all of them?", "sorry, I meant 3"). If the previous answer
was about a topic, we answer that topic again in the new context (a custom action's topic with
the visitor's details; a fixed answer as it is); otherwise we say what the article says about
the visitor's circumstances and offer the topics.

A statement about the visitor's skin can also be a complication report ("I think it's
infected"). When it describes a symptom and names no condition we know, the safety net answers
first: a missed complication must never get "thanks, noted".
"""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.notes import personal_notes, skin_type_note
from actions.context import LAST_TOPIC_SLOT, VisitorContext, gap_cleared, reported_events
from actions.safety import CANNOT_DIAGNOSE, ActionAnswerUnknown, gap_term
from actions.topics import TOPIC_ACTIONS, TOPIC_TITLES, answer_topic
from core.follow_ups import names_a_treated_concern
from core.steering import asks_for_a_diagnosis
from core.knowledge import KNOWLEDGE, citation
from core.symptoms import describes_symptom
from core.text import LEADING_FILLERS, asks_a_question


# Fixed answers that are themselves about a number of sessions (results after one treatment or
# the series; the series of sessions): "is that after one session or all of them?" asks about
# them again, not about the price.
ANSWERS_ABOUT_SESSIONS = {"results", "treatment_plan"}


class ActionAnswerFollowUp(Action):
    def name(self) -> Text:
        return "action_answer_follow_up"

    def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[Dict[Text, Any]]:
        if describes_symptom(tracker.latest_message.get("text")) and not names_condition(tracker):
            dispatcher.utter_message(response="utter_seek_care")
            if asks_for_a_diagnosis(tracker.latest_message.get("text")):
                dispatcher.utter_message(text=CANNOT_DIAGNOSE)
            return [SlotSet(LAST_TOPIC_SLOT, None)] + gap_cleared(tracker) \
                + reported_events(tracker)

        context = VisitorContext.from_tracker(tracker)
        topic = context.last_topic
        if names_entity(tracker, "num_sessions") and topic not in TOPIC_ACTIONS \
                and topic not in ANSWERS_ABOUT_SESSIONS:
            topic = "cost"  # "and for six sessions?": only the price depends on the count
        text = tracker.latest_message.get("text")
        if topic not in TOPIC_TITLES and names_a_treated_concern(text):
            topic = "treats"  # "ok what about the acne scars on my jaw?" with no answer before
        if topic in TOPIC_TITLES:
            if topic in TOPIC_ACTIONS and topic != "risk" and names_context(tracker):
                # "what if I have dark skin?" after the price: what the article says about it,
                # then the price again (the price answer itself says nothing of skin).
                notes = personal_notes(KNOWLEDGE, context) + skin_type_note(KNOWLEDGE, context)
                if notes:
                    dispatcher.utter_message(text=" ".join(notes))
            term = gap_term(tracker)
            area = named_area(tracker)
            if term:
                # "and saggy jowls?" after what it treats: the article never covers the term
                # (nlu_components/gap_terms.py), so the answer again must not seem to cover it.
                dispatcher.utter_message(
                    text=f"The article doesn't cover {term}, so I won't guess; a dermatologist "
                    "can tell you about it. What it says in general:")
            elif area and topic not in AREA_AWARE_TOPICS:
                # "and on my back?" after what it treats: the article speaks of the face only.
                dispatcher.utter_message(
                    text=f"The article doesn't say anything about the {area} in particular, so "
                    "I won't guess; a dermatologist can tell you about it. What it says in "
                    "general:")
            return answer_topic(topic, dispatcher, tracker, domain)

        notes = personal_notes(KNOWLEDGE, context) + skin_type_note(KNOWLEDGE, context)
        # "ok what about ...": the fillers before a question word do not make it a statement.
        if not notes and asks_a_question(LEADING_FILLERS.sub("", text or "")):
            # A question with no answer before it to follow ("what's the serum for?"): answered
            # as any question NLU could not place, with the nearest article topic.
            return ActionAnswerUnknown().run(dispatcher, tracker, domain)
        if notes:
            dispatcher.utter_message(text=" ".join(notes + [citation(KNOWLEDGE)]))
        else:
            dispatcher.utter_message(
                text="Thanks, noted. The article doesn't say anything specific about that on "
                "its own; pick a topic and I'll tell you what it does say."
            )
        dispatcher.utter_message(response="utter_help")
        return [SlotSet(LAST_TOPIC_SLOT, None)] + gap_cleared(tracker)


# Answers that already speak of the area named (the price says the area moves it).
AREA_AWARE_TOPICS = {"cost"}
# The areas the article itself speaks of.
ARTICLE_AREAS = {"face", "whole face", "full face", "entire face"}


def named_area(tracker: Tracker) -> Optional[Text]:
    """A body area this message names that the article doesn't speak of ("my back")."""
    for entity in tracker.latest_message.get("entities") or []:
        value = str(entity.get("value") or "").strip().lower()
        if entity.get("entity") == "body_area" and value and value not in ARTICLE_AREAS:
            return value
    return None


def names_context(tracker: Tracker) -> bool:
    """Whether this message names a skin tone or a condition that is not denied or someone
    else's ("what if I have dark skin?", "I have keloids")."""
    return any(entity.get("entity") in ("skin_tone", "condition")
               and entity.get("role") not in ("denied", "other")
               for entity in tracker.latest_message.get("entities") or [])


def names_entity(tracker: Tracker, name: Text) -> bool:
    return any(entity.get("entity") == name
               for entity in tracker.latest_message.get("entities") or [])


def names_condition(tracker: Tracker) -> bool:
    """Whether this message named a condition ("I've got a skin infection"): a screening detail."""
    return names_entity(tracker, "condition")
