"""Where the thresholds of the answer rules come from: the fold models' intent rankings on the
realistic corpus's single questions (after `make bench-real`, which trains them).

For each question, in process, the fold model that never saw its site parses it; then, for
candidate thresholds, counts what a rule would do:
- the nearest topic after "not in the article" (actions/safety.py RELATED_MIN_CONFIDENCE): of the
  in-scope questions NLU put out of scope, how many get the right topic offered, how many a wrong;
- close calls (config.yml close_call top_below / second_ratio): how many wrong answers the
  second answer rescues, and how many right ones get a needless second answer.
The ranking is read before the close-call guard (its relabelling would hide the readings).

Usage: python -m bench.research.real_rankings [--tag ours] [--folds 5]
"""
import argparse
import asyncio
from pathlib import Path

from corpus.sets import TOPIC_INTENTS, fold_of_sites, load_corpus

ROOT = Path(__file__).resolve().parents[2]

UNSURE = {"out_of_scope", "nlu_fallback"}


def is_article(intent: str) -> bool:
    return intent.startswith("ask_") and intent not in ("ask_candidate", "ask_source")


def rankings(tag: str, folds: int):
    from rasa.core.agent import Agent

    corpus = load_corpus()
    fold_of = fold_of_sites(corpus.sites, folds)
    rows = []
    for fold in range(folds):
        agent = Agent.load(str(ROOT / "build" / "real" / tag / f"fold{fold}.tar.gz"))
        items = [i for i in corpus.of_kind("question") if fold_of[i.site] == fold]

        async def parse_all():
            return [await agent.parse_message(i.turns[0]) for i in items]

        for item, parsed in zip(items, asyncio.run(parse_all())):
            # Drop the rule-made first entries to see the classifier's own ranking.
            ranking = [(e["name"], e["confidence"]) for e in parsed["intent_ranking"]
                       if e["name"] != "nlu_fallback"]
            rows.append((item.topics[0], ranking))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tag", default="ours")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    rows = rankings(args.tag, args.folds)

    def right(intent, topics):
        return intent in {TOPIC_INTENTS[t] for t in topics}

    print("nearest topic after 'not in the article': threshold, right topic, wrong topic")
    for threshold in (0.05, 0.1, 0.15, 0.2, 0.3):
        good = bad = 0
        for topics, ranking in rows:
            if not ranking or ranking[0][0] not in UNSURE or set(topics) & {
                    "out_of_scope", "complication"}:
                continue
            first = next(((n, c) for n, c in ranking if is_article(n)), None)
            if first and first[1] >= threshold:
                good, bad = (good + 1, bad) if right(first[0], topics) else (good, bad + 1)
        print(f"  {threshold:.2f}: {good} right, {bad} wrong")

    print("close calls: top_below, second_ratio, rescued, needless second answers")
    for top_below in (0.5, 0.6, 0.7):
        for ratio in (0.3, 0.5, 0.7):
            rescued = needless = 0
            for topics, ranking in rows:
                if len(ranking) < 2 or not (is_article(ranking[0][0]) and
                                            is_article(ranking[1][0])):
                    continue
                (first, p1), (second, p2) = ranking[0], ranking[1]
                if p1 < top_below and p2 >= ratio * p1:
                    if right(first, topics):
                        needless += 1
                    elif right(second, topics):
                        rescued += 1
            print(f"  {top_below:.1f}, {ratio:.1f}: {rescued} rescued, {needless} needless")


if __name__ == "__main__":
    main()
