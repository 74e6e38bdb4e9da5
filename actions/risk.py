"""Is it risky? Tailored to darker skin and to the article's contraindications."""
from typing import Any, Dict, List, Text

from actions.context import VisitorContext
from actions.notes import personal_notes, skin_type_note
from actions.topic_action import TopicAction
from core.knowledge import citation, fact


def answer(knowledge: Dict[Text, Any], context: VisitorContext) -> Text:
    sentences = [f"According to the article, {fact(knowledge, 'risk.summary')}."]
    # "my skin is olive, is there more risk for me?": all the article says of skin types
    notes = personal_notes(knowledge, context) + skin_type_note(knowledge, context)
    caution = fact(knowledge, "risk.darker_skin_caution")
    if context.asks_pigmentation and not any(caution in note for note in notes):
        # "can it cause hyperpigmentation?": the article's one word on darkening.
        notes.append(f"On darkening: {caution}.")
    sentences += notes
    sentences.append(citation(knowledge))
    return " ".join(sentences)


class ActionAnswerRisk(TopicAction):
    topic = "risk"
    action_name = "action_answer_risk"
    answer = staticmethod(answer)

    def extra_responses(self, context: VisitorContext) -> List[Text]:
        # The article's answer to "is it risky?" is the advice on choosing a provider.
        return ["utter_provider_referral"]
