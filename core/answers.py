"""Reads a visitor's reply to a yes/no question: "yes", "no" or None (unclear).

Used by the screening form's validation (actions/screening.py), and by any later form that
asks yes/no questions. Rasa-free: the caller passes the message text and, when it has them, the
NLU intent and its confidence.

The words decide. In order:
1. our own buttons' payloads ("/affirm", "/deny") are answers;
2. what is left after dropping invisible, control and combining characters must have words,
   and not too many of them (a long message is a story or a question, not an answer);
3. any hedge ("maybe", "not sure", "no idea", "I don't know") makes it unclear;
4. clear no phrases ("no", "nope", "never", "I don't", "not really", "not that I know of") and
   clear yes phrases ("yes", "yeah", "sure", "correct", "I do", "I have") are looked for, the no
   phrases first, so that "I have never" or "not correct" is a no and not also a yes; both
   kinds in one message ("yes and no", "no, I have") make it unclear;
5. a clear answer still counts only if NLU does not confidently read the opposite;
6. with no yes or no words at all, NLU's affirm/deny counts alone only when it is very sure
   and the message is a word or three that is not a mere acknowledgement ("ok", "great"): that
   lets misspellings through ("yse", "noe"), and trusts the classifier that far. "restart",
   "hmm", emoji, "whatever" are unclear whatever NLU makes of them.
"""
import re
from typing import List, Optional

from core.text import LEADING_FILLERS, printable_text

YES, NO = "yes", "no"

BUTTON_PAYLOADS = {"/affirm": YES, "/deny": NO}

MAX_WORDS = 25
# NLU alone (no yes/no words in the text) counts only at this confidence or above, and only
# for a message of at most NLU_ALONE_MAX_WORDS words.
NLU_ALONE_AT = 0.9
NLU_ALONE_MAX_WORDS = 3
# A clear yes (no) in the words is unclear if NLU reads deny (affirm) at least this sure.
CONTRADICTION_AT = 0.5

AFFIRM_INTENTS = {"affirm"}
DENY_INTENTS = {"deny"}

# Words that acknowledge or fill, but answer nothing: never an answer through NLU alone.
NOT_ANSWERS = {"ok", "okay", "k", "kk", "great", "cool", "alright", "fine", "good", "nice",
               "thanks", "thank", "lol", "hmm", "hm", "whatever", "restart", "what", "huh",
               "hi", "hello", "hey", "please", "wow", "oh", "ah", "um", "uh", "er"}

_HEDGES = (
    r"maybe|perhaps|possibly|probably|might|unsure|not sure|not certain|not too sure|"
    r"do not know|dunno|idk|no idea|not know|can not remember|do not remember|"
    r"can not say|hard to say|could be|kind of|sort of|kinda|sorta|i guess|depends|"
    r"sometimes|a bit|a little|not exactly"
)
# "I do", "I have", "I don't"... answer only on their own ("yes, I have"), at the end of a
# sentence or before a comma: "I have light skin" or "I don't heal well" are not answers.
_BARE = r"(?= \||$)"
_NO_PHRASES = (
    r"not that i know of|not that i know|not that i am aware(?: of)?|not as far as i know|"
    r"not to my knowledge|i do not think so|i do not believe so|i do not have|"
    r"i have not had|i have never had|i never had|i have no|i had no|never had|never have|"
    rf"(?:i do not|i have not|i did not|i had not|i am not|i would not|i have never|i never|"
    rf"never|they do not|it does not){_BARE}|"
    r"not really|not at all|not me|not (?:correct|right|true)|no way|"
    r"none|nothing|nope+|nop|nah+|nay|no+|negative"
)
_YES_PHRASES = (
    # "sure", not "make sure" or "not sure" (a hedge)
    r"yes+|yeah+|yea|yeh|yep+|yup+|ya|yah|(?<!make )(?<!making )(?<!be )sure|correct|"
    r"absolutely|definitely|certainly|"
    r"indeed|affirmative|of course|that is right|that is true|i think so|i believe so|"
    rf"mhm+|uh huh|(?:i do|i have|i did|i had|i would|they do|it does){_BARE}"
)
HEDGE = re.compile(rf"\b(?:{_HEDGES})\b")
# A reply whose first clause asks ("how do I make sure they know about dark skin"; after the
# fillers of core/text.py) answers nothing; "why not" consents.
OPENS_WITH_QUESTION_WORD = re.compile(
    r"^(how|what|when|where|which|who|why(?! not\b))\b(?! (no|nope|nah|yes|yeah|yep)\b)")
MIN_OPEN_QUESTION_WORDS = 4  # "how about no" and "what? no" still answer


def asks_open(joined: str) -> bool:
    first = joined.split(" | ")[0]
    return bool(OPENS_WITH_QUESTION_WORD.match(LEADING_FILLERS.sub("", first))) \
        and len(first.split()) >= MIN_OPEN_QUESTION_WORDS


BARE_ANSWER = re.compile(rf"^(?:{_NO_PHRASES}|{_YES_PHRASES})(?: (?:{_NO_PHRASES}|{_YES_PHRASES}))*"
                         r"(?: (?:one|ones|any|them|those|it|that|either))?$")


def answer_after_question(joined: str) -> str:
    """After a question that opens the reply, only a bare yes or no answers ("what if i say no?
    no"), and not one the question itself contradicts ("what if I have none, yes?"): "" when
    there is none."""
    first, *rest = joined.split(" | ")
    answer = " | ".join(rest)
    if not BARE_ANSWER.match(answer):
        return ""
    said_no = bool(NO_PHRASE.search(answer))
    if said_no != bool(NO_PHRASE.search(first)) and (NO_PHRASE.search(first)
                                                      or YES_PHRASE.search(first)):
        return ""
    return answer
NO_PHRASE = re.compile(rf"\b(?:{_NO_PHRASES})\b")
YES_PHRASE = re.compile(rf"\b(?:{_YES_PHRASES})\b")
# Words that answer only as the whole message ("y", "n"; "right" alone, not "right now").
WHOLE_MESSAGE = {"y": YES, "right": YES, "n": NO, "not": NO}

_CONTRACTIONS = {
    "can't": "can not", "cant": "can not", "won't": "will not", "ain't": "am not",
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "havent": "have not",
    "hasnt": "has not", "hadnt": "had not", "isnt": "is not", "wouldnt": "would not",
    "i'm": "i am", "im": "i am", "i've": "i have", "ive": "i have", "i'd": "i would",
    "that's": "that is", "thats": "that is", "it's": "it is",
}
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
CLAUSE_BREAK = re.compile(r"[,.;:!?()\[\]\-\u2013\u2014/]+")


def visible_text(text: Optional[str]) -> str:
    """The text for matching words: core/text.py's cleaning, accents dropped ("yés" is "yes")."""
    return printable_text(text, drop_marks=True)


def words(text: Optional[str]) -> List[str]:
    """Lower-case English words, contractions spelled out ("don't" -> "do", "not")."""
    found = re.findall(r"[a-z]+(?:'[a-z]+)*", visible_text(text).lower().translate(_APOSTROPHES))
    spelled: List[str] = []
    for word in found:
        if word in _CONTRACTIONS:
            spelled += _CONTRACTIONS[word].split()
        elif word.endswith("n't"):
            spelled += [word[:-3], "not"]
        else:
            spelled.append(word)
    return spelled


def clauses(text: Optional[str]) -> str:
    """The words, with " | " between the sentences and comma-separated parts."""
    parts = (" ".join(words(part)) for part in CLAUSE_BREAK.split(visible_text(text)))
    return " | ".join(part for part in parts if part)


def is_hedged(text: Optional[str]) -> bool:
    """Whether the reply hedges ("maybe", "not sure", "no idea"): never a clear answer."""
    return bool(HEDGE.search(clauses(text)))


def read_yes_no(text: Optional[str], intent: Optional[str] = None,
                confidence: Optional[float] = None) -> Optional[str]:
    """"yes", "no", or None when the reply is not clearly one of them."""
    if (text or "").strip() in BUTTON_PAYLOADS:
        return BUTTON_PAYLOADS[(text or "").strip()]
    said = words(text)
    if not said or len(said) > MAX_WORDS:
        return None
    joined = clauses(text)
    if asks_open(joined):
        joined = answer_after_question(joined)
        if not joined:
            return None
    if HEDGE.search(joined):
        return None
    nlu = YES if intent in AFFIRM_INTENTS else NO if intent in DENY_INTENTS else None
    sure = (confidence or 0.0) if nlu else 0.0
    if len(said) == 1 and said[0] in WHOLE_MESSAGE:
        answer: Optional[str] = WHOLE_MESSAGE[said[0]]
    else:
        said_no = bool(NO_PHRASE.search(joined))
        said_yes = bool(YES_PHRASE.search(NO_PHRASE.sub(" | ", joined)))
        if said_yes and said_no:
            return None
        answer = YES if said_yes else NO if said_no else None
    if answer is not None:
        return None if nlu not in (None, answer) and sure >= CONTRADICTION_AT else answer
    if nlu and sure >= NLU_ALONE_AT and len(said) <= NLU_ALONE_MAX_WORDS \
            and not any(word in NOT_ANSWERS for word in said):
        return nlu
    return None
