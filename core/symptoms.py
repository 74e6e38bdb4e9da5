"""The words that make a message describe a symptom: the safety net's trigger.

Read by the action server (actions/safety.py: unknown questions and follow-up details) and by
the Rasa server (nlu_components/reading/symptom_report.py: small talk or an unsure intent), so
that both nets catch exactly the same messages.
"""
import re
from typing import Optional, Pattern

from core.polarity import SYMPTOMS, read
from core.text import asks_a_question

# "blood" as a symptom, not as a word of blood tests, medicines or PRP ("blood pressure meds",
# "fish oil, which thins the blood", "they put your own blood back on"). Only what names PRP, a
# test or a medicine is left out, and so is blood drawn in the present tense, which describes a
# procedure ("do they draw blood for it?"): "the pen drew blood", "my skin still giving blood"
# and "the blood on my pillow" are reports.
_BLOOD = (r"(?<!own )(?<!take your )(?<!takes your )(?<!thin the )(?<!thins the )"
          r"(?<!draw )(?<!draws )"
          r"(?<!thinning the )(?<!medicine for the )(?<!meds for the )(?<!medication for the )"
          r"blood(?!\s+(pressure|tests?|thinners?|thinning|work|draws?|drawn|sugar|"
          r"type|clot\w*|coagul\w*|disorders?|cells?|vessels?|platelets?|donations?|"
          r"transfusions?|back|plasma|spinning|spun)\b)\w*")
SYMPTOM_WORDS = re.compile(
    r"\b(bleed\w*|" + _BLOOD + r"|swell\w*|swollen|puff\w*|infect\w*|pus|ooz\w*|weep\w*|discharge|"
    r"fever\w*|temperature(?!\s+(settings?|parameters?|params?|values?))|rash\w*|hives|welts?|"
    r"blister\w*|burn\w*|breath\w*|faint\w*|"
    r"dizz\w*|allerg\w*|emergency|throat)\b", re.IGNORECASE)


# Signs that always go to a provider or doctor, however sure NLU is of an article question:
# "how can I tell if it got infected?" is answered with the seek-care reply first.
SERIOUS_SYMPTOM_WORDS = re.compile(
    r"\b(infect\w*|pus|ooz\w*|weep\w*|discharge|fever\w*|hives|blister\w*|faint\w*|dizz\w*|"
    r"allerg\w*|emergency|can'?t breathe|trouble breathing|short of breath)\b", re.IGNORECASE)
# A report that the treatment made things worse ("it made my skin worse", "my acne got way
# worse"): whatever the visitor asks with it, the answer is the provider or a doctor. Not a
# question about the future ("can it make scars worse?", "is it worse than laser?").
WORSENED = re.compile(
    r"\b(made|making)\s+(my|the|it|things|everything)\b(\s+\w+)?\s+(\w+\s+)?worse\b|"
    r"\b(my\s+(skin|face|acne|scars?|redness|swelling|pain|spots?|marks?|breakouts?)|it|"
    r"everything|mine(?=\s+(is|has|got)\s+(\w+\s+){0,2}worse\b(?!\s+than)))\s+"
    r"(is|are|got|gotten|has gotten|have gotten|looks?|became|keeps getting|is getting|"
    r"are getting|seems?)\s+(\w+\s+){0,2}worse\b|"
    r"\bgetting worse\b", re.IGNORECASE)
# A report of strong or lasting pain ("really bad pain 3 days after", "it still hurts"): the
# article describes only a mild pricking during the session, so this is for the provider. A
# question about pain ("is it a lot of pain?") keeps its answer
# (nlu_components/reading/symptom_report.py).
PAIN_REPORT = re.compile(
    # Not "not bad pain at all", not "a lot of pain tolerance".
    r"(?<!\bnot\s)(?<!\bno\s)\b(severe|really bad|very bad|bad|terrible|unbearable|intense|"
    r"excruciating|horrible|awful|a lot of|so much|constant)\s+(pain|aching|ache)\b"
    r"(?!\s+(tolerance|threshold))|"
    r"\b(still|keeps?|won'?t stop|can'?t stop)\s+(hurt|hurting|hurts|aching|aches|throbbing)\b",
    re.IGNORECASE)
# Signs of infection told in other words than "infected" or "pus": painful or hard lumps, spots
# with pus, red streaks, skin hot to the touch. Always for a provider or doctor.
INFECTION_SIGNS = re.compile(
    r"\b((hard|painful|hot|tender|swollen|angry)\s+(red\s+)?(lumps?|bumps?|nodules?|knots?|"
    r"cysts?)|pustules?|red\s+streaks?|(hot|warm)\s+to\s+the\s+touch)\b", re.IGNORECASE)
# The same signs in looser words ("very hot when I touch", "the redness is spreading"): a report
# only with a treatment or its days named ("I had procedure 6 days ago"); rosacea that spreads
# with wine is no complication.
LOOSE_INFECTION_SIGNS = re.compile(
    r"\b((hot|warm)\s+to\s+touch|(hot|warm)\s+when\s+(i|you|u)\s+touch|"
    r"(hot|warm)\s+when\s+touched|(redness|red\s+(area|patch|skin))\s+(is\s+|keeps\s+)?"
    r"(spreading|spreads|getting\s+bigger)|spreading\s+redness|honey[- ]colou?red|"
    r"(bumps|spots|pimples|dots)\s+(\w+\s+){0,2}?with\s+(white|yellow)\s+(tips|heads|tops|"
    r"centers|centres)|(white|yellow)[- ]tipped\s+(bumps|spots|pimples))\b", re.IGNORECASE)
# Spots breaking out or a cold sore, told of the visitor's own skin with a treatment named ("had
# it done 3 days ago and now I'm breaking out", "got a cold sore 2 days after my session"): more
# than the redness, dryness and peeling the article calls usual, so for the provider
# (tells_a_breakout).
# Not a sign that always goes to care, as a fever does: "is it normal to break out after
# microneedling?" and "what if I break out after my session?" ask, and a confident article
# question keeps its answer (nlu_components/reading/symptom_report.py).
BREAKOUT = re.compile(
    r"\b(break(ing)?\s+out|broke\s+out|broken\s+out|breakouts?|"
    r"(pimples?|zits?)(?!\s+(patch\w*|creams?|gels?|stickers?))|whiteheads?|milia|"
    r"cold\s+sores?|herpes|acne\s+(all\s+over|everywhere|flare\w*)|"
    r"bumps\s+(everywhere|all\s+over)|purg(e|ed|ing)|"
    r"(small|little|tiny|red|white)\s+((red|white|little|tiny)\s+)?(bumps|spots|dots))\b",
    re.IGNORECASE)
# A report that the skin got darker ("the patches are darker now and spreading", "brown spots
# showed up after my session"): the hyperpigmentation the article names as the risk of too
# aggressive a treatment. Not a question about it ("will it give me dark spots?") nor a
# description of one's skin ("my skin is darker than"). It goes to care whatever NLU read only
# when tied to a treatment (AFTER_TREATMENT): "my freckles got darker this summer, can I still
# do it?" keeps its answer when NLU is sure of the question.
_DARKENING_SUBJECT = (r"\b(patches|spots|marks|pigment\w*|skin|it|its|they|areas?|melasma|"
                      r"freckles|cheeks?|face|forehead|chin|jaw|lips?|neck|nose)")
_IS = r"(\s+(are|is|look|looks|seem|seems)\s+|'re\s+|'s\s+|\u2019re\s+|\u2019s\s+)"
DARKENING = re.compile(
    # a change: "got darker", "they're getting darker", "have gone darker"
    rf"{_DARKENING_SUBJECT}(\s+|'re\s+|\u2019re\s+)(got|gotten|have gotten|has gotten|"
    r"are getting|is getting|keeps? getting|getting|turned|went|have gone|has gone|became|"
    r"have become|has become)\s+(\w+\s+){0,2}(darker|darkening|darkened|browner|spreading)\b|"
    # "are spreading", "is now darker", "it's darker now"
    rf"{_DARKENING_SUBJECT}{_IS}((now|still|even)\s+)?(darkening|spreading)\b|"
    rf"{_DARKENING_SUBJECT}{_IS}(now|still|even)\s+(darker|browner)\b|"
    rf"{_DARKENING_SUBJECT}{_IS}(darker|browner)\s+now\b|"
    r"\b(dark|darker|brown|grey|gray)\s+(patches|spots|marks|areas?)\s+"
    r"(appeared|showed up|came up|popped up|formed|developed)\b|"
    r"\b((micro-?)?needling|it|treatments?|sessions?|pen|roller)\s+(left|gave)\s+"
    r"(me|my\s+\w+)\s+(with\s+)?(\w+\s+){0,2}(dark|darker|brown)\s+(patches|spots|marks)\b",
    re.IGNORECASE)
# Marks that came with a treatment or are new ("I still have dark brown patches since my session",
# "ive got a big purple bruise under my eye since thursdays session", "now my skin have small
# scar where before no scar"): reports only with a treatment named (AFTER_TREATMENT, or "did one
# 10 days ago") or the mark said to be new (NEW_MARK), and not a mark of long ago, from something
# else, or from last time asked about for the next (NOT_THIS_MARK). "I have dark spots from
# acne", "I bruise easily" and "I still have dark spots, will it fade them?" are none. The
# polarity reading reads the mark's word alone (the `mark` groups), so a trigger right before
# it counts ("if I have a bruise now from a fall"). A reviewer's probe: docs/understanding.md.
MARKS = re.compile(
    r"\b(i\s+(still\s+)?(have|got)|i'?ve\s+got|ive\s+got|there\s+are|there'?s|theres|now|got|"
    r"noticed|these)\s+(\w+\s+){0,2}(dark|darker|brown|brownish|grey|gray|purple)\s+(\w+\s+)?"
    r"(?P<mark1>patch(es)?|spots?|marks?|areas?|blotch(es)?)\b|"
    r"\b(i'?ve\s+got|ive\s+got|i\s+(have|got)\s+(a|an|some|this|these|big|huge)|"
    r"there'?s\s+(a|an|some)|there\s+(is|are)|(left|gave)\s+(me\s+)?(a\s+)?)\s+(\w+\s+){0,3}"
    r"(?P<mark2>bruis\w*)|"
    r"\b(new|more|extra)\s+(?P<mark3>scar(s|ring)?)\b|\b(?P<mark4>scars?)\s+where\b|"
    r"\b(left|gave)\s+(me|my\s+\w+)\s+(with\s+)?(a\s+|some\s+)?(\w+\s+)?(?P<mark5>scar(s|ring)?)\b|"
    r"\b(?P<mark6>scarred)\s+(me|my)\b|"
    r"\b(got|have|has|there\s+(are|is)|there'?s|theres)\s+(a\s+|some\s+)?(\w+\s+){0,2}"
    r"(?P<mark7>scars?)\b", re.IGNORECASE)
KIND_OF_SCAR = re.compile(r"\b(acne|old|pitted|pick|boxcar|rolling|surgery|surgical|burn|pox|"
                          r"stretch)\s+$", re.IGNORECASE)
MARK_GROUPS = ("mark1", "mark2", "mark3", "mark4", "mark5", "mark6", "mark7")
# With a treatment named and the visitor's own present told ("bruising under my eyes from the
# session hasn't gone after a week", "had microneedling 2 weeks ago and my face is covered in
# brown spots"), any bruise or dark mark counts: "how long does bruising last after
# microneedling?" tells nothing of the visitor's own.
LOOSE_MARKS = re.compile(
    r"\b(bruis\w*|(dark|darker|brown|brownish|grey|gray|purple|white)\s+(\w+\s+)?"
    r"(patch(es)?|spots?|marks?|blotch(es)?)|blotchy|hyperpigment\w*)\b", re.IGNORECASE)
OWN_NOW = re.compile(r"\b(i\s+(have|got)|i'?ve\s+got|ive\s+got|my\s+\w+\s+(has|have|is|are)|"
                     r"covered|everywhere|showed\s+up|appeared|came\s+up|popped\s+up|"
                     r"getting\s+(bigger|worse|darker)|won'?t\s+go|hasn'?t\s+gone|"
                     r"it'?s\s+been|its\s+been)\b",
                     re.IGNORECASE)
NEW_MARK = re.compile(r"\b(was|were)(n'?t|\s+not|\s+never)\s+there\s+before\b|"
                      r"\b(got|did|done|had)\s+(my\s+)?(\w+\s+)?((micro-?)?needl\w*|micro-needling|"
                      r"derma\s?pen|derma\s?roller)\b|"
                      r"\b(went|switched|moved|upped|used)\b[^?!]{0,30}\b(roller|derma\s?pen)\b|"
                      r"\b((micro-?)?needling|needles?)\s+(left|gave|scarred|caused)\b|"
                      r"\bwhere\s+(she|he|they|it|the\s+needles?)\s+(went|needled|did|was)\b|"
                      r"\bwhere\s+before\s+no\b|"
                      r"\bnever\s+had\s+(them|it|these|those|this)\s+before\b|"
                      r"\b(did|had|got)\s+(one|it|mine)\s+(done\s+)?(\d+|a|one|two|three|few)\s+"
                      r"\w+\s+ago\b", re.IGNORECASE)
NOT_THIS_MARK = re.compile(
    r"\b(fade|treat|get\s+rid\s+of|help(\s+with)?|fix|work\s+on|improve|reduce|lighten)\s+"
    r"(these|those|the|my|them)\b|\blast\s+time\b|\bwill\s+(that|it|this)\s+happen|\b(years?|yrs?)\s+(ago|back)\b|"
    r"\bin\s+(19|20)\d\d\b|\blast\s+(year|winter|summer|spring|fall|autumn)\b|"
    r"\b(dentist|vaccine|flu\s+shot|botox|filler|laser|blood\s+draw|iv|fall|accident|"
    r"warfarin|aspirin|thinners?)\b", re.IGNORECASE)


def reports_a_mark(text: str) -> bool:
    if not (AFTER_TREATMENT.search(text) or NEW_MARK.search(text)) \
            or NOT_THIS_MARK.search(text) \
            or (ANYONE_ELSE.search(text) and not OWN.search(text)):
        return False
    spans = [match.span(group) for match in MARKS.finditer(text) for group in MARK_GROUPS
             if match.group(group)]
    # "acne scars" are what it treats, never a new mark
    spans = [span for span in spans if not KIND_OF_SCAR.search(text[max(0, span[0] - 14):span[0]])]
    if AFTER_TREATMENT.search(text) and (TOLD_NOW.search(text) or OWN_NOW.search(text)):
        spans += [match.span() for match in LOOSE_MARKS.finditer(text)]
    return any(reading.is_a_report for reading in read(text, spans, reading=SYMPTOMS)) \
        if spans else False


AFTER_TREATMENT = re.compile(
    r"\b(since|after|from)\s+([\w'\u2019]+\s+){0,3}?((micro-?)?needling|micro-needling|sessions?|"
    r"treatments?|appointments?|procedures?|visits?|pen|roller)\b|"
    r"\b((micro-?)?needling|treatments?|sessions?|pen|roller)\s+(left|gave)\b|"
    r"\bpost[- ]?((micro-?)?needling|micro-needling|sessions?|treatments?|procedures?)\b|"
    r"\bhad\s+(\w+\s+){0,2}?((micro-?)?needling|micro-needling|sessions?|treatments?|"
    r"procedures?|it done)\b|\bgot\s+(it|mine)\s+done\b",
    re.IGNORECASE)
# A treatment still to come: "after my session it got infected, can I do the next one?" asks
# whether the condition stands in the way of it.
NEXT_TREATMENT = re.compile(
    r"\b(next|another|again|rebook|(second|2nd|third|3rd|fourth|4th)\s+(one|session|treatment))\b",
    re.IGNORECASE)


def after_a_treatment_had(text: Optional[str]) -> bool:
    """Whether the message speaks of a treatment the visitor has had, and of none to come: the
    article's "not recommended with an infection" is advice before a treatment, no answer to
    "I had it done 3 days ago and now it's infected"."""
    return bool(text and AFTER_TREATMENT.search(text) and not NEXT_TREATMENT.search(text))


# "Can it help a burn scar?" asks about a kind of scar; with a treatment named ("the pen left a
# burn scar") it stays a symptom.
BURN_SCAR = re.compile(r"\bburn\s+scars?\b", re.IGNORECASE)
# An allergy one has, asked about before a treatment ("I'm allergic to penicillin, does that
# matter?", "lidocaine allergy - can I skip the numbing?"): a disposition, no reaction to report.
# Only in a question with no word of anything happening or of a body part ("I'm allergic to
# lidocaine and they used it, my face feels tight" is a report; so is "turns out I'm allergic
# ..."), and with no treatment named. A reviewer's probe of such reports:
# tests/unit/test_polarity.py.
ALLERGY_HAD = re.compile(
    r"\ballerg(ic|y|ies)\s+to\s+(?!(it|this|that|them|something|whatever|what)\b)"
    r"(?!the\s+(\w+\s+){0,2}(they|you|she|he|u)\b)[\w-]+|"
    r"\b(lidocaine|lignocaine|nickel|latex|penicillin|nut|nuts|peanut|shellfish|pollen|dust|"
    r"food|drug|seasonal|sulfa|aspirin|adhesive|tape|metal|fragrance|perfume|bee|egg|gluten)\s+"
    r"allerg(y|ies)\b", re.IGNORECASE)
ALLERGY_FOUND = re.compile(r"\b(think|guess|maybe|might|must|seem|seems|turns|turned|"
                           r"apparently|suddenly|now|having|developed|became|become|probably|"
                           r"could|sure|found|out)\W+(\w+(['\u2019]\w+)?\W+){0,3}$", re.IGNORECASE)
HAPPENING = re.compile(
    r"\b(now|rn|today|tonight|this\s+(morning|evening|afternoon)|yesterday|since|anyway|again|"
    r"they\s+(used|put|applied|numbed|gave|wiped)|used|applied|numbed|went|turned|feel|feels|"
    r"feeling|felt|face|skin|cheeks?|lips?|eyes?|throat|chest|heart|breath\w*|tongue|neck|mouth|"
    r"nose|forehead|chin|jaw|arms?|hands?|body|itch\w*|swell\w*|swollen|rash\w*|hives|welts?|"
    r"red\w*|pink|hot|burn\w*|fire|tight|sore|pain\w*|hurts?|throb\w*|spots?|bumps?|blotch\w*|"
    r"splotch\w*|flush\w*|numb|numbness|sick|nause\w*|dizz\w*|faint\w*|lightheaded|wheez\w*|"
    r"racing|reaction|reacting|reacted|peel\w*|raw|water\w*|running|streaming|weird)\b",
    re.IGNORECASE)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _without_what_names_no_symptom(text: str) -> str:
    """The text with the mentions that name no symptom blanked out: a kind of scar asked about,
    an allergy one has. With a treatment named, nothing is blanked. A phone's curly apostrophe
    is read as the straight one the patterns know ("can’t breathe"), letter for letter."""
    text = text.replace("\u2019", "'")
    if AFTER_TREATMENT.search(text):
        return text
    text = BURN_SCAR.sub(lambda match: " " * len(match.group()), text)
    if HAPPENING.search(text) or not asks_a_question(text):
        return text
    for match in list(ALLERGY_HAD.finditer(text)):
        if not ALLERGY_FOUND.search(text[:match.start()]):
            text = _blank(text, *match.span())
    return text


def reports(pattern: Pattern, text: str) -> bool:
    """Whether a mention of the pattern reports the visitor's own symptom: not denied ("no
    infections"), not asked about ("will I bleed a lot?", "would an infection rule me out?"),
    not a disposition ("I bleed easily") and not someone else's ("my friend got an
    infection"); core/polarity.py. Unsure counts ("I think it might be infected"), and so does
    a report put as a question ("what if there's pus coming out of a spot")."""
    spans = [match.span() for match in pattern.finditer(text)]
    return any(reading.is_a_report for reading in read(text, spans, reading=SYMPTOMS)) \
        if spans else False


def mentions_symptom(text: Optional[str]) -> bool:
    """A symptom named at all, reported or not."""
    text = _without_what_names_no_symptom(text or "")
    return any(pattern.search(text) for pattern in
               (SYMPTOM_WORDS, WORSENED, PAIN_REPORT, INFECTION_SIGNS, DARKENING))


# A question about a cause followed by what is happening ("can it cause trouble breathing? chest
# tight and wheezy", "can it give you the rash? all face is red and itch"): the question's
# symptom is the visitor's own, whatever the question's words. Found by a reviewer
# (corpus/data/safety-dev/general-review.yml).
TOLD_AFTER = re.compile(r"\b(covered|all over|everywhere|head to toe|found me|floor|passed out|"
                        r"blacked out|fainted|3\d[.,]\d)\b", re.IGNORECASE)


# "like is the skin broken for days": the question goes on
STILL_ASKING = re.compile(r"^\W*(like|i mean|as in|so)\s+", re.IGNORECASE)


def _asked_then_told(text: str) -> bool:
    """A sentence asking about a symptom, then a statement of something happening to the
    visitor (HAPPENING or TOLD_AFTER) after it."""
    sentences = [s for s in re.split(r"(?<=[?!.])\s+", text) if s.strip()]
    for number, sentence in enumerate(sentences):
        if "?" in sentence and any(pattern.search(sentence) for pattern in
                                   (SYMPTOM_WORDS, PAIN_REPORT, INFECTION_SIGNS)):
            if any(not asks_a_question(STILL_ASKING.sub("", later))
                   and (HAPPENING.search(later) or TOLD_AFTER.search(later))
                   for later in sentences[number + 1:]):
                return True
    return False


# A treatment had, in more words than AFTER_TREATMENT's, for the breakout alone ("did my first
# session last week", "microneedling 4 days ago", "went in for it on tuesday"): only past forms,
# never "can I do the treatment?" or "how long do treatments last?". Through describes_symptom
# the rules that read a symptom read these reports too.
_TREATMENT_HAD = re.compile(
    r"\b(got|had|did|made)\s+(my\s+|the\s+|a\s+)?(\w+\s+){0,2}?((micro-?)?needl\w*|"
    r"micro-needling|derma\s?pen|pen|sessions?|treatments?|procedures?)\b|"
    r"\b((micro-?)?needling|sessions?|treatments?|procedures?|appointments?)\s+(was\s+(on\s+)?)?"
    r"(\w+\s+){0,2}?(ago|yesterday|last\s+(week|night|month|time|\w+day))\b|"
    r"\b(sessions?|treatments?|procedures?|appointments?)\s+was\s+(on\s+)?\w+day\b|"
    r"\bwent\s+in\s+for\b|"
    r"\b(\d+(st|nd|rd|th)|first|second|third|last|latest)\s+(sessions?|treatments?|procedures?)"
    r"\s+done\b|"
    r"\b(after|since|from)\s+(my\s+|the\s+)?(first|second|third|last|latest|\d+(st|nd|rd|th))"
    r"\s+one\b", re.IGNORECASE)
# Whose the breakout is: a word of the visitor in its sentence, or, with no one else named, a
# report told in few words ("Breakout after microneedling. Help!").
_BREAKOUT_OWN = re.compile(r"\b(i|i'?m|im|i'?ve|ive|me|my)\b", re.IGNORECASE)
_TOLD_NOW = re.compile(r"\b(ago|now|yesterday|today|help)\b|\bsince\W*$", re.IGNORECASE)
# That it is not only imagined, feared, heard of, denied, gone or someone else's, read in the
# breakout's own clause ("not sure if this is normal but i'm breaking out" is a report; "a girl
# at work did it and now she has a breakout" is not).
_CLAUSE = re.compile(r"[,;]|\bbut\b|\bthough\b|\bnow\b|\.\.+|\u2026|\s[-\u2013\u2014]+\s")
_BREAKOUT_IF = re.compile(
    r"\b(what\s+if|if|will|would|could|might|may|going\s+to|gonna|i'?ll|you'?ll|won'?t|wont|"
    r"hope\w*|keep\s+from|how\s+(do|can|to|should|would)|heard|read|people|everyone|cleared|"
    r"clear\w*\s+up|got\s+rid\s+of|helped|worried|afraid|scared|prevent|avoid|stop|never|not|"
    r"no|didn'?t|haven'?t|hasn'?t|don'?t|doesn'?t|wasn'?t|weren'?t|without|zero|less|fewer|"
    r"she|he|her|his|they|their|hers)\b",
    re.IGNORECASE)
# ... but "can't stop breaking out" and "hasn't stopped" tell it is going on.
_STILL_GOING = re.compile(r"\b(can'?t|cannot|won'?t|hasn'?t|haven'?t|doesn'?t|didn'?t|not|never)"
                          r"\s+(stop\w*|quit\w*)\b", re.IGNORECASE)
# A breakout as what skin care is for ("salicylic acid for pimples after microneedling", "can I
# cover pimples after?", "can it help with pimples?").
_CARE_FOR = re.compile(r"\b(for|cover|on|help(s|ing)?\s+with|treat|fix|reduce)\s+"
                       r"((my|the|any|a|these|those)\s+)?$|"
                       r"\b(pop|popping|squeeze)\s+(a|any)\s+$", re.IGNORECASE)
# Told right after it as the visitor's own ("the pimples I got after my session"): a report
# whatever came before.
_OWN_AFTER = re.compile(r"^\W*(\w+\W+){0,2}?(i|i'?ve|ive)\s+(got|get|have|had|developed)\b",
                        re.IGNORECASE)
# Or gone or better after it: good news ("my breakouts are much better now").
_GONE_AFTER = re.compile(r"^\W*(\w+\W+){0,5}?(?<!not\s)(?<!n't\s)(better|gone|cleared|fading|"
                         r"faded|improved|improving|disappeared)\b", re.IGNORECASE)


def tells_a_breakout(text: str) -> bool:
    """A breakout of the visitor's own told after a treatment (BREAKOUT). Written with two
    reviewers' probes (corpus/data/safety-dev/breakout-review.yml, tests/unit/test_polarity.py)."""
    if not (AFTER_TREATMENT.search(text) or _TREATMENT_HAD.search(text)):
        return False
    told_now = bool(_TOLD_NOW.search(text)) and not SOMEONE_ELSE.search(text)
    for sentence in re.split(r"(?<=[?!.])\s+", text):
        if not (_BREAKOUT_OWN.search(sentence) or told_now):
            continue
        for match in BREAKOUT.finditer(sentence):
            before, after = sentence[:match.start()], sentence[match.end():]
            if _GONE_AFTER.match(after):
                continue
            clause = _STILL_GOING.sub(" ", _CLAUSE.split(before)[-1])
            if _OWN_AFTER.match(after) or (not _BREAKOUT_IF.search(clause)
                                           and not _CARE_FOR.search(before)
                                           and reports(BREAKOUT, sentence)):
                return True
    return False


def describes_symptom(text: Optional[str]) -> bool:
    text = _without_what_names_no_symptom(text or "")
    return any(reports(pattern, text) for pattern in
               (SYMPTOM_WORDS, WORSENED, PAIN_REPORT, INFECTION_SIGNS, DARKENING)) \
        or describes_serious_symptom(text) or _asked_then_told(text) \
        or reports_a_mark(text) or tells_a_breakout(text)


def describes_serious_symptom(text: Optional[str]) -> bool:
    text = _without_what_names_no_symptom(text or "")
    after = bool(AFTER_TREATMENT.search(text))
    return (any(reports(pattern, text) for pattern in
                (SERIOUS_SYMPTOM_WORDS, WORSENED, INFECTION_SIGNS))
            or (after and any(reports(pattern, text)
                              for pattern in (DARKENING, LOOSE_INFECTION_SIGNS)))
            or (after and reports_a_mark(text)))


# A report that the treatment went well ("did my first session last week, skin feels smoother
# already, is that real?"): good news asked about is no complication, whatever the classifier
# read. Only words that say the skin changed for the better count ("better" and "improve" ask
# as often as they tell: "will it get better?", "no improvement"); any word of a worry, of a
# change in the skin's look or of a negation keeps it a report.
GOOD_NEWS = re.compile(r"\b(smoother|softer|brighter|clearer|firmer|plumper|fresher|glowing|"
                       r"glowy)\b", re.IGNORECASE)
WORRY = re.compile(r"\b(wrong|worr\w*|concern\w*|weird|strange|odd|scar\w*|hurt\w*|pain\w*|"
                   r"sore|red\w*|bumps?|itch\w*|sting\w*|peel\w*|flak\w*|dark\w*|worse|"
                   r"scab\w*|spots?|patch\w*|lumps?|marks?|sick|ill|tight\w*|dry|raw|hot|warm|"
                   r"bruis\w*|crust\w*|numb\w*|tingl\w*|purple|yellow|tender|raised|thick\w*|"
                   r"hard|doctor|clinic|call|but|though|except|still|not|no|never|without|"
                   r"\w+n't|\w+n\u2019t)\b", re.IGNORECASE)


def reports_good_news(text: Optional[str]) -> bool:
    text = text or ""
    return bool(GOOD_NEWS.search(text)) and not WORRY.search(text) \
        and not mentions_symptom(text) and asks_a_question(text)


# Words that tell of something that has happened or is happening to the visitor: a time ("now",
# "since", "3 days after"), a treatment done, or the visitor's own state ("I'm bleeding", "my
# face is"). Body words alone are not enough: "does the area under the eyes swell more than the
# rest of the face?" tells nothing of the visitor.
# When it happens, of TOLD_NOW's words: the time ones alone (its "my face is", "is this",
# "there's" are in most long questions, long_question_telling_nothing below).
_WHEN = (r"now|rn|today|tonight|this\s+(morning|evening|afternoon|week)|yesterday|last\s+night|"
         r"since|(?<!years\s)(?<!year\s)ago|still|anymore|again|won'?t\s+stop|keeps?|"
         r"\d+\s*(hrs?|hours?|days?|d|wks?|weeks?)\s+(after|post|later|in|on|out)|"
         r"day\s+\d+|(days?|weeks?)\s+(after|post|later|out)|the\s+next\s+day|last\s+week")
WHEN_NOW = re.compile(rf"\b({_WHEN})\b", re.IGNORECASE)
TOLD_NOW = re.compile(
    rf"\b({_WHEN}|hasn'?t\s+(stopped|gone|healed|closed|settled)|"
    r"for\s+(\d+|a\s+few|few|several|two|three|four|five)\s+(days?|weeks?|hours?)|huge|massive|"
    r"(had|got|did)\s+(it|mine|my\s+\w+)\s+done|did\s+it\s+(at\s+home|myself)|"
    r"they\s+(used|put|applied|did|numbed|gave|went|pressed|rolled)|"
    r"(i'?m|i\s+am|im|i\u2019m)\s+(so\s+|really\s+|very\s+|still\s+|all\s+)?(bleeding|swelling|"
    r"swollen|itch\w*|burning|dizzy|lightheaded|light-headed|feverish|breaking|broken|getting|"
    r"having|covered|red|sore|in\s+pain|peeling|oozing|weeping|blister\w*|puffy|sick|shaking)|"
    r"my\s+(?!(mom|mum|mother|dad|father|sister|brother|friend|cousin|husband|wife|partner|aunt|"
    r"uncle|daughter|son|neighbou?r|coworker|colleague|boss|gf|bf|boyfriend|girlfriend)\b)"
    r"(\w+\s+){0,2}(is|are|was|were|has|have|had|feels?|felt|looks?|looked|got|went|"
    r"turned|keeps?|started|broke|came|seems?|won'?t|isn'?t|aren'?t|\w+ed)\b"
    r"(?!\s+(very\s+)?sensitive)|"
    r"is\s+(it|this|that)\s+(\w+\s+)?(infected|an?\s+infection|allerg\w*|an?\s+allerg\w*|"
    r"a\s+reaction|serious|bad)|"
    r"(coming\s+out|oozing|leaking|spreading|dripping|pouring|swelling\s+up|growing)|"
    r"can'?t|cannot|barely|pretty\s+sure|i\s+(just\s+|literally\s+just\s+)?did|full\s+of|"
    r"shut|slits|tight|these|all\s+this|like\s+this|that\s+much|through|overnight|for\s+hours|"
    r"green|purple|big|filled|there'?s|there\s+(is|are)|doesn'?t\s+stop|swelled|bled|"
    r"blistered|burned|broke\s+out|fainted|passed\s+out|this\s+much|so\s+much|is\s+this|"
    r"mine|not\s+(stopping|slowing|going\s+down|getting\s+better|settling|healing|"
    r"improving))\b", re.IGNORECASE)
# More words of a report put as a question, from a reviewer's probe of reports made to look
# general ("does it normally bleed this long", "why am I so itchy??", "how do i stop the
# bleeding?", "lips bleeding, normal?"): docs/understanding.md.
TOLD_MORE = re.compile(
    r"\b(this|that)\s+(long|bad|badly|swollen|puffy|red|itchy|hot|sore|raw|amount)\b|"
    r"\bthis\s+(rash|swelling|bleeding|burning|itch\w*|bruis\w*|pus|blisters?)\b|"
    r"\bwhat'?s\s+this\b|\blike\s+(a\s+balloon|a\s+tomato|crazy)\b|"
    r"\bam\s+i\s+(so\s+|still\s+)?(bleeding|swelling|swollen|itchy|having|allergic|supposed|"
    r"getting)\b|\b(why|how\s+come)\s+(do|does)\s+i\s+(feel|have)\b|"
    r"\bi\s+(feel|look)\s+(awful|terrible|sick|like|so|really|very|dizzy|faint|hot|"
    r"sunburn\w*|burnt|burned|swollen|red|puffy|raw)\b|"
    r"\blike\s+me\b|\bi\s+have\s+both\b|\b(i'?m|i\s+am|im)\s+(\w+\s+)?allergic\b|"
    r"\bi\s+think\s+(i'?m|im|it'?s|its|i)\b|\b(i|she|he)\s+used\b|"
    r"\bmy\s+(swollen|puffy|bleeding|burning|itchy|blistered|sore)\s+\w+|"
    r"\bmy\s+\w+\s+(r|so|this|to\s+be|be|stay)\b|\bon\s+my\s+(pillow\w*|sheets?)\b|"
    r"\b(it'?s|its|has|have)\s+been\b|\bday\s+(one|two|three|four|five|six|seven)\b|"
    r"\b(hours?|hrs?)\s+(after|later)\b|\b(morning|night|evening)\s+after\b|\bgoing\s+on\s+\d+|"
    r"\bevery\s+morning\b|"
    r"\b(stop|calm|soothe|pop|get\s+rid\s+of|make)\s+the\s+(bleeding|swelling|burning|itch\w*|"
    r"rash|blisters?|pus)\b|\b(for|about)\s+the\s+(\w+\s+)?(bleeding|swelling|burning|itch\w*|"
    r"rash|blisters?|pus)\b|\bthe\s+(bleeding|swelling|burning|itch\w*|rash|blisters?|pus)\s+"
    r"(is\s+normal|a\s+bad\s+sign|go\s+down\s+by|scar)\b|\bwont\s+the\s+\w+\s+stop\b|"
    r"^\W*\w+\s+(\w+\s+)?(bleeding|swelling|swollen|burn|red|bleed|ooze)\b[^?]*?,\s*"
    r"(is\s+(that|it)\s+|it\s+is\s+)?normal\b|"
    r"\bnever\s+(had|felt|seen)\s+(this|that|anything\s+like)|\bwhen\s+i\s+left\s+the\b|"
    r"\b(please|pls|plz)\s+help\b|\basap\b|\bunbearable\b|\bdriving\s+me\b|"
    r"\b(it'?s|its|it\s+is|be|they)\s+(\w+\s+)?infected\b|"
    r"\b(after|from|since)\s+(\w+\s+){0,3}?(the\s+)?(needles?|derma\s?(pen|roller))\b",
    re.IGNORECASE)
# And a question that is about seeking care, or speaks of "the" symptom as there now.
SEEKING_CARE = re.compile(
    r"\b(hospital|antibiotics?|a&e|urgent\s+care|emergency|go\s+to\s+(the|a)\s+doctor|"
    r"feels?\s+like|face\s+(very|so|really)|eyes?\s+(nearly|puffy|swollen|closed)|"
    r"(get|bring|keep)\s+the\s+\w+\s+down|should\s+the\s+(swelling|bleeding|redness|burning|"
    r"rash|itch\w*|pain)|the\s+(\w+\s+){0,2}(are|is|have|has)\s+(\w+\s+)?(hot|hard|swollen|"
    r"yellow|red|bleeding|oozing|weeping|pus)|the\s+infection|be\s+an\s+allergy)\b",
    re.IGNORECASE)
# A sign that a question is asked in general or before a treatment: it speaks of people or
# "you", of what usually happens or could, or of a plan. Without one, a question is read as
# the visitor's own ("why is my face so swollen?", "can I put ice on my swollen eyes?").
GENERAL = re.compile(
    r"\b(you|your|u|ur|people|anyone|someone|everyone|usually|normally|typically|generally|"
    r"in\s+general|ever|can\s+(it|the|this|micro\w*|needling)|could\s+(it|the|i\s+be|micro\w*)|"
    r"does\s+(it|the|micro\w*|needling)|do\s+(they|people|the)|will\s+(it|the|i|there)|"
    r"would\s+(it|the|i)|might\s+(it|the|i)|is\s+there|are\s+there|what\s+happens|what\s+if|"
    r"what\s+would|am\s+i\s+going|do\s+i\s+need|before|risk|risky|common|possible|chance|"
    r"during|afraid|scared|worried|nervous|prone|easily|allerg\w*)\b|"
    # what is normal, asked of a symptom: "how much swelling is normal after it?"
    r"\bhow\s+much\s+(\w+\s+){1,2}(is|are)\s+(normal|expected|typical|usual)\b|"
    # a bare word asked, one of a list of questions ("recovery time?? swelling?? ...")
    r"^\W*(any\s+|much\s+)?[a-z]+(\s+(after|afterwards|during|too))?\s*\?+\W*$",
    re.IGNORECASE)
# What a visitor tells before a treatment: a disposition, a history, someone else, a fear, a
# plan ("I faint at blood tests every single time", "I had hives as a kid", "my mom had a
# reaction", "infections freak me out", "asking before I book").
BEFORE = re.compile(
    r"\b(every\s+(single\s+)?time|each\s+time|always|sometimes|usually|often|tend\s+to|easily|"
    r"whenever|when\s+i|as\s+a\s+(kid|child|teen)|growing\s+up|years\s+ago|a\s+year\s+ago|"
    r"last\s+(year|winter|summer|spring|fall|autumn)|in\s+the\s+past|once|before|beforehand|"
    r"makes?\s+me|freaks?\s+me|scares?\s+me|afraid|scared|nervous|anxious|worried\s+about|"
    r"the\s+type|i\s+take|i'?m\s+on|diabetic|my\s+(mom|mum|mother|dad|sister|brother|friend|"
    r"cousin|husband|wife|partner|aunt|neighbou?r)|someone|people|in\s+my\s+country|healed|"
    r"cleared\s+up|fully\s+treated|under\s+control|grew\s+out|haven'?t\s+had|book|booking|"
    r"planned|planning|thinking\s+(of|about)|considering|i\s+have\s+an?\s+(\w+\s+)?"
    r"(allergy|wedding|event|appointment|consult\w*))\b", re.IGNORECASE)


# ... where "after micro-needling" names no treatment of the visitor's own: "how much swelling is
# normal after microneedling?" (not "after my session").
NORMAL_AFTER_ANY = re.compile(
    r"\bhow\s+much\s+(\w+\s+){1,2}(is|are)\s+(normal|expected|typical|usual)\s+(after|post|"
    r"following)\s+((a|the)\s+)?((micro[- ]?|micro\s+)?needling|treatments?|sessions?|"
    r"procedures?)\b", re.IGNORECASE)


# Of BEFORE's words, the ones that tell of a disposition or a history only: not "whenever",
# "sometimes", "makes me", "i'm on" or "healed", which tell of now as often ("it bleeds whenever I
# wash my face", "I'm on roaccutane, skin is blistering"). They stand for a sign of a question in
# general only in a sentence of their own, before a question that names no symptom
# (told_a_disposition below).
DISPOSITION = re.compile(
    r"\b(as\s+a\s+(kid|child|teen)|growing\s+up|years\s+ago|a\s+year\s+ago|"
    r"last\s+(year|winter|summer|spring|fall|autumn)|in\s+the\s+past|grew\s+out|"
    r"haven'?t\s+had|chronic|under\s+control|fully\s+treated|diabetic|phobic|phobia|"
    r"(at|during|for)\s+blood\s+(draws?|tests?|work)|tend\s+to|easily)\b", re.IGNORECASE)


def told_a_disposition(text: str) -> bool:
    """A disposition or history told in a sentence that asks nothing, then a question that names
    no symptom: "Chronic hives here, kept under control. Is micro-needling OK for me?"."""
    sentences = [s for s in re.split(r"(?<=[?!.])\s+", text) if s.strip()]
    told = [s for s in sentences if not asks_a_question(s)]
    asked = [s for s in sentences if asks_a_question(s)]
    return any(DISPOSITION.search(s) for s in told) and bool(asked) \
        and not any(mentions_symptom(s) for s in asked)


# "when should I call my provider after microneedling?", "how do I know if I need to see a
# doctor after it?": when to seek care after a treatment, asked in one sentence that tells
# nothing of the visitor's own. The seek-care reply, put as a condition, answers it with its
# signs of an emergency, then what the article calls normal
# (nlu_components/reading/when_to_seek_care.py). Only a doctor, the provider or emergency care
# and the time after a treatment: "when do I go back to the clinic for my second session?" or
# "when should I see a dermatologist instead of an esthetician?" ask other things (a reviewer's
# probe: tests/unit/test_reading_rules.py).
_TREATMENT = (r"((a|the|my)\s+)?((having|getting)\s+)?(((micro[- ]?|micro\s+)?needling|"
              r"micro-needling)(\s+(sessions?|treatments?|appointments?|procedures?))?(\s+done)?|"
              r"treatments?|sessions?|procedures?|appointments?|it)")
# Nothing of the visitor's own between the opening and the person to see: "how do I know if the
# bumps I got mean I need to see a doctor after it?" is their report (a reviewer's probe).
_NOTHING_OWN = (r"(?:(?!\b(my|mine|i'?ve|i'?m|i\s+(got|have|had|feel|am)|this|these|that|what|"
                r"marks?|bumps?|dots?|spots?|reaction|pain|feeling)\b)[^?.!]){0,40}?")
WHEN_TO_SEEK_CARE = re.compile(
    r"^\W*((so|ok(ay)?|and|but|hi|hello|hey)\W+)?(after\s+" + _TREATMENT + r"\W+)?"
    r"(when\s+(should|must)\s+i\s+|when\s+(do|would|will)\s+i\s+(need|have)\s+to\s+|"
    r"when\s+(is\s+it\s+time|to)\s+|at\s+what\s+point\s+|"
    r"how\s+(do|would|will|can|should)\s+(i|you)\s+(know|tell)\s+|"
    r"what\s+(are\s+the\s+)?(signs?|symptoms?)\s+|which\s+(signs?|symptoms?)\s+)" + _NOTHING_OWN +
    r"\b(call|see|contact|ring|phone|go\s+to|get|seek|need|reach\s+out\s+to)\s+(\w+\s+){0,2}?"
    r"(provider|doctor|dr|gp|physician|dermatologist|derm|nurse|clinic|er|hospital|a&e|"
    r"emergency\s+room|urgent\s+care|medical\s+(help|attention|advice|care))\b"
    r"(\s+(after|post|following)[\s-]*" + _TREATMENT + r")?"
    r"(\s+instead\s+of\s+waiting(\s+it\s+out)?)?\s*\?*\s*$",
    re.IGNORECASE)
# ... after a treatment: named in the question, before or after it.
AFTER_A_TREATMENT_NAMED = re.compile(r"\b(after|post|following)[\s-]*" + _TREATMENT + r"\b",
                                     re.IGNORECASE)


def asks_when_to_seek_care(text: Optional[str]) -> bool:
    text = (text or "").replace("\u2019", "'")
    return len(text) <= 200 and bool(WHEN_TO_SEEK_CARE.search(text)) \
        and bool(AFTER_A_TREATMENT_NAMED.search(text)) \
        and not (describes_symptom(text) or TOLD_NOW.search(text) or TOLD_MORE.search(text)
                 or TOLD_AFTER.search(text))


def asked_in_general(text: Optional[str]) -> bool:
    """A question naming a symptom that tells of nothing happening to the visitor ("can the
    numbing cream make you faint?", "I faint at blood tests every time. What if I pass out
    during it?"): it may be asked before a treatment, so the seek-care reply is put as a
    condition ("if this is happening to you ...") and the conversation is not marked as holding
    a report. It is still the seek-care reply: a report can hide in such words ("does it
    usually bleed much? pillow soaked through", docs/understanding.md), so it needs a sign of
    a question in general (GENERAL) or a disposition or a history told before the question
    (told_a_disposition: "Chronic hives, kept under control. Is it OK for me?"), and no word of
    something happening.
    A sentence that asks nothing counts only when it tells of a disposition, a history, someone
    else or a plan (BEFORE)."""
    text = (text or "").replace("\u2019", "'")
    if asks_when_to_seek_care(text):
        return True
    if not asks_a_question(text) or not (GENERAL.search(text) or told_a_disposition(text)) \
            or TOLD_NOW.search(text) \
            or TOLD_MORE.search(text) or SEEKING_CARE.search(text) \
            or AFTER_TREATMENT.search(NORMAL_AFTER_ANY.sub(" ", text)) \
            or TOLD_AFTER.search(text):
        return False
    return all(asks_a_question(sentence) or BEFORE.search(sentence)
               or DISPOSITION.search(sentence)
               for sentence in re.split(r"(?<=[?!.])\s+", text) if sentence.strip())


# Someone else named, and nothing of the visitor's own ("my aunt said she had scabs for a week
# after hers at a beauty place, how do i avoid that"): a story, even when the classifier reads
# a complication and the words are no symptom words the polarity reading knows.
# The people a visitor speaks of by their relation to them, once for both readings below.
RELATIONS = (r"friends?|mates?|aunt|auntie|tita|sister|cousin|mom|mum|mother|bridesmaid|coworker|"
             r"co-worker|colleague|neighbou?r|wife|husband|daughter|son|bf|gf|boyfriend|girlfriend")
STRANGERS = r"lady|girl|guy|woman|man"
SOMEONE_ELSE = re.compile(
    rf"\b(my|her|his|their)\s+(\w+\s+){{0,2}}?({RELATIONS})\b|"
    rf"\b(a|an|this|one)\s+({STRANGERS}|person)\s+on\s+(a\s+|the\s+)?(blog|tiktok|"
    r"youtube|reddit|instagram|facebook|forum|here|insta)\b", re.IGNORECASE)
# Anyone else at all, for a mark ("on tiktok there's a girl with a bruise", "my cousin did it and
# now she has dark patches"): a mark is the visitor's only with a word of their own (OWN). Not
# the provider's "she" ("dark patches where she went over").
ANYONE_ELSE = re.compile(
    rf"\b(my|a|an|her|his|their|this|one)\s+(\w+\s+){{0,2}}?({RELATIONS}|{STRANGERS}|client|"
    r"patient)\b|"
    r"\b(someone|somebody|people|everyone)\b|\b(she|he)\s+(has|had|got|gets)\b|"
    r"\b(her|his)\s+(face|skin|cheeks?|jaw|lips|forehead|chin|neck)\b", re.IGNORECASE)
# Words that tell of something here and now, whoever else is named ("my gf says there is crusty
# yellow stuff where the pen went").
PRESENT_HERE = re.compile(
    r"\b(now|rn|today|tonight|still|there'?s|there\s+(is|are)|where\s+(the|she|he|they)\s+"
    r"(\w+\s+)?(went|did|needled)|since\s+(friday|saturday|sunday|monday|tuesday|wednesday|"
    r"thursday|my|the|yesterday|last))\b", re.IGNORECASE)
OWN = re.compile(
    r"\b(i'?m|im|i\s+am|i\s+have|i'?ve|ive|i\s+had|i\s+got|i\s+feel|i\s+felt|i\s+noticed|"
    r"i\s+did|i\s+woke|mine|(gave|left|made)\s+me)\b|"
    r"\bmy\s+(skin|face|cheeks?|eyes?|lips?|neck|forehead|chin|nose|jaw|scars?|spots?|treatment|"
    r"session|appointment)\b", re.IGNORECASE)


def someone_else_s(text: str) -> bool:
    """Someone else named, and no word of the visitor's own state or of anything here now."""
    return bool(SOMEONE_ELSE.search(text)) and not OWN.search(text) \
        and not PRESENT_HERE.search(text) and not TOLD_MORE.search(text) \
        and not SEEKING_CARE.search(text) and not TOLD_AFTER.search(text)


def someone_else_s_story(text: Optional[str]) -> bool:
    """A question about what happened to someone else, with no word of the visitor's own
    state. Only before any report of the visitor's own (the caller's to check)."""
    text = text or ""
    return asks_a_question(text) and someone_else_s(text)


# A long question that tells no symptom, no treatment had and nothing happening now ("I was
# reading your article and noticed it's dated 2017 ... is this information still current?", a
# bride's paragraph about her skin before the wedding): the classifier reads some such
# narratives as a complication report, having learnt reports as the long, personal messages.
# Short reports with no symptom word ("something feels off", "my face blew up like a balloon
# after the session") are not touched: under LONG_QUESTION_WORDS words, or naming a treatment.
LONG_QUESTION_WORDS = 25


# "still current", "if I start now", "six weeks out": of the information or the plan, not of
# the skin.
NOT_OF_THE_SKIN = re.compile(
    r"\bstill\s+(current|holds?|valid|true|accurate|relevant|applies|apply|up\s+to\s+date|"
    r"the\s+case)(\s+(today|now|these\s+days))?\b|"
    r"\b(start|starting|begin|do\s+it|book|booking)\s+(it\s+)?now\b|"
    # an event ahead: "my wedding is six weeks out"
    r"\b(is|'s|are)\s+(\w+\s+)?(days?|weeks?|months?)\s+(out|away)\b", re.IGNORECASE)




# How a body feels or looks, in words the symptom net does not list ("lumpy, hot and really
# tender", "tingly and kind of thick"), and the visitor's own skin told of ("my face is", "my
# cheeks feel"): a long message with any of them may be a report in other words. A reviewer's
# probe of such reports is in tests/unit/test_polarity.py.
BODY_STATE = re.compile(
    r"\b(red|redness|hot|warm|sore|tender|lump\w*|bump\w*|itch\w*|sting\w*|raw|peel\w*|scab\w*|"
    r"crust\w*|ach(e|es|y|ing)|throb\w*|tingl\w*|shiver\w*|chills?|unwell|sick|hurt\w*|pain\w*|"
    r"pimples?|blotch\w*|patch\w*|smell\w*|tight|thick|numb(ness|ed)?|shiny|hard|bigger)\b",
    re.IGNORECASE)
OWN_BODY = re.compile(
    r"\b(my|the)\s+(skin|face|cheeks?|eyes?|eyelids?|lips?|tongue|throat|neck|chest|forehead|"
    r"chin|nose|jaw|area|spots?)\s+(\w+\s+)?(is|are|has|have|looks?|feels?|went|gone|got|"
    r"turned|were|was|seems?)\b", re.IGNORECASE)


def long_question_telling_nothing(text: Optional[str]) -> bool:
    text = text or ""
    return len(re.findall(r"[\w']+", text)) >= LONG_QUESTION_WORDS and asks_a_question(text) \
        and not (mentions_symptom(text) or describes_symptom(text) or AFTER_TREATMENT.search(text)
                 or NEW_MARK.search(text) or WHEN_NOW.search(NOT_OF_THE_SKIN.sub(" ", text))
                 or BODY_STATE.search(text) or OWN_BODY.search(text))
