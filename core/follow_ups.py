"""Whether a message NLU could not place reads as a follow-up to the previous answer.

"how long until it stops?", "is that per session?", "and after the last one?" name no topic of
their own: they lean on the answer before them. When NLU is unsure of such a message, the
previous answer's topic is the likeliest reading (actions/safety.py offers it first, after
saying plainly that it may have misunderstood). A long message, or one that names a topic
the article never covers, is not treated as a follow-up.
"""
import re
from typing import Optional

from core.knowledge import KNOWLEDGE, fact
from core.symptoms import BODY_STATE, mentions_symptom, someone_else_s
from core.text import asks_a_question

# The metadata key the input guard (channels/guard.py) sets on each question of a message after
# its first: its place (1, 2). A later question of one message is no follow-up of the first's
# answer (nlu_components/reading/same_topic.py).
QUESTION_KEY = "question_of_message"
# The actions that follow an answer without answering anything themselves: what came before
# them is the last answer (actions/asked_fact.py, nlu_components/reading/rule.py).
AFTER_AN_ANSWER = {"action_listen", "action_ask_feedback", "action_session_start"}

# A follow-up is short: a long message carries its own question.
MAX_FOLLOW_UP_WORDS = 12
# After a report of their own, a question about it runs longer ("will it go away on its own or
# do i need to do something"): missing one costs more than a care reply too many.
MAX_OWN_SITUATION_WORDS = 20

# Words that point back at the previous answer, or open a message that continues it.
REFERS_BACK = re.compile(r"\b(it|its|it's|that|this|these|those|they|them|there)\b",
                         re.IGNORECASE)
CONTINUES = re.compile(r"^\W*(and|but|so|ok(ay)?|then|also|what about|how about|same)\b",
                       re.IGNORECASE)


# A pronoun for what the last answer was about ("is that each time?", "how do they avoid it?",
# "is she a dermatologist?"), or a time word with nothing after it ("how long before?").
POINTS_BACK = re.compile(
    r"\b(that|those|it|its|it's|they|them|these|this|she|her|he|him|then|each time|"
    r"the only one)\b|\b(before|after|during)\W*$", re.IGNORECASE)


# Words of money: "how much is that in total?" after the series answer asks its price, whatever
# its "that" points at (nlu_components/reading/same_topic.py).
NAMES_A_PRICE = re.compile(r"\b(cost\w*|price\w*|pricing|total|pay\w*|money|dollars?|"
                           r"expensive|cheap\w*|afford\w*|how much (is|are|would|will|does|do))\b"
                           r"|\$", re.IGNORECASE)


def names_a_price(text: Optional[str]) -> bool:
    return bool(NAMES_A_PRICE.search(text or ""))


def points_back(text: Optional[str], max_words: int) -> bool:
    """A message of at most `max_words` words with a word that points at the last answer."""
    text = (text or "").strip()
    words = re.findall(r"[\w']+", text)
    return 0 < len(words) <= max_words and bool(POINTS_BACK.search(text))


def is_short(text: str) -> bool:
    """Some words, and no more than a follow-up has: a long message carries its own question,
    and a regex never reads a long (or hostile) one."""
    words = re.findall(r"[\w']+", text)
    return 0 < len(words) <= MAX_FOLLOW_UP_WORDS


def continues_previous(text: Optional[str]) -> bool:
    """A short message that refers back to, or carries on from, what was said before."""
    text = (text or "").strip()
    return is_short(text) and bool(REFERS_BACK.search(text) or CONTINUES.match(text))


# "for how long?", "how long is that supposed to last?": after an answer about results or
# after-effects, a short "how long" names no topic of its own and asks how long *that* lasts.
# Read alone, it reads as the session-length question (nlu_components/reading/).
# "for how many months?" asks the same in units.
HOW_LONG = re.compile(r"^\W*((and|so|but|ok(ay)?|then)\W+)?(for\s+)?how\s+"
                      r"(long|many\s+(days|weeks|months|years))\b", re.IGNORECASE)
# Words that give a "how long" question a topic of its own ("how long does a session take?").
OWN_TOPIC = re.compile(
    r"\b(sessions?|appointments?|treatments?|procedures?|chair|takes?|numb\w*|creams?|heal\w*|"
    r"recover\w*|wait\w*|until|till|before|between|apart|book\w*|needles?|series)\b",
    re.IGNORECASE)
MAX_HOW_LONG_WORDS = 8
SESSION_WORDS = re.compile(r"\b(sessions?|appointments?|treatments?|procedures?|numb\w*|creams?|"
                           r"results?)\b", re.IGNORECASE)
# "how long until it stops?", "how long does it take to go away": the end of something the
# previous answer described. Its "until" or "take" would otherwise give it a topic of its own.
UNTIL = re.compile(r"\b(until|till|til|take|takes|taking)\b", re.IGNORECASE)
IT_ENDS = re.compile(r"\b(stops?|go(es)? away|fades?|clears?( up)?|settles?( down)?|calms? down|"
                     r"disappears?|wears? off|ends?|(is|are|be) gone)\W*$", re.IGNORECASE)


def asks_how_long_that_lasts(text: Optional[str]) -> bool:
    """A short "how long" that leans on the answer before it."""
    text = (text or "").strip()
    words = re.findall(r"[\w']+", text)
    if not HOW_LONG.match(text) or len(words) > MAX_FOLLOW_UP_WORDS:
        return False
    if UNTIL.search(text) and IT_ENDS.search(text) and REFERS_BACK.search(text) \
            and not SESSION_WORDS.search(text):
        return True
    if len(words) > MAX_HOW_LONG_WORDS or OWN_TOPIC.search(text):
        return False
    # "for how many months?": its "for" leans on the answer as much as a pronoun would.
    return len(words) <= 3 or bool(REFERS_BACK.search(text) or CONTINUES.match(text)
                                   or re.match(r"\W*for\s+how\b", text, re.IGNORECASE))


# "how fast?", "how soon would I see it?": a short question of how soon it works, which leans on
# the answer before it (after what it treats). Read alone, the classifier has no topic for it.
# Not "how quick is it?" (the session) nor "how soon could I get in / start?" (booking).
HOW_SOON = re.compile(
    r"^\W*((and|so|but|ok(ay)?|then|hmm+|um+)\W+)*how\s+(fast|soon|quickly)"
    r"(\s+(will|would|do|does|can|could)\s+(i|it|you|u|they|we)"
    r"(\s+(see|notice|work|kick|show|look|become)\w*"
    r"(\s+(it|in|results?|a\s+difference|anything|a\s+change|any\s+change|an\s+improvement|"
    # "how soon would they look smaller" after what it treats
    r"(any\s+)?(smaller|better|smoother|clearer|different|tighter|improved|flatter|lighter)))?)?)?"
    r"\W*$", re.IGNORECASE)


def asks_how_soon(text: Optional[str]) -> bool:
    """A short question of how soon, with no topic of its own."""
    return bool(HOW_SOON.match((text or "").strip()))


# "is that per session or for all of them?", "wait, is that for one visit or the full course?":
# whether the previous answer is for one session or the whole series. Read alone, the session
# words make it a question about the procedure (nlu_components/reading/).
ONE_SESSION = r"\b(per|each|every|one|1|a single|single|the first|first)\s+" \
              r"(sessions?|visits?|treatments?|sittings?|appointments?|times?|go)\b"
ALL_SESSIONS = r"\b(all|whole|full|entire|total|complete|series|package|overall)\b"
ONE_OR_ALL = re.compile(rf"{ONE_SESSION}.*\bor\b.*{ALL_SESSIONS}|"
                        rf"{ALL_SESSIONS}.*\bor\b.*{ONE_SESSION}", re.IGNORECASE | re.DOTALL)
# Words that give the question a topic of its own: "does it hurt the first time or every time?"
# asks about pain whatever the answer before it was.
OWN_SCOPE_TOPIC = re.compile(
    r"\b(hurts?|hurting|pain\w*|sore|work(s|ing)?|peel\w*|red(ness)?|downtime|heal\w*|"
    r"recover\w*|bleed\w*|swell\w*|numb\w*|safe|risk\w*)\b", re.IGNORECASE)
# It asks about "that" answer: "is that / was it / are those ...", or starts at the scope
# ("per session or ...?"). "is one session enough or does it take the whole series?" asks about
# the number of sessions instead.
# Words before a follow-up that ask nothing: a joiner, or a reaction to the answer ("bruh. per
# time??", "wow ok and per session").
REACTION = (r"(and|so|but|wait|ok(ay)?|sorry|hmm+|oh|um+|uh+|bruh|bro|lol|omg|wow|damn|dang|"
            r"geez|jeez|ugh+|whoa|yikes|wtf)")
ABOUT_THAT = re.compile(rf"^\W*({REACTION}\W+)*"
                        r"((is|was|does|do|are|were)\s+(that|this|it|those|these|they)|"
                        r"that'?s|it'?s|per|for)\b", re.IGNORECASE)


# The scope alone, as a fragment: "and per session", "for all of them?".
SCOPE_ONLY = re.compile(
    rf"^\W*({REACTION}\W+)*"
    rf"((for\s+)?{ONE_SESSION}|(for\s+)?(all\s+(of\s+)?(them|those)|the\s+(whole|full|entire)\s+"
    r"(thing|series|course|package|lot))|in\s+total)\W*$", re.IGNORECASE)


# One side of it, asked of "that" and ending there: "is that each time?", "is it per session?",
# "was that price for one visit?". Only "is/was that ...", and only "per", "each", "every" or
# "for one": "do they use new needles each time?" asks something of its own, and "is it just one
# session?" asks how many sessions.
THAT_FOR_ONE = re.compile(
    rf"^\W*({REACTION}\W+)*(is|was|are|were)\s+"
    r"(that|this|it|those|these)\s+((the\s+)?(price|cost|figure|figures|time|length)\s+)?"
    r"((per|each|every)\s+|for\s+(one|1|a\s+single|a|each|every)\s+)"
    r"(sessions?|visits?|treatments?|sittings?|appointments?|times?|go)\W*$", re.IGNORECASE)


def asks_one_session_or_all(text: Optional[str]) -> bool:
    """A short question, referring back, on whether that was for one session or all of them, or
    the scope alone ("and per session?", "is that each time?"), also with a reaction after it
    that asks nothing ("per session?? ngl thats a lot")."""
    text = (text or "").strip()
    if not is_short(text) or OWN_SCOPE_TOPIC.search(text):
        return False
    head, _, rest = text.partition("?")
    rest = rest.strip(" ?!.")
    # a reaction, not what the visitor tells ("is that per session? i have keloids")
    reaction = rest and not asks_a_question(rest) and not BODY_STATE.search(rest) \
        and not re.search(r"\b(i|i'?m|im|my|me|mine|i'?ve|ive)\b", rest, re.IGNORECASE)
    asked = [text] + ([head + "?"] if reaction else [])
    return any(ABOUT_THAT.match(part) and ONE_OR_ALL.search(part) or SCOPE_ONLY.match(part)
               or THAT_FOR_ONE.match(part) for part in asked)


# "and after the last one?", "once I've finished them all, is that it?": after the answer on the
# series of sessions or on results, a short question about what comes once the series is over.
# Read alone, its "after" makes it the recovery question; the results answer (utter_results in
# core/knowledge.yml) covers it (nlu_components/reading/).
# "after that", "once those are done": a bare pronoun counts only straight after "after" or
# "once" ("when can I book them?" and "then those are all my questions" are not about it).
AFTER_THOSE = r"\b(after|once)\s+(all\s+(of\s+)?)?(that|those|them|these|all)\b"
# The series' length is the article's (core/knowledge.yml): "the sixth one", "the 6 sessions".
_SERIES = int(fact(KNOWLEDGE, "treatment_plan.series_sessions"))
_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve"]
_ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth"]
_SUFFIX = {1: "st", 2: "nd", 3: "rd"}.get(_SERIES % 10 if _SERIES not in (11, 12, 13) else 0, "th")
_LAST = f"{_ORDINALS[_SERIES]}|{_SERIES}{_SUFFIX}"
_COUNT = f"{_WORDS[_SERIES]}|{_SERIES}"
# "after the last one", "once I'm done", "when the series is over": the end said in words.
SERIES_OVER = (
    r"(it'?s? (all )?(over|done|finished)|"
    rf"(the|my|your) (last|final|{_LAST}) (one|sessions?|treatments?|appointments?|visits?|round)|"
    r"(i'?m|i am|i'?ve|i have|ive|im|we'?re|you'?re|u r|ur|they'?re|i) (all )?"
    r"(finished|finish|done|through|completed?)|"
    r"(finish|finishing|completing|complete|end of|ending) (the |my |all )?"
    r"(series|course|sessions|treatments|round|them|all)|"
    rf"(the |my )?(series|course|round|{_COUNT})( sessions?| treatments?)? (is |are |'s )?"
    r"(over|done|finished|complete|completed))")
SERIES_END = re.compile(rf"{AFTER_THOSE}|\b(after|once|when|whe?n|then|post)\W+((\w+\W+){{0,3}}?)"
                        rf"{SERIES_OVER}\b", re.IGNORECASE)
# Words that give the message a topic of its own: "and after that, how long is my face red?"
# asks about after-effects; "once I'm done, what does it cost?" about the price.
AFTER_OWN_TOPIC = re.compile(
    r"\b(hurts?|hurting|pain\w*|sore|numb\w*|red(ness)?|peel\w*|flak\w*|bleed\w*|swell\w*|"
    r"dry|dryness|makeup|make-up|sun\w*|heal\w*|recover\w*|downtime|cost\w*|price\w*|pay|"
    r"\$|charge\w*|work(out)?|gym|exercise|wash\w*|products?|serums?|creams?|retinol|"
    r"risk\w*|safe\w*|side effects?|infect\w*|bumps?|book\w*|"
    r"alcohol|drink\w*|pregnan\w*|laser\w*|person|human|talk|call\w*)\b",
    re.IGNORECASE)


def asks_after_the_series(text: Optional[str]) -> bool:
    """A short follow-up about what happens once the series of sessions is over."""
    text = (text or "").strip()
    return is_short(text) and bool(SERIES_END.search(text)) \
        and not AFTER_OWN_TOPIC.search(text)


# "and after?", "what about the day after?", "but does it hurt after?": after an answer about the
# session itself (the pain, the procedure), a short message asking only about "after" asks about
# the time after it, the after-effects; read with that answer's topic, it got the same answer
# again. Its words are "after" and these: fillers, a time, how it feels ("does it still hurt after
# that" after the numbing asks of the pain with the cream on).
AFTER = re.compile(r"\b(after|afterwards?)\b", re.IGNORECASE)
ONLY_ABOUT_AFTER = {
    "and", "n", "so", "ok", "okay", "but", "then", "what", "about", "how", "um", "cool", "fine",
    "right", "straight", "just", "the", "day", "days", "week", "that", "it", "its", "it's",
    "session", "treatment", "appointment", "procedure", "does", "do", "is", "will", "would", "be",
    "i", "feel", "hurt", "hurts", "sore", "tender", "painful", "sting", "stings", "pain",
    "mild", "pricking", "much", "very", "really", "after", "afterwards", "afterward"}


def asks_after_the_session(text: Optional[str]) -> bool:
    """A short follow-up about the time after the session: "and after?", "what about the day
    after?", "ok mild pricking i can do. but does it hurt after"."""
    text = (text or "").strip()
    last = re.split(r"(?<=[.!?])\s+", text)[-1]
    words = re.findall(r"[a-z']+", last.lower())
    return is_short(text) and bool(AFTER.search(last)) and set(words) <= ONLY_ABOUT_AFTER


# "and for five?", "ok what if I do 5", "for all six?", "how about 3": after the price answer, a
# short message naming only a number asks the price for that many sessions. Read alone it has no
# topic, and without a session word the entity ruler finds no count in it.
NUMBER = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
COUNT_ONLY = re.compile(
    rf"^\W*((and|so|but|ok(ay)?|then|hmm+|oh|what|how|if|i|do|did|get|go|for|about|with|only|"
    rf"just|all|of|them|those|we|say|like|want|wanted|to|plan|planning|on|doing|would|"
    rf"it|be|costs?|the|price|total|wait|no|sorry|actually|make|meant|mean)\W+)*{NUMBER}"
    rf"(\W+(of\s+them|sessions?|treatments?|appointments?|visits?|rounds?|times?|then|instead|"
    rf"total|in total|altogether|cost|costs|be|come to|run me))*\W*$", re.IGNORECASE)
COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def session_count_follow_up(text: Optional[str]) -> Optional[int]:
    """The number of sessions a short count-only follow-up names ("and for five?" -> 5), also
    as the last sentence of a message that tells why first ("no wait, my friend only did 4
    sessions. what would 4 come to?")."""
    text = (text or "").strip()
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    before = " ".join(sentences[:-1])
    # what comes before tells only why: nothing of the visitor's own or of a symptom ("I have
    # keloids on my chest. 3 sessions." is no price question)
    if len(sentences) > 1 and is_short(sentences[-1]) and COUNT_ONLY.match(sentences[-1]) \
            and not any(asks_a_question(s) for s in sentences[:-1]) \
            and not mentions_symptom(before) and not BODY_STATE.search(before) \
            and not re.search(r"\b(i|i'?m|im|i'?ve|ive|me|mine)\b", before, re.IGNORECASE):
        text = sentences[-1]
    found = COUNT_ONLY.match(text) if is_short(text) else None
    if not found:
        return None
    number = re.search(rf"\b{NUMBER}\b", text, re.IGNORECASE).group(1).lower()
    return int(number) if number.isdigit() else COUNTS[number]


# "is the serum part of that price?", "does that include numbing?": after the price answer, what
# the price covers. The article says only what the price depends on (the area and the serum),
# which the price answer states; read alone it would be a question about the serum.
WHAT_PRICE_COVERS = re.compile(
    r"\b(includ\w*|part of|extra|on top|additional(ly)?|separate(ly)?|"
    r"charged?\s+(for|extra|separately)|covers?|come with|comes with)\b", re.IGNORECASE)


def asks_what_the_price_covers(text: Optional[str]) -> bool:
    text = (text or "").strip()
    return is_short(text) and bool(WHAT_PRICE_COVERS.search(text))


# After any other answer, or none, a short question naming the price and what it covers or what
# moves it ("is the numbing included in the price?", "does the serum change the cost?") asks the
# price: read alone its "numbing" or "serum" made it the pain or procedure question.
# The price named by its word, not by "how much does" ("how much does redness depend on the
# serum?" asks no price), and what moves it said of it.
PRICE_WORD = re.compile(r"\b(cost|costs|price|prices|pricing|fee|fees|total|bill)\b|\$",
                        re.IGNORECASE)
MOVES_THE_PRICE = re.compile(
    r"\b(change|changes|affect|affects|raise|raises|add\s+to|adds\s+to|depend\w*\s+on)\s+"
    r"(\w+\s+){0,2}?(price|cost|fee|total|bill)\b|\b(price|cost|fee|total)\s+(\w+\s+){0,3}?"
    r"(change|changes|depend\w*|go\s+up|goes\s+up|vary|varies|differ\w*)\b", re.IGNORECASE)


# The price named by a word of money ("total" also times things: "how long in total").
MONEY_WORD = re.compile(r"\b(cost|costs|price|prices|pricing|fee|fees|charge|charged)\b|\$",
                        re.IGNORECASE)


# "how much for both thighs", "and how much to do my neck": "how much" with no noun of its own
# ("how much swelling") asks the price.
HOW_MUCH_FOR = re.compile(r"^\W*((and|so|ok|okay|but|then|also)\W+)*how\s+much\s+(is\s+it\s+|"
                          r"would\s+it\s+be\s+|will\s+it\s+be\s+)?(for|to\s+(do|get|treat|"
                          r"have))\b", re.IGNORECASE)


def asks_about_the_price(text: Optional[str]) -> bool:
    text = (text or "").strip()
    # "ok and the price is for each time or for all?": the price's scope
    return is_short(text) and (
        bool(PRICE_WORD.search(text))
        and bool(WHAT_PRICE_COVERS.search(text) or MOVES_THE_PRICE.search(text)
                 or (MONEY_WORD.search(text) and (ONE_OR_ALL.search(text)
                                                  or re.search(ONE_SESSION, text, re.IGNORECASE))))
        or bool(HOW_MUCH_FOR.match(text)))


# After the visitor reported a symptom of their own: "should I still go to my next session?",
# "will it fade on its own?", "is that the hyperpigmentation thing?", "what do I do, the clinic is
# closed": questions about their situation, which only their provider or a doctor can answer.
OWN_SITUATION = re.compile(
    r"^\W*((so|and|but|ok(ay)?|also|hmm+|well|oh|then|wait|sorry|um+|uh+|like|i\s+mean)\W+)*"
    r"(should i|do i|can i|could i|must i|will it|will they|would it|is it|is that|is this|"
    r"are they|are those|was that|was it|could it|could this|could that|might it|does that|"
    r"does this|does it|what (do|should|can) i|what now|how long (will|until|till|before)|"
    r"when will|how do i (get rid|treat|fix|stop)|is there anything)\b"
    r"|\bwhat (to|do i|should i) do\b|\b(put|apply) (something|anything)\b"
    # "can you just tell me what cream to put on it"
    r"|\bwhat\s+(cream|ointment|lotion|gel|balm|product|stuff|medicine|meds|antibiotic)s?\s+"
    r"(to|should\s+i|can\s+i|do\s+i)\s+(put|use|apply|take)\b(?!.*\bnumb)"
    # mid-sentence, after what they told: "it just looks bad so can I just ice it", "I've four
    # more booked, do I keep them?"
    r"|\b(so|and|but)\s+(like\s+)?(should|can|could|do)\s+i\b"
    r"|,\s*(should|do)\s+i\s+(still\s+)?(keep|go|cancel|wait|leave|put|use|wash|ice|cover|"
    r"see|call|stop)\b"
    # after a comma, a question about what they told: "its also kinda hot and throbbing, is
    # that just healing??"
    r"|[,;]\s*(is|was|could|would|does|will)\s+(that|this|it)\s+(just|normal|ok|okay|fine|"
    r"part|a|an|the|be|still|going|mean|supposed|usual|expected|healing)\b"
    r"|\bwho (do|should|can) i (even )?(call|contact|see|ring|go to|talk to)\b"
    r"|\bwho\s+(can|could|should|would|will|does|do)\s+(treat|look\s+at|check|fix|see\s+to)\s+"
    r"(this|that|it|me)\b"
    r"|\b((is|was) (this|that|it)|(this|that) is) the (problem|reason|cause)\b", re.IGNORECASE)


# After the visitor reported a symptom of their own, news of it: "it's spreading down my neck",
# "it's getting worse", "still swollen this morning", "redder than yesterday". The same symptom
# going on, for their provider or a doctor. Not "could be worse", "can I spread the payments",
# "no it's not getting bigger", nor someone else's ("my friend's scars are getting worse").
STILL_GOING = re.compile(
    r"\bspread(ing|s)?\s+(\w+\s+)?(down|up|to|onto|into|across|over|around|towards?)\b|"
    r"\b(it'?s|its|it\s+(is|has)|they'?re|they\s+(are|have)|"
    r"(?!(could|would|should|might|must|may|can)\b)\w+\s+(is|are|has|have))\s+"
    r"((?!not\b)\w+\s+)?"
    r"(getting\s+|gotten\s+|got\s+)?(worse|bigger|redder|spreading|growing)\b|"
    r"\b(still|now)\s+(really\s+|so\s+|very\s+|quite\s+)?(red|swollen|bleeding|hot|itchy|"
    r"sore|puffy|oozing|burning|hurts|hurting|blistering|weeping)\b|"
    r"\bkeeps?\s+(bleeding|oozing|swelling|itching|burning|weeping)\b|"
    r"\b\w+er\s+than\s+(yesterday|this\s+morning|last\s+night|before)\b|"
    # how it is now, told after the report: "they're warm to touch too", "it's also really itchy"
    r"\b(it'?s|its|it\s+(is|feels|looks)|they'?re|theyre|they\s+(are|feel|look))\s+"
    r"((also|now|really|so|very|kinda|kind\s+of|a\s+bit|a\s+little|quite|super|all)\s+)*"
    r"(itchy|sore|tender|swollen|painful|throbbing|burning|crusty|crusting|oozing|"
    r"weeping|bleeding|puffy|raw|lumpy|spreading)\b|"
    r"\b(warm|hot)\s+to\s+(the\s+)?touch\b|"
    # "they kinda itch too", "it burns a bit"
    r"\b(it|they|both|all\s+of\s+them)\s+((also|now|really|kinda|kind\s+of|sort\s+of|still|"
    r"just)\s+)*(itch|itches|burn|burns|sting|stings|throb|throbs|ooze|oozes|bleed|bleeds|"
    r"weep|weeps|hurt|hurts|ache|aches)\b", re.IGNORECASE)
# A question about the price or a new booking is no question about the symptom ("should I
# still go to my next appointment?" is).
NOT_THE_SYMPTOM = re.compile(r"\b(book\s+(in|for|an?|me)|discount\w*|payments?|deposit)\b",
                             re.IGNORECASE)


def tells_more_of_it(text: Optional[str]) -> bool:
    """A short message with news of the reported symptom going on."""
    text = (text or "").strip()
    return 0 < len(re.findall(r"[\w']+", text)) <= MAX_OWN_SITUATION_WORDS \
        and bool(STILL_GOING.search(text)) and not _elsewhere(text)


def _elsewhere(text: str) -> bool:
    return names_a_price(text) or bool(NOT_THE_SYMPTOM.search(text)) or someone_else_s(text)


def asks_about_own_situation(text: Optional[str]) -> bool:
    """A short question about the visitor's own situation (after they reported a symptom), or a
    message with one among its sentences ("It is also very itchy. Should I simply wait for it
    to settle down?")."""
    sentences = re.split(r"(?<=[.!?])\s+", (text or "").strip())
    return any(0 < len(re.findall(r"[\w']+", sentence)) <= MAX_OWN_SITUATION_WORDS
               and bool(OWN_SITUATION.search(sentence)) and not _elsewhere(sentence)
               for sentence in sentences)


def _treated_concerns() -> "re.Pattern":
    """The concerns the article says micro-needling treats (core/knowledge.yml's `treats`), each
    also in the singular: "acne scar", "wrinkle"."""
    named = ", ".join([fact(KNOWLEDGE, "treats.conditions"),
                       fact(KNOWLEDGE, "treats.also_mentioned")])
    concerns = [c.strip() for c in re.split(r",|\band\b", named) if c.strip()]
    words = [re.escape(c).replace(r"\ ", r"\s+") for c in concerns]
    return re.compile(r"\b(" + "|".join(rf"{w[:-1]}s?" if w.endswith("s") else w
                                        for w in words) + r")\b", re.IGNORECASE)


TREATED_CONCERN = _treated_concerns()


def names_a_treated_concern(text: Optional[str]) -> bool:
    """"what about the acne scars on my jaw?", "and wrinkles?": a concern the article lists among
    what micro-needling treats. With no answer before it to follow, it asks what it treats."""
    return bool(TREATED_CONCERN.search(text or ""))


# "how do they avoid that?", "so would they go gentler on me?", "what would the provider do about
# that?": after the answer on risk or on who it suits (its caution for darker skin, "only risky
# when not performed appropriately"), a short question on how the risk is avoided. The risk
# answer says it: the caution, and choosing a qualified provider (nlu_components/reading/).
AVOID_IT = re.compile(
    r"\b(avoid|prevent|stop)\s+(that|it|this|those|them)\b|"
    r"\bmake\s+sure\s+(that|it|this)\s+(doesn'?t|does\s+not|won'?t|will\s+not|never)\b|"
    r"\b(go|be|going)\s+(any\s+)?(easier|gentler|more\s+gentle|more\s+careful|softer|lighter|"
    r"more\s+cautious)\b|"
    r"\b(do|does|doing)\s+(anything|something|things)\s+different(ly)?\b|\bdifferently\b|"
    r"\bwhat\s+(would|will|do|does|should|can)\s+(they|you|she|he|the\s+\w+)\s+do\s+"
    r"(about|for|to\s+avoid)\b|"
    r"\bhow\s+(do|would|will|can|should|does)\s+(they|you|i|the\s+\w+)\s+(avoid|prevent|stop|"
    r"handle|deal\s+with)\s+(that|it|this|those|them|hyperpigment\w*|dark\w*|pigment\w*|"
    r"scarring|complications?|problems?)\b|\bsafest\s+way\b", re.IGNORECASE)


def asks_how_to_avoid_it(text: Optional[str]) -> bool:
    """A short question on how the risk just named is avoided."""
    text = (text or "").strip()
    return is_short(text) and bool(AVOID_IT.search(text))


# "what about the numbing cream they put on before?" right after "the article doesn't cover
# breastfeeding": the same situation asked of what is put on or into the skin (the numbing
# cream, the serum, the needles, products after). A short message opening with "what about",
# "how about" or "and", or asking "too" / "as well", that names such a thing and nothing of the
# visitor's own or of anyone else (nlu_components/reading/gap_follow_up.py). A question of its
# own ("and how long is the session?", "what about for my husband?") names none; a report ("and
# my face is red after the treatment") is the visitor's own.
ABOUT_IT_TOO = re.compile(
    r"^\W*((ok(ay)?|so|but|hmm+|oh|right)\W+)?((and\s+)?(what|how)\s+(about|abt)|and)\b|"
    r"\b(too|as\s+well|also)\W*$", re.IGNORECASE)
WHAT_GOES_ON_THE_SKIN = re.compile(
    r"\b(numb\w*|creams?|gels?|anaesthetic|anesthetic|lidocaine|serums?|hyaluronic|growth\s+"
    r"factors?|needles?|pen|device|roller|products?|make-?up|sunscreen|antibiotics?|"
    r"medicines?|meds)\b", re.IGNORECASE)
NOT_ONLY_THAT = re.compile(
    r"\b(cost\w*|price\w*|how\s+much|how\s+many|how\s+long|who|what\s+is|my|mine|me|i|i'?m|"
    r"i'?ve|she|he|her|him|his|husband|wife|partner|sister|brother|mom|mum|mother|"
    r"dad|father|friend|daughter|son|kids?|boyfriend|girlfriend|bf|gf|cousin|aunt|uncle)\b",
    re.IGNORECASE)


def asks_about_it_too(text: Optional[str]) -> bool:
    text = (text or "").strip()
    return is_short(text) and bool(ABOUT_IT_TOO.search(text)) \
        and bool(WHAT_GOES_ON_THE_SKIN.search(text)) and not NOT_ONLY_THAT.search(text)
