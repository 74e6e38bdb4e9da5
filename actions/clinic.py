"""Booking, contact, location, opening hours and "your price": answered from the clinic's
settings (clinic.yml, core/clinic.py), read again whenever the file changes.

A setting the clinic left empty is never guessed: the answer says so, tells the visitor to
contact the clinic directly and names whatever other channel is filled in. The price answer
states the article's figures from the knowledge core (actions/cost.py) and sends the visitor
to the clinic for its own prices.
"""
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.cost import cost_range, money
from core.clinic import ClinicFile, ClinicSettings
from core.knowledge import KNOWLEDGE, citation, source_year

# Loaded when the action server imports the actions: a bad clinic.yml stops it, naming the entry.
CLINIC = ClinicFile()


def joined(items: List[Text], last_word: Text = "or") -> Text:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last_word} {items[-1]}"


def channels(settings: ClinicSettings, include_booking: bool = True) -> List[Text]:
    """The ways to reach the clinic that are filled in, as phrases ("call ...")."""
    found = []
    if settings.phone:
        found.append(f"call {settings.phone}")
    if settings.email:
        found.append(f"email {settings.email}")
    if include_booking and settings.booking_url:
        found.append(f"book online at {settings.booking_url}")
    return found


def contact_sentence(settings: ClinicSettings, include_booking: bool = True) -> Text:
    """"To reach Example Skin Clinic, call ... or email ...", or the plain advice to contact
    the clinic directly when no channel is filled in."""
    ways = channels(settings, include_booking)
    if not ways:
        return (f"I don't have contact details for {settings.display_name}; please contact "
                "the clinic directly.")
    return f"To reach {settings.display_name}, {joined(ways)}."


def not_filled_in(settings: ClinicSettings, what: Text) -> Text:
    ways = channels(settings)
    if not ways:
        return f"I don't have {what}; please contact the clinic directly."
    return f"I don't have {what}; please contact the clinic directly: {joined(ways)}."


def booking_answer(settings: ClinicSettings, knowledge: Dict[Text, Any]) -> Text:
    if not settings.booking_url:
        return not_filled_in(settings, f"an online booking address for {settings.display_name}")
    others = channels(settings, include_booking=False)
    sentence = f"You can book an appointment with {settings.display_name} online at " \
               f"{settings.booking_url}."
    if others:
        sentence += f" You can also {joined(others)}."
    return sentence


def contact_answer(settings: ClinicSettings, knowledge: Dict[Text, Any]) -> Text:
    return contact_sentence(settings)


def location_answer(settings: ClinicSettings, knowledge: Dict[Text, Any]) -> Text:
    if not settings.address:
        return not_filled_in(settings, f"the address of {settings.display_name}")
    return f"{settings.display_name} is at {settings.address}."


def hours_answer(settings: ClinicSettings, knowledge: Dict[Text, Any]) -> Text:
    if not settings.opening_hours:
        return not_filled_in(settings, f"the opening hours of {settings.display_name}")
    return f"{settings.display_name} is open {settings.opening_hours}."


def price_answer(settings: ClinicSettings, knowledge: Dict[Text, Any]) -> Text:
    low, high = cost_range(1, knowledge)
    article = (f"The article's {source_year(knowledge)} figures were {money(low, knowledge)} to "
               f"{money(high, knowledge)} a session {citation(knowledge)}.")
    ask = channels(settings, include_booking=False)
    if ask:
        return f"{article} For {settings.display_name}'s current prices, {joined(ask)}."
    return (f"{article} I don't have {settings.display_name}'s current prices; please contact "
            f"the clinic directly" + (f" (you can book online at {settings.booking_url})."
                                      if settings.booking_url else "."))


ANSWERS = {
    "ask_booking": booking_answer,
    "ask_contact": contact_answer,
    "ask_location": location_answer,
    "ask_hours": hours_answer,
    "ask_clinic_price": price_answer,
}


def answer_for_intent(intent: Optional[Text], settings: ClinicSettings,
                      knowledge: Dict[Text, Any] = KNOWLEDGE) -> Text:
    return ANSWERS.get(intent or "", contact_answer)(settings, knowledge)


class ActionAnswerClinicQuestion(Action):
    """Answers the clinic question the latest message asked (its intent)."""

    def name(self) -> Text:
        return "action_answer_clinic_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message or {}).get("intent", {}).get("name")
        dispatcher.utter_message(text=answer_for_intent(intent, CLINIC.settings()))
        return []
