"""The screening verdict of the "am I a good candidate?" form: a plain function over the
knowledge file's `screening` and `contraindications` entries and the visitor's answers. Rasa-free;
the action server's form (actions/screening.py) collects the answers and sends this text.
"""
import re
from typing import Any, Dict, List, Optional, Text

from core.knowledge import KNOWLEDGE, citation, fact
from core.polarity import RESOLVED, read

YES, NO, UNSURE = "yes", "no", "unsure"
# The darker-skin question is no contraindication: it adds the article's caution.
DARKER_SKIN_SLOT = "screen_darker_skin"


def join_words(items: List[Text], word: Text = "and") -> Text:
    """"a", "b", "c" -> "a, b and c" (duplicates dropped)."""
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def screening_slots(knowledge: Dict[Text, Any] = KNOWLEDGE) -> List[Text]:
    """The form's questions, in order: one per `screening` entry, then darker skin."""
    return list(fact(knowledge, "screening")) + [DARKER_SKIN_SLOT]


def _named(names: List[Text], stated: List[Text], denied: List[Text]) -> List[Text]:
    """Of a question's conditions, the ones a "yes" is about: those the visitor stated when they
    denied all the others ("raised scars, but none are keloids": hypertrophic scars); else all of
    them, since one reading of a denial may be wrong and the pair is the article's own."""
    named = [n for n in names if n in stated]
    if named and all(n in denied for n in names if n not in named):
        return named
    return names


def verdict(answers: Dict[Text, Optional[Text]], knowledge: Dict[Text, Any] = KNOWLEDGE,
            stated: Optional[List[Text]] = None, denied: Optional[List[Text]] = None) -> Text:
    """The article's verdict on the visitor's answers: {slot: "yes" | "no" | "unsure"}, naming
    only the conditions a "yes" is about when the visitor said which (`stated`, `denied`)."""
    listed = fact(knowledge, "contraindications")
    screening = fact(knowledge, "screening")
    ruled_out = [listed[name] for slot, names in screening.items()
                 if answers.get(slot) == YES
                 for name in _named(names, stated or [], denied or [])]
    unsure = [listed[name] for slot, names in screening.items()
              if answers.get(slot) == UNSURE for name in names]
    if ruled_out:
        sentences = ["From your answers, the article would not recommend micro-needling for you: "
                     f"it is not recommended for anyone with {join_words(ruled_out, 'or')}."]
    elif unsure:
        sentences = ["I can't tell from your answers whether anything on the article's list of "
                     "reasons not to have micro-needling applies to you."]
    else:
        sentences = ["Nothing you told me is on the article's list of reasons not to have "
                     "micro-needling."]
    if unsure:
        # Never read as yes or no: the point is named, with what the article says about it.
        sentences.append(f"I couldn't tell your answer about {join_words(unsure, 'or')}: the "
                         "article does not recommend micro-needling for anyone with "
                         f"{join_words(unsure, 'or')}, so please discuss it with a dermatologist "
                         "or your provider before going ahead.")
    if answers.get(DARKER_SKIN_SLOT) == YES:
        sentences.append(f"About darker skin: {fact(knowledge, 'risk.darker_skin_caution')}.")
    elif answers.get(DARKER_SKIN_SLOT) == UNSURE:
        sentences.append("I couldn't tell whether your skin tone is darker. If it is: "
                         f"{fact(knowledge, 'risk.darker_skin_caution')}.")
    sentences.append("This is general information from the article, not a medical assessment: "
                     f"a dermatologist makes the decision. {citation(knowledge)}")
    return " ".join(sentences)


# An answer read in the form's context: words that answer the question asked with a yes
# although they hold no "yes" ("I scratched my cheek yesterday and it hasn't closed yet" to "do
# you have any open wounds?"). Only for a question whose answer such words can give; a negated
# cue ("no cuts at all") is left to the plain yes/no reading (core/answers.py).
# The questions about something that matters only while it lasts (core/knowledge.yml).
CURRENT_ONLY = {slot for slot, names in fact(KNOWLEDGE, "screening").items()
                if set(names) <= set(fact(KNOWLEDGE, "current_contraindications"))}
CONTEXT_YES = {
    "screen_wounds_or_infection": re.compile(
        r"\b(still open|(has|is|have|are|was)n'?t (closed|healed|scabbed)|"
        r"(has|is|have|are)\s+not\s+(closed|healed)|(won'?t|will not|doesn'?t|does not)\s+"
        r"(close|heal)|not (closed|healed)( up)?( yet)?|scratch(ed|es)?|scraped?|grazed?|"
        r"(a|my|the|small|little|fresh)\s+(cut|nick|sore|wound)|infected|infection)\b",
        re.IGNORECASE),
    "screen_poor_healing": re.compile(
        r"\b((heal|heals|healing)\s+(really\s+|very\s+|super\s+|so\s+)?(slow(ly)?|badly|poorly)|"
        r"takes? (ages|forever|weeks|a long time) to heal|slow healer)\b", re.IGNORECASE),
    "screen_scars": re.compile(
        r"\b(keloids?|raised scars?|thick scars?|hypertrophic)\b", re.IGNORECASE),
}


def answer_in_context(slot: Text, text: Optional[Text]) -> Optional[Text]:
    """YES when the message answers the form's question `slot` in its own words, else None."""
    pattern = CONTEXT_YES.get(slot)
    spans = [m.span() for m in pattern.finditer(text or "")] if pattern else []
    # A wound or an infection that is over ("a scratch last week, all healed now") answers no to
    # the question about one now; a history of scars or slow healing stays a history.
    over_is_no = slot in CURRENT_ONLY
    if spans and any(reading.is_the_visitors and not (over_is_no and reading.polarity == RESOLVED)
                     for reading in read(text or "", spans)):
        return YES
    return None
