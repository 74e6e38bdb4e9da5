"""A way to a person: "can I talk to someone?" gets the clinic's contact channels and, when the
clinic enables it (clinic.yml `callback_requests: true`), the offer of a callback request.

The callback form asks for consent first, before any detail: nothing is asked for, and no
request is stored, unless the visitor clearly says yes (core/answers.py reads the yes/no).
Then a name, a phone number or email address (core/contact.py checks it) and a preferred time.
"stop" leaves the form at any point (data/rules/clinic.yml), and so does a "no" or "cancel"
given instead of a detail, or MAX_TRIES answers in a row that are not one: nothing is stored,
and the details given so far are cleared from the conversation's slots. The request goes into
the table callback_requests of the tracker store's database (store/callback_requests.py).
"""
import logging
import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.clinic import CLINIC, contact_sentence
from core.answers import NO, YES, read_yes_no
from core.contact import contact_in
from core.text import printable_text
from store.callback_requests import add_request

logger = logging.getLogger(__name__)

CONSENT, NAME, CONTACT, TIME = ("callback_consent", "callback_name", "callback_contact",
                                "callback_time")
FORM_SLOTS = [CONSENT, NAME, CONTACT, TIME]
MAX_NAME_CHARS = 100
MAX_NAME_WORDS = 6
MAX_TIME_CHARS = 200
# A detail asked this many times in a row without a usable answer ends the request: the form
# cannot hold a conversation forever (rasa_patches/session_limit.py never cuts inside a form).
MAX_TRIES = 3
# A refusal typed where a detail was asked for: a bare "no", or a cancelling phrase. Not any
# message that reads as "no": "no preference" or "no mornings" answer "when suits you?".
CANCEL = re.compile(r"^\W*(no\W+)?(cancel|never ?mind|forget (it|about it)|don'?t bother|quit|"
                    r"exit)\b|^\W*(no|nope|nah|no thanks?|no thank you|/deny)\W*$", re.IGNORECASE)
BAD_ANSWER_RESPONSES = {"callback_name": "utter_callback_bad_name",
                        "callback_contact": "utter_callback_bad_contact",
                        "callback_time": "utter_callback_bad_time"}
# "my name is Sam", "it's Sam", "Sam." -> "Sam"
NAME_LEAD_INS = ("my name is ", "my name's ", "name is ", "i am ", "i'm ", "im ", "it's ",
                 "its ", "this is ", "call me ")


def cleaned_name(text: Optional[Text]) -> Optional[Text]:
    name = printable_text(text).strip(" .!,")
    lowered = name.lower()
    for lead_in in NAME_LEAD_INS:
        if lowered.startswith(lead_in):
            name = name[len(lead_in):].strip(" .!,")
            break
    # A question or a sentence typed instead of a name is asked again, not stored as one.
    if not name or len(name) > MAX_NAME_CHARS or len(name.split()) > MAX_NAME_WORDS \
            or any(char.isdigit() or char in "@?" for char in name) \
            or not any(char.isalpha() for char in name):
        return None
    return name


def cleaned_time(text: Optional[Text]) -> Optional[Text]:
    when = printable_text(text).strip()
    if not when or len(when) > MAX_TIME_CHARS or not any(char.isalnum() for char in when):
        return None
    return when


# rasa shell's input channel: its replies go through the same collecting output channel as
# REST's, so a response variant per channel cannot tell them apart; the input channel can.
TERMINAL_CHANNEL = "cmdline"


def in_the_terminal(tracker: Tracker) -> bool:
    return tracker.get_latest_input_channel() == TERMINAL_CHANNEL


def offer_callback(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """The "Request a callback" button; words instead in the terminal."""
    dispatcher.utter_message(response="utter_offer_callback_in_words" if in_the_terminal(tracker)
                             else "utter_offer_callback")


class ActionOfferPerson(Action):
    """The clinic's channels, and the callback offer when the clinic takes requests."""

    def name(self) -> Text:
        return "action_offer_person"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        settings = CLINIC.settings()
        dispatcher.utter_message(text=f"I'm an automated assistant. {contact_sentence(settings)}")
        if settings.callback_requests:
            offer_callback(dispatcher, tracker)
        return []


class ValidateCallbackForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_callback_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        # Callbacks switched off in clinic.yml, or consent refused: nothing more to ask.
        if not CLINIC.settings().callback_requests:
            return []
        if tracker.get_slot(CONSENT) == NO:
            return [CONSENT]
        return FORM_SLOTS

    def validate_callback_consent(self, value: Any, dispatcher: CollectingDispatcher,
                                  tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        message = tracker.latest_message or {}
        intent = message.get("intent") or {}
        answer = read_yes_no(message.get("text"), intent.get("name"), intent.get("confidence"))
        if answer in (YES, NO):
            return {CONSENT: answer}
        dispatcher.utter_message(response="utter_callback_unclear_consent")
        return {CONSENT: None}

    def validate_callback_name(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self.checked(NAME, cleaned_name(value if isinstance(value, str) else None),
                            dispatcher, tracker)

    def validate_callback_contact(self, value: Any, dispatcher: CollectingDispatcher,
                                  tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self.checked(CONTACT, contact_in(value if isinstance(value, str) else None),
                            dispatcher, tracker)

    def validate_callback_time(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self.checked(TIME, cleaned_time(value if isinstance(value, str) else None),
                            dispatcher, tracker)

    @staticmethod
    def checked(slot: Text, cleaned: Optional[Text], dispatcher: CollectingDispatcher,
                tracker: Tracker) -> Dict[Text, Any]:
        """The cleaned detail; or, for a refusal or one try too many, consent withdrawn, which
        ends the form (required_slots) and clears the details (action_submit_callback)."""
        if refuses(tracker) or (cleaned is None and
                                failed_tries(tracker, slot) + 1 >= MAX_TRIES):
            return {CONSENT: NO, NAME: None, CONTACT: None, TIME: None}
        if cleaned is None:
            dispatcher.utter_message(response=BAD_ANSWER_RESPONSES[slot])
        return {slot: cleaned}


def refuses(tracker: Tracker) -> bool:
    """A "no" or "cancel" typed where a detail was asked for."""
    return bool(CANCEL.search((tracker.latest_message or {}).get("text") or ""))


def failed_tries(tracker: Tracker, slot: Text) -> int:
    """How many times in a row the form has already said this detail was not usable."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "bot":
            continue
        response = (event.get("metadata") or {}).get("utter_action")
        if response == BAD_ANSWER_RESPONSES[slot]:
            count += 1
        elif response != f"utter_ask_{slot}":
            break  # anything but this detail's complaint and its question asked again
    return count


class ActionSubmitCallback(Action):
    """Stores the request if the visitor agreed and gave every detail; clears the form's slots
    either way, so the details are not carried on in the conversation's slots."""

    def name(self) -> Text:
        return "action_submit_callback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        settings = CLINIC.settings()
        cleared = [SlotSet(slot, None) for slot in FORM_SLOTS]
        values = {slot: tracker.get_slot(slot) for slot in FORM_SLOTS}
        if not settings.callback_requests:
            dispatcher.utter_message(text=contact_sentence(settings))
            return cleared
        if values[CONSENT] != YES or not all(values.values()):
            dispatcher.utter_message(text="OK, nothing was stored. "
                                          + contact_sentence(settings))
            return cleared
        try:
            stored = add_request(values[NAME], values[CONTACT], values[TIME])
        except Exception as error:  # the database is down: say so, never claim it was stored
            # The type only: SQLAlchemy's message would quote the visitor's details.
            logger.error("Callback request could not be stored: %s", type(error).__name__)
            dispatcher.utter_message(text="Sorry, I couldn't save your request just now. "
                                          + contact_sentence(settings))
            return cleared
        if not stored:  # the day's cap (store/callback_requests.py): nothing was stored
            logger.warning("Callback request refused: the day's maximum was reached")
            dispatcher.utter_message(text="Sorry, I can't take more callback requests here "
                                          "today. " + contact_sentence(settings))
            return cleared
        dispatcher.utter_message(
            text=f"Thank you, {values[NAME]}. I've passed your request to "
                 f"{settings.display_name}: they will contact you at {values[CONTACT]} "
                 f"({values[TIME]}).")
        return cleared
