"""What the article says about the visitor's own circumstances, as far as they told us: only
what they stated, never what they denied or only asked about (nlu_components/condition_polarity.py
gives each condition its role; actions/context.py reads them)."""
from typing import Any, Dict, List, Text

from actions.context import DARKER_SKIN, VisitorContext
from core.knowledge import fact
from core.screening import join_words

LIGHTER_SKIN = "lighter skin"  # data/nlu/synonyms.yml


def contraindications_mentioned(knowledge: Dict[Text, Any], context: VisitorContext) -> List[Text]:
    """The article's descriptions of the contraindications the visitor has mentioned."""
    listed = fact(knowledge, "contraindications")
    return [listed[name] for name in context.conditions if name in listed]


def personal_notes(knowledge: Dict[Text, Any], context: VisitorContext) -> List[Text]:
    """What the article says about the visitor's own circumstances, as far as we know them:
    only what they stated, never what they denied or only asked about."""
    notes = []
    mentioned = contraindications_mentioned(knowledge, context)
    # "Please talk to a dermatologist before considering it" is no answer to a visitor who has
    # had it done (VisitorContext.treatment_had).
    if mentioned and not context.treatment_had:
        notes.append(
            f"You mentioned {join_words(mentioned)}: the article says micro-needling is not "
            "recommended for anyone with that. Please talk to a dermatologist before "
            "considering it."
        )
    listed = fact(knowledge, "contraindications")
    asked = [listed[name] for name in context.asked
             if name in listed and listed[name] not in mentioned]
    if asked:
        # "what if I had keloids?": the article's rule, said of anyone, not of the visitor.
        notes.append(f"The article says micro-needling is not recommended for anyone with "
                     f"{join_words(asked, 'or')}.")
    if context.has_darker_skin:
        notes.append(f"About darker skin: {fact(knowledge, 'risk.darker_skin_caution')}.")
    elif DARKER_SKIN in context.asked_skin_tones:
        # "what if I have dark skin?": the caution, said of darker skin, not of the visitor.
        notes.append(f"If your skin is darker: {fact(knowledge, 'risk.darker_skin_caution')}.")
    return notes


def stated_now(knowledge: Dict[Text, Any], context: VisitorContext,
               latest_conditions: List[Text]) -> List[Text]:
    """The "not recommended" note for a contraindication the visitor states in this very
    message ("I have keloids, does it hurt?"), to lead any answer with."""
    listed = fact(knowledge, "contraindications")
    named = [listed[name] for name in latest_conditions if name in listed]
    if not named or context.treatment_had:
        return []
    return [f"You mentioned {join_words(named)}: the article says micro-needling is not "
            "recommended for anyone with that. Please talk to a dermatologist before "
            "considering it."]


def skin_type_note(knowledge: Dict[Text, Any], context: VisitorContext) -> List[Text]:
    """For a skin tone or type the visitor states in this message that is not darker skin ("I
    have olive skin", "mine is oily"): all the article says of skin types. Darker skin has its
    own note (personal_notes)."""
    if not context.skin_tones_now or context.has_darker_skin:
        return []
    skin_types = f"The article says {fact(knowledge, 'suitability.skin_types')}"
    if all(tone.lower() == LIGHTER_SKIN for tone in context.skin_tones_now):
        return [f"{skin_types}."]
    # olive, medium, oily...: the one caution it gives, which may be theirs
    return [f"{skin_types}; {fact(knowledge, 'risk.darker_skin_caution')}."]


def not_yet_said(notes: List[Text], text: Text) -> List[Text]:
    """The notes whose statement is not already in `text` (what this turn said, or the reply
    about to follow): "About darker skin: <the caution>" before a reply that states the same
    caution says it twice."""
    def statement(note: Text) -> Text:
        return note.split(": ", 1)[-1].rstrip(".").lower()
    return [note for note in notes if statement(note) not in text.lower()]

