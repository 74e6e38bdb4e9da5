"""What is left of a visitor's text once the characters nobody can see are gone: one cleaner for
every place that reads it (the input guard, yes/no reading, the callback form's name and time).

Format (zero-width), surrogate, private-use and unassigned characters are dropped, but the
zero-width joiner of emoji sequences is kept; every kind of whitespace (line breaks, tabs) and
every control character becomes one space. With `drop_marks`, combining marks go too, accents
included ("yés" is "yes"): for matching words, never for what is shown or stored ("Zoë" stays
"Zoë").
"""
import re
import unicodedata
from typing import Optional

ZERO_WIDTH_JOINER = "\u200d"


def printable_text(text: Optional[str], drop_marks: bool = False) -> str:
    kept = []
    for char in unicodedata.normalize("NFKD" if drop_marks else "NFC", text or ""):
        if char.isspace() or unicodedata.category(char) == "Cc":
            kept.append(" ")  # a control character parts words as a space would
        elif char == ZERO_WIDTH_JOINER:
            kept.append(char)
        elif unicodedata.category(char)[0] == "C":
            continue
        elif drop_marks and unicodedata.category(char)[0] == "M":
            continue
        else:
            kept.append(char)
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).split())


# Words a question starts with (after any filler such as "so" or "and"): the one list the
# segmenter (channels/questions.py) and the symptom net (core/symptoms.py) read.
QUESTION_START = re.compile(
    r"^(how|hows|how's|what|whats|what's|wat|when|where|which|who|whos|who's|why|is|isn't|"
    r"isnt|are|aren't|does|doesn't|doesnt|do|don't|did|can|can't|cant|could|will|would|"
    r"should|shall|may|might|any|anything|has|have|was|were|am\s+i)\b", re.IGNORECASE)


# Words a question may open with before its question word: "ok what about the scars on my jaw".
LEADING_FILLERS = re.compile(r"^\W*((ok(ay)?|so|and|but|also|well|hmm+|oh|then|um+|uh+|er+m?|"
                             r"like|hi|hey|hello)\W+)+", re.IGNORECASE)


# A question put as a request, for the segmenter (channels/questions.py): "give me the cost and
# let me know if bleeding is normal" asks two things.
ASKS_AS_A_REQUEST = re.compile(r"^((and|also|then|please|pls|plz|just)\s+)*(let\s+(me|us)\s+"
                               r"know|tell\s+(me|us))\s+(if|whether)\b",
                               re.IGNORECASE)


def asks_a_question(text: Optional[str]) -> bool:
    """A question ("how can I tell if it's infected?", "bleeding a bit, is that normal"), not a
    report ("I think it's infected", "my skin is still bleeding though"). A question put as a
    request ("let me know if ...") is one for the segmenter only: "my skin is burning since the
    treatment, tell me if that's normal" reports."""
    text = LEADING_FILLERS.sub("", (text or "").strip())
    return "?" in text or bool(QUESTION_START.match(text)) or any(
        QUESTION_START.match(clause.strip()) for clause in re.split(r"[,.;!]", text)[1:])
