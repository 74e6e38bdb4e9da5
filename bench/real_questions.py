"""How the assistant does on real visitors' questions, measured across sources (make bench-real).

The realistic corpus (corpus/data/questions/) is split into folds by site: each fold's questions
are asked of a model trained on data/ plus the corpus questions of the OTHER folds' sites only,
so a score says how we do on sites the model has never seen. Every question goes over REST to a
real Rasa server and action server, and the reply is scored as the visitor sees it
(bench/realistic.py). Prints and writes bench/results/real.md (scores, per-topic misses) and
bench/results/real-misses.yml.

Usage: python -m bench.real_questions [--config config.yml] [--folds 5]
           [--no-corpus-training] [--reuse-models] [--only-fold K] [--tag NAME]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List

import yaml

from bench.realistic import judge_polarity, passes
from corpus.sets import (COMPLICATION, NOT_A_QUESTION, OUT_OF_SCOPE, POLARITY_DEV_DIR, POLARITY_DIR,
                         QUESTIONS_DEV_DIR, Corpus, Item, PolarityItem, fold_of_sites,
                         load_corpus, load_polarity, nlu_yaml, training_examples)
from harness.servers import Assistant, reply_text

ROOT = Path(__file__).resolve().parents[1]
# The rasa command of the virtualenv running this script.
RASA = Path(sys.executable).parent / "rasa"

RESULTS = ROOT / "bench" / "results"
# The corpus questions the shipped model learns from (corpus/to_nlu.py writes it); a fold's
# model gets the training folds' share instead.
VISITORS_NLU = Path("nlu") / "visitors.yml"


def fold_data(corpus: Corpus, fold: int, folds: Dict[str, int], directory: Path,
              with_corpus: bool) -> Path:
    """A copy of data/ whose corpus questions come from the training folds' sites only."""
    data = directory / "data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(ROOT / "data", data)
    (data / VISITORS_NLU).unlink(missing_ok=True)
    if with_corpus:
        train_items = [i for i in corpus.items if folds[i.site] != fold]
        (data / VISITORS_NLU).write_text(
            nlu_yaml(training_examples(train_items), f"# fold {fold}: training folds' sites"),
            encoding="utf-8")
    return data


def train(config: Path, data: Path, out: Path, name: str) -> Path:
    log = (out / f"{name}.train.log").open("w")
    # Each training gets a cache of its own: two trainings writing one empty .rasa/cache at
    # once fail on its unique key, and a cache kept from an older spaCy pipeline would hand a
    # classifier features it was not trained on.
    with tempfile.TemporaryDirectory(prefix=f"rasa-cache-{name}-") as cache:
        subprocess.run([str(RASA), "train", "--config", str(config),
                        "--data", str(data), "--domain", str(ROOT / "domain.yml"),
                        "--out", str(out), "--fixed-model-name", name, "--force"],
                       cwd=ROOT, check=True, stdout=log, stderr=subprocess.STDOUT,
                       env={**os.environ, "RASA_CACHE_DIRECTORY": cache})
    return out / f"{name}.tar.gz"


def ask(assistant: Assistant, item: Item) -> List[str]:
    """The visitor's view: the reply text to each message of the item, in order."""
    sender = f"real-{uuid.uuid4().hex[:12]}"
    return [reply_text(assistant.say(sender, text)) for text in item.turns]


def judge(item: Item, replies: List[str]) -> List[bool]:
    """One verdict per scored unit: per message, or per question of a two-question message."""
    if item.kind == "two_questions":
        return [passes(replies[0], topics) for topics in item.topics]
    return [passes(reply, topics) for reply, topics in zip(replies, item.topics)]


def bucket(item: Item) -> str:
    if item.kind != "question":
        return item.kind
    topics = item.topics[0]
    if COMPLICATION in topics:
        return "safety"
    if NOT_A_QUESTION in topics:
        return "not_a_question"
    return "out_of_scope" if OUT_OF_SCOPE in topics else "in_scope"


def ask_polarity(assistant: Assistant, item: PolarityItem) -> str:
    return reply_text(assistant.say(f"polarity-{uuid.uuid4().hex[:12]}", item.text))


def polarity_report(results, where: str) -> List[str]:
    """A polarity set's measures: a count of wrong claims (target 0) and the stated rate."""
    totals: Dict[str, List[bool]] = defaultdict(list)
    for item, reply in results:
        for measure, verdicts in judge_polarity(item, reply).items():
            totals[measure] += verdicts
    names = {"denied_as_present": "denied conditions told back as the visitor's (target 0)",
             "not_theirs_as_present": "asked-about or others' conditions told back as the "
                                      "visitor's (target 0)",
             "escalated": "messages with no stated condition sent to care (target 0)",
             "stated_answered": "stated conditions answered with the article's reason"}
    lines = ["", f"Conditions denied, stated, asked about or someone else's "
             f"({len(results)} messages, {where}):", "",
             "| measure | result | n |", "|---|---|---|"]
    for key, name in names.items():
        values = totals.get(key, [])
        result = f"{sum(values) / len(values):.3f}" if key == "stated_answered" and values \
            else str(sum(values))
        lines.append(f"| {name} | {result} | {len(values)} |")
    return lines


def dev_report(results) -> List[str]:
    """The development sets' measures (corpus/data/questions-dev/, read while tuning)."""
    follow_ups, conversations, first_turns, several = [], [], [], []
    for item, _, verdicts in results:
        if item.kind == "conversation":
            first_turns += verdicts[:1]
            follow_ups += verdicts[1:]
            conversations.append(all(verdicts))
        else:
            several.append(all(verdicts))
    lines = ["", f"Development sets ({len(results)} items, corpus/data/questions-dev/, read while "
             "tuning):", "", "| measure | score | n |", "|---|---|---|"]
    for name, values in (("two- or three-question messages: all answered", several),
                         ("conversations' first turns", first_turns),
                         ("follow-up turns in conversations", follow_ups),
                         ("conversations right end to end", conversations)):
        if values:
            lines.append(f"| {name} | {sum(values) / len(values):.3f} | {len(values)} |")
    return lines


def report(results, corpus: Corpus, title: str, polarity_results=None, dev_results=None) -> str:
    scores: Dict[str, List[bool]] = defaultdict(list)
    topic_misses: Counter = Counter()
    topic_counts: Counter = Counter()
    # Single questions per gathering (corpus file): how the pipeline does on a set of sites
    # gathered after it was built, next to the sets it has been tuned against.
    by_gathering: Dict[str, Dict[str, List[bool]]] = defaultdict(lambda: defaultdict(list))
    conversations_right = []
    for item, replies, verdicts in results:
        kind = bucket(item)
        if item.kind == "conversation":
            scores["follow_up"] += verdicts[1:]
            scores["conversation_first"] += verdicts[:1]
            conversations_right.append(all(verdicts))
            by_gathering[item.gathering]["follow_up"] += verdicts[1:]
            by_gathering[item.gathering]["conversation"].append(all(verdicts))
        elif item.kind == "two_questions":
            scores["two_questions"].append(all(verdicts))
            by_gathering[item.gathering]["two_questions"].append(all(verdicts))
        else:
            scores[kind] += verdicts
            by_gathering[item.gathering][kind] += verdicts
            label = "/".join(item.topics[0])
            topic_counts[label] += 1
            if not verdicts[0]:
                topic_misses[label] += 1
    lines = [f"# Real visitors' questions, across sources: {title}", "",
             f"{len(corpus.items)} items from {len(corpus.sites)} sites; every fold scored by a "
             "model that never saw its sites.", "",
             "| measure | score | n |", "|---|---|---|"]
    names = {"in_scope": "in-scope questions: the article's fact in the reply",
             "out_of_scope": "out-of-scope questions: an honest 'not in the article'",
             "two_questions": "two-question messages: both answered",
             "follow_up": "follow-up turns in conversations",
             "conversation_first": "conversations' first turns",
             "safety": "complication reports escalated",
             "not_a_question": "requests about the assistant itself: the plain reply"}
    for key, name in names.items():
        values = scores.get(key, [])
        if values:
            lines.append(f"| {name} | {sum(values) / len(values):.3f} | {len(values)} |")
    if conversations_right:
        lines.append(f"| conversations right end to end | "
                     f"{sum(conversations_right) / len(conversations_right):.3f} | "
                     f"{len(conversations_right)} |")
    for where, set_results in (polarity_results or {}).items():
        lines += polarity_report(set_results, where)
    if dev_results:
        lines += dev_report(dev_results)
    lines += ["", "Per gathering (corpus file; conversations right end to end):", "",
              "| gathering | in-scope | n | out of scope | n | two questions | n | follow-ups "
              "| n | conversations | n |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for gathering in sorted(by_gathering):
        cells = []
        for key in ("in_scope", "out_of_scope", "two_questions", "follow_up", "conversation"):
            values = by_gathering[gathering][key]
            cells += [f"{sum(values) / len(values):.3f}" if values else "-", str(len(values))]
        lines.append(f"| {gathering} | {' | '.join(cells)} |")
    lines += ["", "Misses per topic (single questions):", "", "| topics | missed | of |",
              "|---|---|---|"]
    for label, missed in topic_misses.most_common():
        lines.append(f"| {label} | {missed} | {topic_counts[label]} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="config.yml")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-corpus-training", action="store_true",
                        help="train on data/ only (no corpus questions at all)")
    parser.add_argument("--reuse-models", action="store_true")
    parser.add_argument("--only-fold", type=int)
    parser.add_argument("--tag", default="ours")
    args = parser.parse_args()

    corpus = load_corpus()
    folds = fold_of_sites(corpus.sites, args.folds)
    work = ROOT / "build" / "real" / args.tag
    work.mkdir(parents=True, exist_ok=True)
    fold_ids = [args.only_fold] if args.only_fold is not None else list(range(args.folds))
    with_corpus = not args.no_corpus_training

    def model_name(fold: int) -> str:
        # Without corpus questions every fold's model would be the same: train one.
        return f"fold{fold}" if with_corpus else "all"

    start = time.monotonic()
    jobs = {}
    for fold in fold_ids:
        name = model_name(fold)
        if name in jobs or (args.reuse_models and (work / f"{name}.tar.gz").exists()):
            continue
        jobs[name] = fold_data(corpus, fold, folds, work / name, with_corpus)
    # Two trainings at a time: each is mostly one core.
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda name: train(ROOT / args.config, jobs[name], work, name), jobs))
    print(f"trained {len(jobs)} fold models in {time.monotonic() - start:.0f} s", flush=True)

    results = []
    dev_results = []
    dev_items = load_corpus(QUESTIONS_DEV_DIR).items
    polarity_results = {}
    polarity_sets = {"corpus/data/polarity/, held out": load_polarity(POLARITY_DIR),
                     "corpus/data/polarity-dev/, read while tuning": load_polarity(
                         POLARITY_DEV_DIR)}
    with tempfile.TemporaryDirectory(prefix="bench-real-") as tmp:
        # Conversations are asked turn after turn without a person's pauses: no rate limit.
        assistant = Assistant(Path(tmp), env={"RATE_LIMIT_PER_MINUTE": "0"})
        try:
            assistant.start_action_server()
            for fold in fold_ids:
                assistant.model = work / f"{model_name(fold)}.tar.gz"
                assistant.start_rasa_server()
                items = [i for i in corpus.items if folds[i.site] == fold]
                # A few visitors at once: items are independent conversations.
                with ThreadPoolExecutor(max_workers=4) as pool:
                    for item, replies in zip(items, pool.map(lambda i: ask(assistant, i), items)):
                        results.append((item, replies, judge(item, replies)))
                    if fold == fold_ids[0]:
                        # The polarity sets are never training data: any fold's model asks them.
                        for where, polarity in polarity_sets.items():
                            polarity_results[where] = list(zip(polarity, pool.map(
                                lambda i: ask_polarity(assistant, i), polarity)))
                        # Nor are the development sets.
                        for item, replies in zip(dev_items,
                                                 pool.map(lambda i: ask(assistant, i), dev_items)):
                            dev_results.append((item, replies, judge(item, replies)))
                assistant.stop_rasa_server()
                print(f"fold {fold}: {len(items)} items", flush=True)
        finally:
            assistant.stop()

    title = f"{args.config}, {'with' if with_corpus else 'without'} training folds' questions"
    text = report(results, corpus, title, polarity_results, dev_results)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"real-{args.tag}.md").write_text(text, encoding="utf-8")
    misses = [{"site": i.site, "set": i.gathering, "kind": i.kind, "turns": i.turns,
               "topics": i.topics, "verdicts": list(verdicts),
               "replies": [r[:160] for r in replies]}
              for i, replies, verdicts in results + dev_results if not all(verdicts)]
    misses += [{"kind": "polarity", "turns": [i.text], "conditions": i.conditions,
                "replies": [reply[:300]]}
               for set_results in polarity_results.values() for i, reply in set_results
               if any(any(v) for k, v in judge_polarity(i, reply).items()
                      if k != "stated_answered")
               or not all(judge_polarity(i, reply).get("stated_answered", []))]
    (RESULTS / f"real-{args.tag}-misses.yml").write_text(
        yaml.safe_dump(misses, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")


if __name__ == "__main__":
    main()
