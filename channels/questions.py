"""Splits a visitor's message into the questions it asks, so each gets its answer, in order.

"how much is it and does it hurt?" -> ["how much is it", "does it hurt?"]. Visitors often run two
questions together; the intent classifier names one intent per message, so each question is
processed as a message of its own (channels/guard.py). What is not a question (a greeting, the
story before a question: "I'm 34 and had acne as a teen.") stays with the question after it, so
the context is not lost and no answer is given to a statement. A message with one question is
left exactly as it was.
"""
import re
from typing import List

# Words a question starts with (after fillers such as "so", "and", "also").
QUESTION_START = re.compile(
    r"^(how|hows|how's|what|whats|what's|wat|when|where|which|who|whos|who's|why|is|isn't|"
    r"isnt|are|aren't|does|doesn't|doesnt|do|don't|did|can|can't|cant|could|will|would|"
    r"should|shall|may|might|any|anything|has|have|was|were)\b", re.IGNORECASE)
FILLERS = re.compile(r"^(?:(?:so|and|also|but|ok|okay|plus|then|oh|well|hi|hey|hello|um|"
                     r"btw|and also|q:|faq:|question:)(?:\s|,|$)[\s,]*)+", re.IGNORECASE)
# Sentence ends: ? or ! (any number), or a full stop before a new word; and line breaks.
SENTENCE_END = re.compile(r"(?<=[?!])\s+|(?<=[.])\s+(?=[A-Za-z])|\s*\n+\s*")
# Where a second question may start inside a sentence: "... and does it hurt", "..., how long".
JOINT = re.compile(r"\s*(?:,\s*(?:and|also|plus|&)?|;|\s(?:and|also|plus|&))\s+(?=\S)",
                   re.IGNORECASE)
MAX_QUESTIONS = 3
MIN_WORDS = 2


def is_question(text: str) -> bool:
    text = text.strip()
    return text.endswith("?") or bool(QUESTION_START.match(FILLERS.sub("", text)))


def _asks(text: str) -> bool:
    """Whether a clause of the text (after a comma) starts a question: "Getting married in 3
    months, how many sessions can I fit in"."""
    return any(QUESTION_START.match(FILLERS.sub("", clause.strip()))
               for clause in text.split(","))


def _split_sentence(sentence: str) -> List[str]:
    """Splits one question sentence where a new question starts after "and" or a comma."""
    parts: List[str] = []
    start = 0
    for joint in JOINT.finditer(sentence):
        left = sentence[start:joint.start()].strip()
        right = sentence[joint.end():]
        if (QUESTION_START.match(FILLERS.sub("", right)) and len(left.split()) >= MIN_WORDS
                and len(right.split()) >= MIN_WORDS and _asks(left)):
            parts.append(left)
            start = joint.end()
    parts.append(sentence[start:].strip())
    return parts


def split_questions(text: str) -> List[str]:
    """The questions a message asks, each with the statements before it; [text] if one."""
    sentences = [s for s in SENTENCE_END.split(text.strip()) if s and s.strip()]
    questions: List[str] = []
    context: List[str] = []
    for sentence in sentences:
        if not is_question(sentence):
            context.append(sentence)
            continue
        pieces = _split_sentence(sentence)
        pieces[0] = " ".join(context + [pieces[0]])
        context = []
        questions.extend(pieces)
    if context:  # statements after the last question belong to it
        if not questions:
            return [text]
        questions[-1] = " ".join([questions[-1]] + context)
    if len(questions) <= 1:
        return [text]
    if len(questions) > MAX_QUESTIONS:
        questions = questions[:MAX_QUESTIONS - 1] + [" ".join(questions[MAX_QUESTIONS - 1:])]
    return questions
