"""Is it risky? Tailored to darker skin and to the article's contraindications."""
from typing import Any, Dict, List, Text

from actions.context import VisitorContext
from actions.topic_action import TopicAction
from core.knowledge import citation, fact
from core.screening import join_words


def contraindications_mentioned(knowledge: Dict[Text, Any], context: VisitorContext) -> List[Text]:
    """The article's descriptions of the contraindications the visitor has mentioned."""
    listed = fact(knowledge, "contraindications")
    return [listed[name] for name in context.conditions if name in listed]


def personal_notes(knowledge: Dict[Text, Any], context: VisitorContext) -> List[Text]:
    """What the article says about the visitor's own circumstances, as far as we know them:
    only what they stated, never what they denied or only asked about."""
    notes = []
    mentioned = contraindications_mentioned(knowledge, context)
    if mentioned:
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
    return notes


def answer(knowledge: Dict[Text, Any], context: VisitorContext) -> Text:
    sentences = [f"According to the article, {fact(knowledge, 'risk.summary')}."]
    sentences += personal_notes(knowledge, context)
    sentences.append(citation(knowledge))
    return " ".join(sentences)


class ActionAnswerRisk(TopicAction):
    topic = "risk"
    action_name = "action_answer_risk"
    answer = staticmethod(answer)

    def extra_responses(self, context: VisitorContext) -> List[Text]:
        # The article's answer to "is it risky?" is the advice on choosing a provider.
        return ["utter_provider_referral"]
