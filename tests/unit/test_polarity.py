"""The ConText reading of conditions and symptoms (core/polarity.py, core/polarity.yml) and the
symptom net that follows it (core/symptoms.py): a denied, asked-about, habitual or someone
else's mention is not the visitor's, and no complication report is lost."""
import re

import pytest
import yaml

from corpus.sets import COMPLICATION, load_corpus
from conftest import ROOT
from core.polarity import (ASKED, DENIED, HABITUAL, OTHER, STATED, UNSURE, VISITOR, opposites,
                           read)
from core.symptoms import (DARKENING, INFECTION_SIGNS, PAIN_REPORT, SYMPTOM_WORDS, WORSENED,
                           asked_in_general, asks_when_to_seek_care,
                           describes_serious_symptom, describes_symptom,
                           long_question_telling_nothing, mentions_symptom)

MENTION = re.compile(r"keloids?( scars?)?|raised scars?|open wounds?|cuts?|infect\w*|bleed\w*")


def readings(text):
    spans = [m.span() for m in MENTION.finditer(text.lower())]
    return [(text[a:b].lower(), r.polarity, r.experiencer)
            for (a, b), r in zip(spans, read(text, spans))]


@pytest.mark.parametrize("text, expected", [
    ("I don't have any keloids or open wounds. am I a good candidate?",
     [("keloids", DENIED, VISITOR), ("open wounds", DENIED, VISITOR)]),
    ("I've never had keloid scars, is it ok for me?", [("keloid scars", DENIED, VISITOR)]),
    ("no keloids, open wounds or infections",
     [("keloids", DENIED, VISITOR), ("open wounds", DENIED, VISITOR),
      ("infections", DENIED, VISITOR)]),
    ("infections? nope. downtime?", [("infections", DENIED, VISITOR)]),
    ("I'm not prone to keloids", [("keloids", DENIED, VISITOR)]),
])
def test_denied_conditions(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize("text, expected", [
    # A terminator, or a comma that ends a list, closes the denial's scope.
    ("no keloids but I do have a cut on my chin", [("keloids", DENIED, VISITOR),
                                                   ("cut", STATED, VISITOR)]),
    ("no keloids, I do have an open wound", [("keloids", DENIED, VISITOR),
                                             ("open wound", STATED, VISITOR)]),
    # An answer word before a comma is no denial of what follows.
    ("no, I have keloids", [("keloids", STATED, VISITOR)]),
    ("I'm prone to keloids", [("keloids", HABITUAL, VISITOR)]),
    ("open wounds - none. keloids - no. ok to book?",
     [("open wounds", DENIED, VISITOR), ("keloids", DENIED, VISITOR)]),
])
def test_stated_conditions_keep_their_statement(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("what if I had keloids?", [("keloids", ASKED, VISITOR)]),
    ("can you do it if I have an infection on my chin right now?",
     [("infection", ASKED, VISITOR)]),
    ("can it cause infection?", [("infection", ASKED, VISITOR)]),
    ("I think it might be infected", [("infected", UNSURE, VISITOR)]),
    # A disposition yields to the question around it.
    ("if a person is prone to keloids, can they get it?", [("keloids", ASKED, VISITOR)]),
    ("would having keloids rule you out?", [("keloids", ASKED, VISITOR)]),
    ("is it ok if u have raised scars?", [("raised scars", ASKED, VISITOR)]),
    ("my sister gets keloids, can I do it?", [("keloids", STATED, OTHER)]),
    ("my friend got an infection after hers at a salon, how do I avoid that?",
     [("infection", STATED, OTHER)]),
])
def test_asked_unsure_and_someone_else_s(text, expected):
    assert readings(text) == expected


def test_a_condition_named_by_its_opposite():
    assert opposites("my skin heals fine and I have no infections") == [
        ("poor wound healing", DENIED)]
    assert opposites("I don't heal well, is that a problem?") == [("poor wound healing", STATED)]
    assert opposites("how long does it take to heal?") == []
    # two denials make a statement of the opposite: the visitor heals well
    assert opposites("not that i dont heal quickly, just asking about the redness") == [
        ("poor wound healing", DENIED)]


@pytest.mark.parametrize("text", [
    "my friend got an infection after hers at a salon, how do I make sure that doesn't happen?",
    "I bleed easily when I shave, will I bleed a lot during microneedling?",
    "my skin heals fine and I have no infections, can I get it done?",
    "will I be swollen afterwards?",
    "my mom got an infection after hers, should I worry?",
    # a fear of what it will do, in the future tense
    "honestly I'm afraid it'll swell up loads, is that common?",
    "kinda worried it will bleed a lot during",
])
def test_stories_worries_and_denials_are_no_symptom_report(text):
    assert mentions_symptom(text) and not describes_symptom(text)


def test_a_report_put_as_a_question_is_a_report_a_hypothetical_is_not():
    assert describes_serious_symptom("what if there's pus coming out of a spot")
    for text in ["does an active infection rule you out?", "what if it gets infected?"]:
        assert mentions_symptom(text) and not describes_symptom(text), text


@pytest.mark.parametrize("text", [
    "it's still bleeding and won't stop",
    "the bleeding doesn't stop",
    "I think it might be infected",
    "thanks, but my cheek is still bleeding",
    "no, it's still oozing",
    "my cut isn't healing and it's red and hot to the touch",
])
def test_reports_stay_reports(text):
    assert describes_symptom(text)


def names_a_symptom_word(text):
    """Any symptom word at all, before the net blanks what names none (a burn scar asked about,
    an allergy one has): so a blanked report is caught here too."""
    return any(pattern.search(text) for pattern in (SYMPTOM_WORDS, WORSENED, PAIN_REPORT,
                                                    INFECTION_SIGNS, DARKENING))


def test_every_held_out_complication_phrasing_is_still_a_report():
    phrasings = yaml.safe_load((ROOT / "tests" / "safety_heldout.yml").read_text())["phrasings"]
    assert [p for p in phrasings if names_a_symptom_word(p) and not describes_symptom(p)] == []


def test_no_complication_report_of_the_corpus_loses_its_symptom():
    reports = [text for item in load_corpus().items for text, topics in
               zip(item.turns, item.topics) if item.kind != "two_questions"
               and topics == [COMPLICATION]]
    assert len(reports) >= 100
    assert [t for t in reports if names_a_symptom_word(t) and not describes_symptom(t)] == []


def test_the_safety_development_set_s_reports_stay_reports():
    # corpus/data/safety-dev/theta.yml: read while tuning the net, so a guard, not a measurement
    # (its worries, and what reaches care end to end: docs/understanding.md).
    theta = yaml.safe_load((ROOT / "corpus" / "data" / "safety-dev" / "theta.yml")
                           .read_text(encoding="utf-8"))
    reports = [item["text"] for item in theta["reports"]]
    assert len(reports) == 100
    assert [t for t in reports if names_a_symptom_word(t) and not describes_symptom(t)] == []


@pytest.mark.parametrize("text", [
    "could I be having a reaction? my lips are swelling up",
    "am I having an allergic reaction, the serum burns",
    "hives like when I was a kid, all over my cheeks since the session",
    "is it normal to bleed this much, it hasn't stopped",
])
def test_a_likeness_or_a_question_about_now_stays_a_report(text):
    assert describes_symptom(text)


@pytest.mark.parametrize("text, names", [
    ("I take fish oil which thins the blood, is that a problem?", False),
    ("I'm on meds for the blood, is it dangerous for me?", False),
    ("the pen drew blood and it won't stop", True),
])
def test_blood_thinned_or_medicated_names_no_symptom(text, names):
    assert mentions_symptom(text) == names


@pytest.mark.parametrize("text", ["the pen drew blood and it won't stop"])
def test_blood_drawn_by_the_pen_is_a_report(text):
    assert describes_symptom(text)


def test_the_trigger_reviewer_s_reports_stay_reports():
    # corpus/data/safety-dev/triggers-review.yml: reports written against disposition, history
    # and "could I be" triggers ("bleeding every single time I smile, day 1 post needling"),
    # which missed 14 of the first reviewer's 90 and 19 of the second's, and were taken out.
    reports = yaml.safe_load((ROOT / "corpus" / "data" / "safety-dev" / "triggers-review.yml")
                             .read_text(encoding="utf-8"))["reports"]
    assert len(reports) == 109
    assert [t for t in reports if names_a_symptom_word(t) and not describes_symptom(t)] == []


def test_the_breakout_reviewer_s_reports_and_worries():
    # corpus/data/safety-dev/breakout-review.yml: a reviewer's reports of a breakout or a cold
    # sore after a treatment, and questions, fears and denials about them, written against
    # tells_a_breakout; the trigger was fitted to them, so they guard it rather than measure it.
    from core.symptoms import tells_a_breakout
    probe = yaml.safe_load((ROOT / "corpus" / "data" / "safety-dev" / "breakout-review.yml")
                           .read_text(encoding="utf-8"))
    assert len(probe["reports"]) >= 80 and len(probe["not_reports"]) >= 100
    assert [t for t in probe["reports"] if not describes_symptom(t)] == []
    assert [t for t in probe["not_reports"] if tells_a_breakout(t)] == []


def test_the_reviewer_s_reports_stay_reports():
    # corpus/data/safety-dev/reports-review.yml: reports written against the net's worry,
    # disposition and allergy readings ("the swelling scares me", "I'm allergic to lidocaine and
    # they used it, my face feels tight").
    reports = yaml.safe_load((ROOT / "corpus" / "data" / "safety-dev" / "reports-review.yml")
                             .read_text(encoding="utf-8"))["reports"]
    assert len(reports) >= 150
    assert [t for t in reports if names_a_symptom_word(t) and not describes_symptom(t)] == []


@pytest.mark.parametrize("text", [
    # an allergy one has, asked about before a treatment
    "I'm allergic to sulfa drugs, is the numbing cream a problem?",
    "latex allergy here - do the staff wear gloves?",
    "what if I'm allergic to the numbing cream?",
])
def test_an_allergy_one_has_asked_about_is_no_report(text):
    assert not describes_symptom(text)


@pytest.mark.parametrize("text", [
    # an allergy with a reaction, or one just found, or with the treatment named
    "I'm allergic to something, my lips are swelling",
    "I think I'm allergic to the serum, my cheeks are itchy and blotchy",
    "allergic to lidocaine and they used it anyway after my session, now my face is puffy",
    "I'm allergic to latex and the tech wore gloves, my face feels tight",
    "turns out I'm allergic to the aftercare balm?",
    "lidocaine allergy!! they numbed me anyway, now i feel lightheaded",
    # an infection sign with the treatment named
    "spots with yellow heads all over since my session",
    "honey-colored crust on my chin, 3 days post treatment",
])
def test_allergic_reactions_and_infection_signs_after_a_treatment_are_reports(text):
    assert describes_symptom(text)


def test_a_serious_sign_someone_else_had_is_not_serious_for_the_visitor():
    assert not describes_serious_symptom("my mom got an infection after hers, should I worry?")
    assert describes_serious_symptom("how can I tell if it got infected?")


@pytest.mark.parametrize("text", [
    # A serious sign the visitor has, said with words that are triggers elsewhere: still a report.
    "I have pus, is that a problem?",
    "Should I be worried about the pus?",
    "I saw pus coming out of a spot this morning",
    "the nurse looked at it and she said it's infected, what do I do?",
    "zero improvement and the pus keeps coming",
    "I haven't slept, fever all night",
    "Never had an allergic reaction like this",
    "is having pus normal after 3 days?",
    "I can not breathe properly since the session",
    "I'm not able to breathe well",
    "I don't know what to do, bleeding won't stop",
    "I haven't been able to stop the bleeding",
    "can you do it if I have an infection on my chin right now?",
    # signs of infection in looser words, with a treatment named: heat, redness that spreads
    "I had procedure 6 days ago. Redness is not going away, now it goes down on neck and is "
    "very hot when I touch",
    "since my session the red patch is spreading towards my ear",
    "cheek is warm to touch and throbbing after the treatment",
    # a thing that went away reaches only the word before it, not the report beside it
    "face is swollen and the redness went away",
    "my face is infected the pain went away",
    "swollen and hot face, fever all gone",
])
def test_a_serious_sign_of_the_visitor_s_own_is_a_report(text):
    assert describes_serious_symptom(text) or describes_symptom(text), text


@pytest.mark.parametrize("text, polarity", [
    ("I don't think I have keloids", UNSURE),
    ("keloids: no", DENIED),
    ("any keloids? nah", DENIED),
])
def test_unsure_and_answered_conditions(text, polarity):
    assert readings(text)[0][1] == polarity


def test_an_opposite_only_unsure_or_someone_else_s_says_nothing():
    assert opposites("I don't think I heal well") == []
    assert opposites("my sister heals fine but I don't") == []


def test_offsets_hold_for_letters_that_grow_when_lowercased():
    text = "Hi I'm \u0130rem from \u0130zmir, no keloids or open wounds, am I a candidate?"
    assert [r[1] for r in readings(text)] == [DENIED, DENIED]


def test_a_long_text_is_read_up_to_its_cap_and_none_is_no_text():
    assert read(None, []) == []
    text = "no bleeding, " * 2000 + "bleeding"
    spans = [(len(text) - 8, len(text))]
    assert read(text, spans)[0].polarity == STATED


@pytest.mark.parametrize("text", [
    "never had a skin infection, is it safe for me?",
    "my skin isn't infected at all, just scarred. does it hurt?",
    "not dealing with any infection at the moment, what are the risks?",
    "no bleeding now, is that ok?",
])
def test_a_symptom_denied_right_before_it_is_no_report(text):
    assert mentions_symptom(text) and not describes_symptom(text), text


@pytest.mark.parametrize("text", [
    "Never had an allergic reaction like this before",   # happening now: a report
    "is it not a normal amount of bleeding?",             # "not" too far from the symptom
    "I cannot breathe well since the session",
    # A trigger's last word begins a pseudo or unsure phrase ("is not" + "not stopping",
    # "worried i might" + "might be"): the pair is read as that phrase (core/polarity.py).
    "it is not stopping bleeding",
    "worried i might be infected",
    # A reviewer's reports against "it's not" and "I'm not" read as denials, which were tried and
    # taken out again (docs/understanding.md): each must stay a report.
    "it's not stopping bleeding",
    "its not going away, the swelling",
    "I'm not sure if it's infected",
    "i hope it's not infected",
    "its not bleeding oozing yellow stuff since my session",
    "its not minor swelling my eye is shut",
    "im not kidding bleeding everywhere",
    "im not sure swelling this bad is normal",
    "im not breathing right since the numbing cream",
    "its not swollen anywhere except under my eyes",
    "hoping its not infected",
    "do ppl get this much swelling? mine is huge",
])
def test_a_denial_word_near_a_report_does_not_clear_it(text):
    assert describes_symptom(text), text


def test_a_backward_denial_crosses_only_the_comma_right_after_the_mention():
    assert opposites("my wounds heal normally, the doctor never flagged anything") == [
        ("poor wound healing", DENIED)]
    assert readings("keloids, never")[0][1] == DENIED


@pytest.mark.parametrize("text, expected", [
    # a list denied at its end, over the list's commas
    ("keloids, open wounds, infections: none of those apply to me",
     [("keloids", DENIED, VISITOR), ("open wounds", DENIED, VISITOR),
      ("infections", DENIED, VISITOR)]),
    ("keloids infections none of the above", [("keloids", DENIED, VISITOR),
                                              ("infections", DENIED, VISITOR)]),
    ("infections? not that i know of", [("infections", DENIED, VISITOR)]),
    ("raised scars? no I never get those", [("raised scars", DENIED, VISITOR)]),
    ("infection-free and ready", [("infection", DENIED, VISITOR)]),
    ("I do not currently have any open wounds", [("open wounds", DENIED, VISITOR)]),
])
def test_more_ways_to_deny(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("got an infection in june but it's all cleared up now", [("infection", "resolved")]),
    ("a cut from shaving last week but it's fully healed now", [("cut", "resolved")]),
    # never over a comma: "..., fully healed now though" may be about something else
    ("a cut from shaving last week, the redness fully healed now though", [("cut", STATED)]),
    ("I used to get keloids as a kid", [("keloids", "resolved")]),
    # not over yet
    ("got an infection in june and it hasn't cleared up", [("infection", STATED)]),
    ("the cut is not fully healed yet", [("cut", STATED)]),
])
def test_a_condition_that_is_over(text, expected):
    assert [(m, p) for m, p, _ in readings(text)] == expected


def test_the_symptom_net_does_not_clear_what_the_visitor_says_is_over():
    # "Over" is read of conditions only: of a symptom, the reading cannot tell which thing is
    # over ("the redness went down but it's still oozing"), and a missed report is the worst
    # mistake, so a past infection still goes to care.
    assert describes_symptom("had an infected spot in march but its long gone, price?")
    assert describes_symptom("I had needling on friday and got an infection, it hasn't cleared up")
    assert describes_symptom("the infection from my session is still there")


@pytest.mark.parametrize("text, expected", [
    ("can people who heal slowly or get keloids do it?", [("keloids", ASKED, VISITOR)]),
    ("could it trigger keloids?", [("keloids", ASKED, VISITOR)]),
    ("could it leave me with raised scars?", [("raised scars", ASKED, VISITOR)]),
    ("do you check for open wounds first?", [("open wounds", ASKED, VISITOR)]),
    ("someone on reddit said it gave them keloids", [("keloids", STATED, OTHER)]),
    ("does it work on keloids? asking for a friend", [("keloids", STATED, OTHER)]),
])
def test_outcomes_checks_and_other_people(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize("text", [
    "can microneedling cause an infection?",
    "if i got an infection after, who treats it?",
    "I do not currently have any infection or broken skin",
    "infections? not that i know of",
    "someone on tiktok said her face got swollen and infected",
    "my best friend got an infection after a home roller",
    "the infection has cleared up, how soon can I book?",
    "no keloids, nothing open or infected on my face. So I'm fine to go ahead?",
])
def test_questions_denials_and_hearsay_about_infection_are_no_report(text):
    assert not describes_symptom(text)


@pytest.mark.parametrize("text", [
    "I have rosacea and the redness spreads when I drink wine, can I still do it",
    "can microneedling help with a red patch getting bigger on my cheek from rosacea",
])
def test_looser_signs_of_infection_need_a_treatment_named(text):
    assert not describes_serious_symptom(text)


@pytest.mark.parametrize("text", [
    "got it done yesterday and now im breaking out in little spots, normal??",
    "had microneedling on monday and now i have tons of pimples",
    "i broke out really bad after my session",
    "my skin purged after my last treatment, is that normal",
    "had it done 3 days ago, small bumps all over my forehead",
    "2 days post treatment and my chin is covered in little red bumps",
    "got a cold sore 2 days after my session, is that from the needling?",
    "got herpes on my lip 3 days after my microneedling session",
    # a second reviewer's: the visitor's own told after the hedge, still going, a dash
    "how do I get rid of the pimples I got after my session?",
    "what can I put on the pimples I got since my treatment?",
    "Since my session, I can't stop breaking out",
    "my face hasn't stopped breaking out since my treatment",
    "Not sure if this is related to my treatment 3 days ago - I've got small red bumps",
    "had it done a week ago and it helped my scars and now I have pimples everywhere",
    "3rd session done friday and my jawline is full of zits now",
])
def test_a_breakout_of_ones_own_after_a_treatment_is_a_report(text):
    assert describes_symptom(text)


@pytest.mark.parametrize("text", [
    "will i break out after microneedling?",
    "I'm super acne prone, will it make me break out?",
    "is it normal to break out after microneedling",
    "what if i break out after my session",
    "my friend broke out after her session, will i?",
    "do pimples after microneedling mean something is wrong",
    "how do i avoid breakouts after microneedling",
    "I never broke out after my sessions, is that normal?",
    "i didnt get any pimples after my treatment",
    "i have a few pimples, can i still get microneedling?",   # no treatment named
    "I'm prone to cold sores, what should I do before my appointment?",
    "can microneedling trigger a cold sore?",
    # a second reviewer's: a treatment to come, someone else's, good news, skin care
    "Can I get one done while I have a breakout?",
    "I have herpes, can I still do microneedling?",
    "I did my first session last week, can it help with pimples too?",
    "My skin is bumpy, should I do microneedling or a peel?",
    "how long do treatments last? I have acne breakouts",
    "I have acne and pimples, I want to do the treatment next month.",
    "I want my next session done on monday, I have a breakout, ok?",
    "a girl at work did microneedling last week and now she has a breakout, will that happen "
    "to me?",
    "I've had 3 treatments and my breakouts are much better now",
    "since my first session the little red spots on my cheeks are gone, amazing!",
    "I did my first session last week and my skin is still bumpy, when will I see results?",
])
def test_a_breakout_asked_about_denied_or_with_no_treatment_is_no_report(text):
    assert not describes_symptom(text)


@pytest.mark.parametrize("text", [
    "why do they take your blood before the session?", "do I stop my blood pressure meds first?",
    "do they put your own blood back on your face?",
    "can someone with a blood clotting disorder do it?",
])
def test_blood_as_a_word_of_tests_medicines_or_prp_is_no_report(text):
    assert not describes_symptom(text)


@pytest.mark.parametrize("text", [
    "there is blood on my pillow since the session", "am i bleeding too much?",
    "could i be having an allergic reaction?", "what if im allergic to it, my lips are swelling",
])
def test_blood_and_allergy_reports_stay_reports(text):
    assert describes_symptom(text)


# A reviewer's probe: reports with something else in them that is over, asked, hearsay or a
# denial of something else. Each must stay a report.
@pytest.mark.parametrize("text", [
    "tell me what I have to do, my lips are swelling and my throat feels tight, had hay fever "
    "as a kid",
    "my lips are swelling and I can't breathe, I had a reaction like that to penicillin years ago",
    "I'm having trouble breathing and my throat feels tight, I had asthma as a kid",
    "my face is swollen and I have a fever, I used to get cold sores as a teen",
    "there's yellow pus coming out of a few spots, the redness calmed down though",
    "my face is still oozing and crusty but the redness went away",
    "my face is still bleeding and swollen, the redness calmed down though",
    "is it normal if I'm still bleeding 2 days later?",
    "what should I do if I'm bleeding through the gauze",
    "what causes my face to swell so much 3 days after?",
    "what would cause this bleeding that won't stop after my session?",
    "it's bleeding no im not on blood thinners",
    "face still swollen and hot no I haven't put anything on it",
    "I heard bleeding is normal for a day and mine has been bleeding for 3 days",
    "I had it done at a place I found online and got an infection",
    "the pen drew blood in several spots and it hasn't stopped",
    "I'm scared because of the blood on my pillow, it keeps coming",
    "it's not that i mind the bleeding, it just won't stop",
])
def test_a_report_beside_something_over_asked_or_denied_stays_a_report(text):
    assert describes_symptom(text)


@pytest.mark.parametrize("text, mention", [
    ("I have an infection on my cheek right now, the pain is better now, can I come friday?",
     "infection"),
    ("theres an open wound on my jaw and the swelling calmed down, is that ok for friday",
     "open wound"),
    ("I have a cut on my chin that is still open, but the redness is all gone now", "cut"),
    ("I have a skin infection, had acne as a teen too, can I do it", "infection"),
])
def test_a_current_condition_beside_something_else_that_is_over_stays_stated(text, mention):
    start = text.index(mention)
    assert read(text, [(start, start + len(mention))])[0].polarity == STATED


def test_the_reviewer_s_reports_put_as_questions_stay_reports():
    # corpus/data/safety-dev/general-review.yml: reports of the visitor's own symptom made to
    # look like questions about micro-needling in general.
    reports = yaml.safe_load((ROOT / "corpus" / "data" / "safety-dev" / "general-review.yml")
                             .read_text(encoding="utf-8"))["reports"]
    assert len(reports) >= 150
    # One sentence whose only sign of a report is what the rash does: still missed.
    known = ["can micro needling cause a rash that spreads down to the chest and back overnight?"]
    assert [t for t in reports if names_a_symptom_word(t) and not describes_symptom(t)] == known


@pytest.mark.parametrize("text, report", [
    ("can it cause trouble breathing? chest tight and wheezy", True),
    ("can the pen give you a rash? my whole neck is red now", True),
    ("can it cause an infection? is that common?", False),
    ("whats the chance of bleeding after? like is the skin broken for days", False),
])
def test_a_question_about_a_cause_then_what_is_happening_is_a_report(text, report):
    assert describes_symptom(text) == report


def test_reports_never_read_as_asked_in_general():
    # The seek-care reply to a question in general is put as a condition
    # (nlu_components/reading/report_form.py): no report of the development sets, the
    # reviewers' or the corpus's first turns may get it.
    safety = ROOT / "corpus" / "data" / "safety-dev"
    reports = (yaml.safe_load((safety / "general-review.yml").read_text())["reports"]
               + yaml.safe_load((safety / "reports-review.yml").read_text())["reports"]
               + [r["text"] for r in yaml.safe_load((safety / "theta.yml").read_text())
                  ["reports"]]
               + [item.turns[0] for item in load_corpus().items
                  if item.kind != "two_questions" and COMPLICATION in item.topics[0]])
    assert len(reports) > 500
    # Two of the corpus's "complications" ask when to call the provider, telling nothing of
    # the visitor's own: the reply put as a condition is theirs (when_to_seek_care).
    asking_when = [text for text in reports if asks_when_to_seek_care(text)]
    assert len(asking_when) == 2
    assert [text for text in reports
            if asked_in_general(text) and text not in asking_when] == []


@pytest.mark.parametrize("text", [
    "can the numbing cream make you faint?",
    "does it bleed much?",
    "what happens if it gets infected?",
    "Needles make me woozy. Is there blood involved? I'm scared I'll keel over.",
    "My mom had a reaction to lidocaine at the dentist. Does that mean I might be allergic too?",
    "does the eye area bruise or swell more? asking before i book the full face package",
    "how much peeling is normal after the needling?",
    "um so how much bruising is normal after micro needling",
    # a disposition or a history, then a question: no sign of a question in general needed
    "Chronic hives, under control with tablets. Would that stop me having it?",
    "total needle phobe here, i go dizzy at blood tests. will i cope with it",
])
def test_questions_in_general_and_before_a_treatment_are_asked_in_general(text):
    assert asked_in_general(text)


@pytest.mark.parametrize("text", [
    "is it normal to bleed this much?",
    "is it infected?",
    "why is there pus coming out",
    "can it make u faint cuz i literally just did in the lobby",
    "I'm getting hives again like when I was a kid. is this from the numbing cream?",
    "there's pus and the area is hot to the touch, infection risk?",
    "how much bruising is normal after my session",
    "how much oozing is normal after microneedling cause its not stopping",
    "Am bleeding quite a bit, worried",
    "the rash from last time came back, is that normal?",
    # a word of habit tells of now as often, and a disposition with the symptom asked is no
    # disposition told before a question
    "it bleeds whenever I wash my face, is that ok?",
    "Sometimes it oozes. Should I cover it?",
    "needle phobic, feeling dizzy and sick, what do I do",
])
def test_questions_that_tell_of_something_happening_are_not(text):
    assert not asked_in_general(text)


@pytest.mark.parametrize("text, report", [
    # new marks told with a time or a treatment: reports
    ("I already did one 10 days ago and I still have dark brown patches on my cheeks", True),
    ("i ask because ive got a big purple bruise under my eye since thursdays session", True),
    ("i am do it last month in other place, now my skin have small scar where before no scar",
     True),
    ("theres also brownish patches on my cheekbones since my session", True),
    # a disposition, a history asked about for the next time, a mark that came before: none
    ("I bruise easily, will I bruise after?", False),
    ("I have dark spots from acne, can it help?", False),
    ("I got dark spots last time from a home roller, will that happen again", False),
    ("can it leave new scars?", False),
])
def test_new_marks_told_with_a_time_or_a_treatment_are_reports(text, report):
    assert describes_symptom(text) == report


def test_the_reviewer_s_reports_and_worries_about_marks():
    # corpus/data/safety-dev/marks-review.yml, a guard (the net was fitted to it): no report put
    # as a question is read as asked in general; worries about marks are no reports, and
    # reports of marks after a treatment are, but for the few listed.
    review = yaml.safe_load((ROOT / "corpus" / "data" / "safety-dev" / "marks-review.yml")
                            .read_text(encoding="utf-8"))
    assert [t for t in review["asked_reports"] if asked_in_general(t)] == []
    # "burn" names a symptom whatever the rest says
    assert [t for t in review["mark_worries"] if describes_symptom(t)] == [
        "I've got gray patches that won't go away from an old burn, can micro needling help?"]
    assert [t for t in review["mark_reports"] if not describes_symptom(t)] == [
        "the needle left a bruise under my eye and it's still purple after 5 days",
        "I've got little pitted scars now where she went over my forehead 3 times",
        "dark spots everywhere after the dermapen"]


@pytest.mark.parametrize("text, report", [
    # someone else speaking of the visitor's own face: a report
    ("my friend said my face looks swollen after my session, is that normal?", True),
    ("she said her face was swollen but mine is worse, help", True),
    # a story told of someone else, however it is told
    ("a lady on a blog said her lips vanished from the swelling lol. is that common", False),
    ("my mom said her face got swollen after hers, will mine?", False),
    ("I read about a woman who got an awful rash after needling. how likely is that?", False),
    ("heard about a guy who got infected at a spa, is that common?", False),
    # the visitor's own, after a story
    ("I read about it and now my face is swollen", True),
    ("I read that it is normal but I have a rash after my session", True),
    ("im a girl who is bleeding after needling is this normal", True),
])
def test_hearsay_and_what_others_say_of_the_visitor(text, report):
    assert describes_symptom(text) == report


@pytest.mark.parametrize("text", [
    # what a clinician said of the visitor is no hearsay (a reviewer's cases)
    "the nurse said she thinks it is infected, should i take antibiotics?",
    "the provider said he saw some pus, what do i do?",
    "my derm said she thinks the rash is an allergy, what now?",
    "i read on a blog that swelling lasts 3 days but mine is day 5 and worse",
])
def test_what_a_clinician_said_of_the_visitor_stays_a_report(text):
    assert describes_symptom(text)


@pytest.mark.parametrize("text", [
    "mine is worse than my friends, will it work for me?",
    "had my first microneedling session last week, will it fade these dark spots?",
])
def test_a_comparison_or_marks_to_treat_are_no_report(text):
    assert not describes_symptom(text)


@pytest.mark.parametrize("text", [
    "is it normal for your face to be swollen for 5 days?",
    "you said swelling is normal but it is huge, should i be worried?",
])
def test_a_duration_or_a_size_tells_of_something_happening(text):
    assert not asked_in_general(text)


def test_no_complication_report_is_a_long_question_telling_nothing():
    # nlu_components/reading/story_not_report.py takes such questions away from the report
    # reading: no held-out phrasing, no report of the corpus and none of the safety development
    # set's may be one.
    phrasings = yaml.safe_load((ROOT / "tests" / "safety_heldout.yml").read_text())["phrasings"]
    reports = [text for item in load_corpus().items for text, topics in
               zip(item.turns, item.topics) if COMPLICATION in topics]
    theta = yaml.safe_load((ROOT / "corpus" / "data" / "safety-dev" / "theta.yml")
                           .read_text(encoding="utf-8"))
    review = yaml.safe_load((ROOT / "corpus" / "data" / "safety-dev" / "reports-review.yml")
                            .read_text(encoding="utf-8"))["reports"]
    texts = phrasings + reports + [item["text"] for item in theta["reports"]] + review
    assert len(texts) >= 300
    assert [t for t in texts if long_question_telling_nothing(t)] == []


REVIEW = ROOT / "corpus" / "data" / "reading-review" / "rules-review.yml"


def test_the_reviewer_s_long_reports_stay_reports():
    # corpus/data/reading-review/rules-review.yml: reports in other words than the net's; the
    # first version of the rule took 10 of the 15 away.
    reports = yaml.safe_load(REVIEW.read_text(encoding="utf-8"))["long_question_reports"]
    assert len(reports) == 15
    assert [t for t in reports if long_question_telling_nothing(t)] == []


@pytest.mark.parametrize("text", [
    "I'm scared, maybe it will get infected?",
    "maybe it'll make my face swell up for days?",
    "do they draw blood for it? my friend's place did",
])
def test_a_worry_of_what_it_will_do_or_blood_drawn_for_it_is_no_report(text):
    assert not describes_symptom(text), text


@pytest.mark.parametrize("text", [
    "maybe its infected, it's hot and red",
    "the pen drew blood and it still won't stop",
    "my face is swollen, maybe it will go down?",
])
def test_a_report_beside_maybe_or_drawn_blood_stays_a_report(text):
    assert describes_symptom(text), text


def test_a_question_about_anyone_asks_and_the_visitor_s_own_after_it_reports():
    assert not describes_symptom("do ppl get infections from this")
    assert not describes_symptom("do people get infections from this")
    assert describes_symptom("do people get this much swelling? mine is huge")
    assert describes_symptom("do people get swollen? mine looks awful")
    assert not describes_symptom("my sister got swelling, mine is fine")



@pytest.mark.parametrize("text", [
    "nothing but pus coming out of my cheek",
    "nothing helps, it is still infected",
    "i tried everything but nothing is working and there is pus",
    # a reviewer's reports against the session's first wordings (hearsay reaching far, "a girl
    # who", "nothing is")
    "Nothing is helping swelling after my session yesterday",
    "im a girl who is bleeding after needling is this normal",
    "I am a woman who have swelling and pus after the treatment",
    "I read that bleeding stops after a day my face is bleeding on day 3 what to do",
    "I read that pus is normal sometimes my cheek has pus coming out of the holes",
    "I read about aftercare and followed it exactly my skin is peeling and bleeding",
])
def test_nothing_denies_only_what_it_names(text):
    assert describes_symptom(text)
