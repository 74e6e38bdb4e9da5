"""The fact a question asks, so the reply leads with it: "how long is a session?" gets the
session's length, not the whole procedure paragraph (who performs it, the device, serums,
numbing). Rasa-free: the action server picks the sentences of the topic's fixed reply
(core/knowledge.yml) that state the asked fact (actions/asked_fact.py); the facts themselves
stay written once, in that reply.

Each sub-question has the words that ask it and the words that find its sentence in the reply.
A question asking none, or more than one, gets the whole reply.
"""
import re
from typing import Dict, List, Optional, Pattern, Tuple

from core.knowledge import KNOWLEDGE, citation, render_reply
from core.symptoms import AFTER_TREATMENT, NEW_MARK, describes_symptom, mentions_symptom

# topic reply -> sub-question -> (asks it, its sentence in the reply)
SUB_QUESTIONS: Dict[str, Dict[str, Tuple[Pattern, Pattern]]] = {
    "utter_procedure": {
        "session_length": (
            re.compile(r"\bhow\s+(long|much time)\b(?!.*\b(numb\w*|cream|heal\w*|recover\w*|"
                       r"red\w*|results?|last\w*|between|apart)\b)|\b(minutes|hours?|duration|"
                       r"time does it take|lunch break)\b", re.IGNORECASE),
            re.compile(r"\bminutes\b.*\bdermatologist\b|\bsession takes\b", re.IGNORECASE)),
        "device": (
            re.compile(r"\b(device|pen|machine|tool|needles?|dermapen|roller)\b", re.IGNORECASE),
            re.compile(r"\bdevice\b", re.IGNORECASE)),
        "who_performs": (
            re.compile(r"\bwho\s+(does|do|performs?|will|would|can|should|is)\b|\b(nurse|aesthetician|"
                       r"esthetician|doctor do|dermatologist do)\b", re.IGNORECASE),
            re.compile(r"\bdermatologist or an aesthetician\b", re.IGNORECASE)),
        "serums": (
            re.compile(r"\b(serums?|hyaluronic|growth factors?|what do they put|products? do "
                       r"they (put|use|apply))\b", re.IGNORECASE),
            re.compile(r"\bserums?\b", re.IGNORECASE)),
        "numbing": (
            re.compile(r"\b(numb\w*|anesthe\w*|anaesthe\w*|lidocaine)\b", re.IGNORECASE),
            re.compile(r"\bnumbing\b", re.IGNORECASE)),
    },
    "utter_treatment_plan": {
        "maintenance": (
            re.compile(r"\b(maint\w*|upkeep|top.?ups?|touch.?ups?|after the series|"
                       r"once (i'?m|i am) done|come back after|keep (coming|going) back|"
                       r"(come|coming|go|going) back (forever|for ever|for life))\b",
                       re.IGNORECASE),
            re.compile(r"\bmaintenance\b", re.IGNORECASE)),
        "spacing": (
            re.compile(r"\b(how (far|long) apart|how often|between (sessions|treatments)|"
                       r"wait between|spacing|intervals?)\b", re.IGNORECASE),
            re.compile(r"\bweeks apart\b", re.IGNORECASE)),
    },
}
# A question that can only ask how long one session lasts ("and each time how long do i need to
# be there", "how much time for one sitting"), strict enough that a rule may move the message to
# the procedure question whatever the classifier read (nlu_components/reading/session_length.py).
# Every word is listed: a duration word, a few words that only join it to a session (or to being
# "there"), and after the session only words that time it, up to the clause's end. A reviewer's
# near misses ("how long does the pinkness take to go down", "how long is the downtime per
# session", "how long does it take to get an appointment") found a looser pattern wrong on most.
_HOW_LONG = (r"\b(how\s+(long|lng|much\s+time|many\s+(minutes|mins|hours?))|(what\s+is|whats|"
             r"what's)\s+the\s+(time|(duration|length)(\s+of)?)|what\s+time\s+(does|will)\s+it\s+"
             r"take)")
_JOINING = (r"(\s+(is|are|does|do|will|would|'s|s|it|usually|normally|roughly|typically|about|"
            r"approximately|actually|each|one|a|an|the|every|single|whole|actual|typical|average|"
            r"micro-?needling|microneedling|facial|face|my|your|1|per|for|take|takes|to|do|am|i|"
            r"be|need|gonna|going|in|r|u|you)){0,7}")
# A session: it may "last" (a treatment or a procedure that lasts may be its results).
_SESSION = r"\s+(sessions?|sesh|sittings?|appointments?|appts?|visits?)"
_TREATMENT = r"\s+(treatments?|procedures?|needling(\s+(part|bit))?|whole\s+thing|each\s+one)"
_THERE = (r"\s+(there|in\s+the\s+chair|lying\s+there|sitting\s+there|at\s+the\s+clinic|"
          r"under\s+the\s+needles?)")
_TIMES_IT = (r"(\s+(take|takes|taking|run|runs|go|goes|usually|normally|roughly|typically|about|"
             r"approx\w*|itself|in\s+total|total|start\s+to\s+finish|from\s+start\s+to\s+finish|"
             r"each\s+time|every\s+time|with\s+(the\s+)?numbing(\s+cream)?|including\s+(the\s+)?"
             r"numbing(\s+cream)?|with\s+(the\s+)?cream|for\s+(the|my|your)\s+face|on\s+(the|my)\s+"
             r"face|please|pls|plz|lol|exactly|then|again|for\s+me|with\s+it|part|bit))*")
# The clause ends, or goes on with a reason ("... take cause id have to leave work early").
_ENDS = r"(\s*([.?!,;:]|$)|\s+(and|cause|cuz|coz|because|bc|since|as|so|i|id|i'd|im|i'm)\b)"
SESSION_LENGTH = re.compile(
    _HOW_LONG + _JOINING + "(" + _SESSION + r"(\s+(last|lasts))?" + "|" + _TREATMENT + "|"
    + _THERE + ")" + _TIMES_IT + _ENDS
    # "Face treatment how much time it takes?"
    + r"|\b(session|sitting|appointment|treatment|procedure)\s+how\s+(long|much\s+time)"
    r"(\s+(does\s+)?it)?\s+(take|takes|is)\b" + _ENDS,
    re.IGNORECASE)


def asks_session_length(text: Optional[str]) -> bool:
    """Whether the message asks how long one session takes, and nothing else's duration."""
    return bool(SESSION_LENGTH.search(text or ""))


# After the session's length, a short question naming a length of its own ("so roughly an hour
# all in?", "45 min with the numbing?") checks that length: read alone, "an hour" made it the
# clinic's opening hours.
NAMES_A_DURATION = re.compile(r"\b((an?|one|half\s+an|1|2|two)\s+(hour|hr)s?|\d+\s*(min|mins|"
                              r"minutes|hrs?|hours?)|hour\s+and\s+a\s+half)\b", re.IGNORECASE)
MAX_DURATION_CHECK_WORDS = 12


# ... not a time after the session ("can I go back to work an hour after?", "still bleeding 2
# hours after", "will it fade in 2 hours?"), which asks of the after-effects.
AFTERWARDS = re.compile(r"\b(after\w*|later|post|until|till|til|back|down|since|still|by|ago|"
                        r"fade\w*|settle\w*|calm\w*|heal\w*|gone|go away|clear\w*|better|"
                        r"recover\w*|normal)\b", re.IGNORECASE)


def checks_a_duration(text: Optional[str]) -> bool:
    text = (text or "").strip()
    return 0 < len(text.split()) <= MAX_DURATION_CHECK_WORDS and "?" in text \
        and bool(NAMES_A_DURATION.search(text)) and not AFTERWARDS.search(text) \
        and not mentions_symptom(text)


SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# What the reply offers after the asked fact, so the rest is one question away.
MORE = {"utter_procedure": "Ask me about the device, serums, numbing or who performs it for more.",
        "utter_treatment_plan": "Ask me how many sessions, how far apart or about results for "
                                "more."}


def asked(reply: str, text: Optional[str]) -> Optional[str]:
    """The one sub-question of `reply`'s topic the text asks, if exactly one."""
    found = [name for name, (asks, _) in SUB_QUESTIONS.get(reply, {}).items()
             if asks.search(text or "")]
    return found[0] if len(found) == 1 else None


def focused_reply(reply: str, text: Optional[str], knowledge=KNOWLEDGE) -> Optional[str]:
    """The sentences of the fixed reply that state the asked fact, with the citation and an
    offer of the rest; None when the whole reply should be given."""
    sub = asked(reply, text)
    if sub is None:
        return None
    cite = citation(knowledge)
    full = render_reply(reply, knowledge).replace(cite, "").strip()
    sentences: List[str] = [s for s in SENTENCE.split(full)
                            if SUB_QUESTIONS[reply][sub][1].search(s)]
    if not sentences:
        return None
    return " ".join(sentences + [cite, MORE[reply]])


def maintenance_spacing_reply(text: Optional[str], last_fact: Optional[str],
                              knowledge=KNOWLEDGE) -> Optional[str]:
    """"how often?" right after the maintenance answer, or "how often is maintenance?" at any
    time, asks how often maintenance treatments come, which the article doesn't say: that,
    plainly, then the series' own spacing. None for any other question or context."""
    maintenance, spacing = (SUB_QUESTIONS["utter_treatment_plan"][name][0]
                            for name in ("maintenance", "spacing"))
    text = text or ""
    asks_of_maintenance = bool(maintenance.search(text) and spacing.search(text)) \
        and not re.search(r"\b(series|sessions?)\b", text, re.IGNORECASE)
    after_maintenance = last_fact == "maintenance" \
        and asked("utter_treatment_plan", text) == "spacing" \
        and not re.search(r"\b(series|sessions?|treatments?)\b", text, re.IGNORECASE)
    if not (asks_of_maintenance or after_maintenance):
        return None
    spacing = focused_reply("utter_treatment_plan", "how far apart", knowledge) or ""
    return ("The article doesn't say how often maintenance treatments are needed once the series "
            "is done; the clinic or a dermatologist can tell you. For the series itself: "
            + spacing.replace(MORE["utter_treatment_plan"], "").strip())


# A question that can only ask how long the results last ("how long do the results last", "are
# my acne scar results permanent?", "does the effect wear off eventually"): the results answer
# says the article doesn't say, and that maintenance treatments follow the series. Only with the
# results named ("how long does that last" after the after-effects asks how long *they* last);
# never with a word of the after-effects, the numbing or a session.
_RESULTS = (r"(results?|effects?|glow|improvements?|benefits?|outcomes?|micro-?needling|"
            r"micro needling)")
_LASTS = (r"(last|lasts|lasting|remain|remains|stay|stays|staying|permanent(ly)?|durable|forever|"
          r"for good|wear off|wears off|long[- ]term)")
RESULTS_LAST = re.compile(
    r"\bhow\s+(long|durable|permanent|many\s+(months|years))\s+(\w+\s+){0,4}?" + _RESULTS
    + r"\s+(\w+\s+){0,3}?" + _LASTS + r"\b|"
    r"\b(is|are|will|would)\s+(the\s+|my\s+)?(results?|effects?|improvements?)\s+(\w+\s+)?"
    r"(permanent|forever|for good|long[- ]lasting|last\w*)\b|"
    r"\b(results?|effects?|glow|improvements?)\s+(\w+\s+){0,2}?(permanent|durable|last|lasts|"
    r"remain|remains|stay|stays|wear off|wears off)\b", re.IGNORECASE)
NOT_RESULTS = re.compile(r"\b(numb\w*|cream|anesthe\w*|anaesthe\w*|lidocaine|red\w*|swell\w*|"
                         r"swollen|peel\w*|pain\w*|sore\w*|bleed\w*|scab\w*|dry\w*|pink\w*|"
                         r"downtime|recover\w*|heal\w*|sessions?|appointments?)\b", re.IGNORECASE)


def asks_how_long_results_last(text: Optional[str]) -> bool:
    text = (text or "")[:300]
    return bool(RESULTS_LAST.search(text)) and not NOT_RESULTS.search(text)


# A question about timing it before an event ("my wedding is in a month, should I do it now or
# wait?", "how long before a holiday should I go?"): the article names no lead time, but what
# it says of the days after (the downtime answer) is what such a visitor needs; one about having
# the whole series done by then ("all six before my wedding, when do I start?", "is there enough
# time?") is the series question, and one about seeing a change by then the results question.
# The event must be ahead: "before and after photos" names none, "a sunburn on holiday in the
# spring" none ahead.
_EVENT = (r"(wedding|event|party|vacation|holiday|holidays|trip|honeymoon|photoshoot|"
          r"photo\s+shoot|birthday|prom|graduation|reunion|interview|gala|ceremony|big\s+day)")
_AHEAD = (r"(in\s+(a|one|two|three|four|five|six|\d+|a\s+few|few)\s+(days?|weeks?|wks?|months?)|"
          r"next\s+(week|month|weekend|\w+day)|this\s+(weekend|week|month|\w+day)|coming\s+up|"
          r"on\s+\w+day|(a|one|two|three|four|five|six|\d+)\s+(days?|weeks?|wks?|months?)\s+"
          r"(out|away|later|from\s+now)|soon)")
# "before my wedding", "a wedding in 5 weeks", "my birthday is next month": an event ahead.
EVENT_AHEAD = re.compile(
    r"\b(before|until|till|ahead\s+of|prior\s+to|by)\s+((my|the|a|an|our|her|his|their|"
    rf"upcoming|this|that|\w+'s)\s+)?(\w+\s+)?{_EVENT}\b|"
    rf"\b{_EVENT}(\s+(is|are)|'s|\u2019s)?\s+(\w+\s+){{0,2}}?{_AHEAD}\b", re.IGNORECASE)
WHOLE_SERIES = re.compile(
    r"\b(all\s+(\w+\s+)?(sessions?|treatments?|rounds?|of\s+them)|all\s+(six|6)|"
    r"(six|6)\s+(sessions?|treatments?|rounds?)|(whole|full|entire)\s+(series|course)|series|"
    r"how\s+many\s+(sessions?|treatments?|rounds?)|enough\s+time)\b", re.IGNORECASE)
A_CHANGE = re.compile(
    r"\b(get\s+rid|visible|change|difference|results?|improve\w*|better|fade\w*|work\s+by)\b",
    re.IGNORECASE)
EVENT_TOPICS = ("downtime", "series", "results")


# It asks about timing, not only names the event beside another question ("is it painful? I have
# a wedding in 3 weeks" asks about pain).
TIMING = re.compile(
    r"\b(when|how\s+(long|soon|far|early|many\s+(weeks|months|days))|now\s+or|or\s+wait|"
    r"too\s+(late|soon|close)|in\s+time|enough\s+time|time\s+it|fit\s+(\w+\s+){0,3}in|"
    r"squeeze|before|by\s+then|by\s+the|start|begin|schedule|plan|bad\s+idea|good\s+idea|"
    r"should\s+i\s+(do|get|have|book|start|wait|go)|can\s+i\s+(do|get|have|book|fit|squeeze))\b",
    re.IGNORECASE)


def asks_timing_before_an_event(text: Optional[str]) -> Optional[str]:
    """For a question about timing it before an event of the visitor's, the topic that answers
    it (one of EVENT_TOPICS); None for any other message, one telling a symptom, or one from a
    visitor already treated ("had my session tuesday ... will it be ok by then?" is theirs)."""
    text = text or ""
    if not (EVENT_AHEAD.search(text) and TIMING.search(text)) or mentions_symptom(text) \
            or describes_symptom(text) or AFTER_TREATMENT.search(text) \
            or NEW_MARK.search(text):
        return None
    if WHOLE_SERIES.search(text):
        return "series"
    return "results" if A_CHANGE.search(text) else "downtime"


# A question that can only ask who performs it ("ok, and who would be doing it?", "who actually
# does the treatment?"): the procedure question, whose reply leads with who performs it
# (SUB_QUESTIONS); the classifier put such short questions on the risk, the provider advice or
# who it suits. Only the whole message: "who should I ask about the price?" asks no such thing.
WHO_PERFORMS = re.compile(
    r"^\W*((ok(ay)?|and|so|but|also|um+|hmm+|then|alright|right)\W+)*who\s+((would|will|does|"
    r"do|is|are|can|should)\s+)?((actually|usually|normally|really|even|typically)\s+)?"
    r"((be|going\s+to)\s+)?(do(es|ing)?|perform(s|ing)?|carr(y|ies|ying)\s+out|treat(s|ing)?)\s+"
    r"(it|this|that|mine|me|the\s+(treatment|procedure|microneedling|micro-needling|needling|"
    r"session|sessions)|microneedling|micro-needling)"
    r"(\s+(here|there|at\s+(the|your)\s+clinic|usually|normally|exactly|then))?\W*$",
    re.IGNORECASE)


def asks_who_performs(text: Optional[str]) -> bool:
    return bool(WHO_PERFORMS.match(text or ""))


# A short question that can only ask about the device ("and the tool?", "how many needles did you
# say", "what kind of pen do they use"): the procedure reply leads with it. Not what the article
# doesn't say of it (their length or depth, whether they are new, sterile or for sale, a roller
# at home) nor another topic asked of it ("does the pen hurt?", "how much is the pen?").
THE_DEVICE = re.compile(r"\b(device|pen|machine|tool|needles?|dermapen)\b", re.IGNORECASE)
NOT_OF_THE_DEVICE = re.compile(
    r"\b(long|deep|depth|mm|size|big|length|new|sterile|steril\w*|clean\w*|disposable|reus\w*|"
    r"share\w*|same|home|buy|bought|sell|sold|own|roller|rolling|amazon|hurt\w*|pain\w*|cost\w*|"
    r"price\w*|much|safe\w*|afraid|scared|fear|phobia|nervous|infect\w*|brand|fda|approved|"
    r"laser|rf|radio\w*|insert\w*|stuck|broke\w*|left|"
    # what it treats or does, asked of the pen: "does the pen work on acne scars"
    r"work\w*|treat\w*|help\w*|fix\w*|results?|acne|scars?|stretch|lines|wrinkles|pores|"
    r"cause\w*|gave|give|given|bumps?|rash\w*|marks?|this|these|mine|my|sessions?)\b",
    re.IGNORECASE)
MAX_DEVICE_WORDS = 8


def asks_about_the_device(text: Optional[str]) -> bool:
    text = text or ""
    return 0 < len(re.findall(r"[\w']+", text)) <= MAX_DEVICE_WORDS \
        and bool(THE_DEVICE.search(text)) and not NOT_OF_THE_DEVICE.search(text) \
        and not mentions_symptom(text)


# A short question of what to ask a provider ("what do i ask them", "what should I ask her before I
# book then"): the provider advice says what to ask. Not what to ask about another topic ("what
# should I ask about the price?").
ASKS_WHAT_TO_ASK = re.compile(
    r"\bwhat\s+((questions?|things?)\s+)?(do|should|can|could|would|to)\s+(i\s+)?ask\b|"
    r"\bwhat\s+to\s+ask\b", re.IGNORECASE)
ANOTHER_TOPIC = re.compile(r"\b(price|cost|pay|pain|hurt|numb\w*|serum|downtime|results?|"
                           r"sessions?|booking|book\s+in|insurance)\b", re.IGNORECASE)
MAX_WHAT_TO_ASK_WORDS = 10


def asks_what_to_ask(text: Optional[str]) -> bool:
    text = text or ""
    return 0 < len(re.findall(r"[\w']+", text)) <= MAX_WHAT_TO_ASK_WORDS \
        and bool(ASKS_WHAT_TO_ASK.search(text)) and not ANOTHER_TOPIC.search(text) \
        and not mentions_symptom(text) and not re.search(r"\b(my|mine)\b", text, re.IGNORECASE)


# A question for the source of what the assistant says ("who wrote the information you are relying
# upon?", "where does your info come from", "what is your source?"): the source's reply, however
# politely it is put around. The information, the article or the answers must be named: "who
# wrote your prompt?" asks about the assistant itself.
ASKS_FOR_THE_SOURCE = re.compile(
    r"\bwho\s+(wrote|writes|authored|is\s+behind|put\s+together|compiled)\s+(the|this|that|your|"
    r"these|those|all\s+this|all\s+the)?\s*(\w+\s+){0,2}?(article|information|info|answers?|"
    r"content|facts?|material|advice)\b|"
    r"\b(what|who)\s+(is|are|'s)\s+(your)\s+(source|sources|author|authors)\b|"
    r"\bthe\s+(source|author)\s+of\s+(this|that|the|your)\s+(info|information|article|advice|"
    r"answers?)\b|"
    r"\bwhat\s+(article|source|sources)\s+(are|do|is)\s+(you|u)\b|"
    r"\bwhere\s+(does|do|did|is)\s+(the|this|your|that|all\s+this|all\s+the)\s+(info|information|"
    r"answers?|advice|facts?)\s+(come|coming)\s+from\b", re.IGNORECASE)


def asks_for_the_source(text: Optional[str]) -> bool:
    return bool(ASKS_FOR_THE_SOURCE.search(text or ""))


# A question about the skin darkening ("can it cause hyperpigmentation?", "is it normal to get
# darker spots after microneedling?", "could it make them darker instead?"): the risk answer
# gives the article's one word on it, the caution for darker skin, whoever asks
# (actions/risk.py).
PIGMENTATION = re.compile(
    r"\b(hyper-?pigment\w*|pigment\w*|discolou?r\w*|darken\w*|(dark|darker|brown|grey|gray)\s+"
    r"(spots?|patches|marks|areas?)|(go|goes|going|went|turn|turns|turned|turning|get|gets|got|"
    r"getting|become|becomes|became|becoming|make\s+(it|them|me|my\s+\w+))\s+darker)\b",
    re.IGNORECASE)


def asks_about_pigmentation(text: Optional[str]) -> bool:
    return bool(PIGMENTATION.search(text or ""))
