"""The unanswered questions as Rasa NLU training data to label (`make review-export`).

One block per group of similar questions, each wording once, under `intent: out_of_scope`,
which is how NLU read them and so valid training data as it stands: relabel a block to the
article intent it asks (the comment gives NLU's next guess), or keep it out_of_scope, then
move it into data/nlu/ and retrain. Keep tests/nlu_heldout.yml sentences out (a unit test
checks).
"""
from datetime import datetime, timezone
from typing import List, Optional

from review.grouping import QuestionGroup

CURRENT_INTENT = "out_of_scope"


def to_nlu_yaml(groups: List[QuestionGroup], now: Optional[datetime] = None) -> str:
    now = now or datetime.now(timezone.utc)
    lines = [
        'version: "3.1"',
        "",
        f"# Questions the assistant could not answer (make review-export, "
        f"{now.strftime('%Y-%m-%d %H:%M UTC')}).",
        "# Visitors' words: health information, keep this file private. Each block is one group",
        "# of similar questions. Give it the intent it asks for (an ask_* intent from",
        "# domain.yml), or keep out_of_scope if the article does not answer it; drop what should",
        "# not be learnt; then move it into data/nlu/ and run `make train`.",
        "nlu:",
    ]
    for number, group in enumerate(groups, 1):
        hint = f"; NLU's next guess: {group.next_intent}" if group.next_intent else ""
        term = f"; not in the article: {group.gap_term}" if group.gap_term else ""
        lines.append(f"# group {number}: asked {group.count} time(s){term}{hint}")
        lines.append(f"- intent: {CURRENT_INTENT}")
        lines.append("  examples: |")
        for question in group.questions:
            # A block scalar holds the list: each example is one line of plain text.
            lines.append(f"    - {' '.join(question.split())}")
    if not groups:
        lines[-1] = "nlu: []"
    return "\n".join(lines) + "\n"
