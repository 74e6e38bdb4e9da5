"""Model selection without the held-out set: k-fold cross-validation on the TRAINING data.

Each fold trains a config's NLU on the other folds (split per intent, fixed seed) and parses
its own fold. The FallbackClassifier is then re-applied to the stored intent rankings, so one
training per fold scores every candidate threshold and ambiguity threshold (components after
the FallbackClassifier, such as the symptom guard, ran at the config's own threshold). Choices
of classifier and thresholds are made here; tests/nlu_heldout.yml is only for the final report.

Usage: python -m bench.research.dev_split [--folds 5] CONFIG [CONFIG ...]
Writes bench/results/dev-split.md.
"""
import argparse
import asyncio
import logging
import os
import random
import statistics
import subprocess
import time
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

from bench.nlu_benchmark import FALLBACK, RASA, RESULTS, ROOT, read_examples, score

WORK = ROOT / "bench" / "models" / "dev-split"
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
AMBIGUITY_THRESHOLDS = (0.0, 0.05, 0.1)
SEED = 0


def by_intent(pairs: List[Tuple[str, str]]) -> Dict[str, List[str]]:
    grouped: Dict[str, List[str]] = {}
    for text, intent in pairs:
        grouped.setdefault(intent, []).append(text)
    return grouped


def folds_of(pairs: List[Tuple[str, str]], k: int) -> List[List[Tuple[str, str]]]:
    """Deal each intent's examples round-robin over k folds, after a seeded shuffle."""
    rng = random.Random(SEED)
    folds: List[List[Tuple[str, str]]] = [[] for _ in range(k)]
    for intent, texts in sorted(by_intent(pairs).items()):
        texts = sorted(texts)
        rng.shuffle(texts)
        for index, text in enumerate(texts):
            folds[index % k].append((text, intent))
    return folds


def write_training_data(pairs: List[Tuple[str, str]], folder: Path) -> None:
    """The fold's intent examples plus every non-intent block (synonyms, regexes) unchanged."""
    folder.mkdir(parents=True, exist_ok=True)
    blocks = [{"intent": intent, "examples": "".join(f"- {t}\n" for t in texts)}
              for intent, texts in sorted(by_intent(pairs).items())]
    for file in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        blocks += [b for b in yaml.safe_load(file.read_text()).get("nlu", []) if "intent" not in b]
    (folder / "nlu.yml").write_text(yaml.safe_dump({"version": "3.1", "nlu": blocks},
                                                   sort_keys=False, allow_unicode=True))


def rankings(model: Path, texts: List[str]) -> Tuple[List[List[dict]], List[float]]:
    """Each text's intent ranking without nlu_fallback, and the parse time of each."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))

    async def parse_all():
        ranked, seconds = [], []
        for text in texts:
            start = time.perf_counter()
            result = await agent.parse_message(text)
            seconds.append(time.perf_counter() - start)
            ranked.append([r for r in result.get("intent_ranking", []) if r["name"] != FALLBACK])
        return ranked, seconds

    return asyncio.run(parse_all())


def apply_fallback(ranked: List[dict], threshold: float, ambiguity: float) -> str:
    """What Rasa's FallbackClassifier would predict at this threshold."""
    if not ranked or ranked[0]["confidence"] < threshold:
        return FALLBACK
    if len(ranked) > 1 and ranked[0]["confidence"] - ranked[1]["confidence"] < ambiguity:
        return FALLBACK
    return ranked[0]["name"]


def cross_validate(config: Path, k: int) -> Dict:
    pairs = read_examples(ROOT / "data" / "nlu")
    folds = folds_of(pairs, k)
    gold, ranked, seconds, train_seconds = [], [], [], []
    for index, held in enumerate(folds):
        folder = WORK / config.stem / f"fold{index}"
        write_training_data([p for j, f in enumerate(folds) if j != index for p in f],
                            folder / "data")
        start = time.monotonic()
        with (folder / "train.log").open("w") as log:
            subprocess.run([str(RASA), "train", "nlu", "--config", str(config),
                            "--nlu", str(folder / "data"), "--out", str(folder),
                            "--fixed-model-name", "model"],
                           check=True, stdout=log, stderr=subprocess.STDOUT)
        train_seconds.append(time.monotonic() - start)
        fold_ranked, fold_seconds = rankings(folder / "model.tar.gz", [t for t, _ in held])
        gold += [intent for _, intent in held]
        ranked += fold_ranked
        seconds += fold_seconds
        print(f"{config.name}: fold {index + 1}/{k} done", flush=True)
    by_threshold = {(t, a): score(gold, [apply_fallback(r, t, a) for r in ranked])
                    for t in THRESHOLDS for a in AMBIGUITY_THRESHOLDS}
    return {"examples": len(gold), "by_threshold": by_threshold,
            "parse_ms": 1000 * statistics.median(seconds),
            "train_s": statistics.median(train_seconds)}


def main() -> None:
    os.chdir(ROOT)  # SpacyNLP resolves its model path from the working directory
    parser = argparse.ArgumentParser()
    parser.add_argument("configs", nargs="+", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    RESULTS.mkdir(parents=True, exist_ok=True)
    lines = [f"# Cross-validation on the training data ({args.folds} folds, seed {SEED})", "",
             "Balanced = mean of in-scope accuracy and out-of-scope recall (the two targets).",
             ""]
    for config in args.configs:
        result = cross_validate(config.resolve(), args.folds)
        lines += [f"## {config}", "",
                  f"{result['examples']} examples; parse median {result['parse_ms']:.1f} ms; "
                  f"training median {result['train_s']:.0f} s per fold", "",
                  "| threshold | ambiguity | accuracy | in-scope acc. | OOS recall "
                  "| in-scope to OOS | macro-F1 | balanced |", "|---|---|---|---|---|---|---|---|"]
        for (threshold, ambiguity), s in result["by_threshold"].items():
            balanced = (s["in_scope_accuracy"] + s["oos_recall"]) / 2
            lines.append(f"| {threshold} | {ambiguity} | {s['accuracy']:.3f} | "
                         f"{s['in_scope_accuracy']:.3f} | "
                         f"{s['oos_recall']:.3f} | {s['in_scope_sent_to_oos']:.3f} | "
                         f"{s['macro_f1']:.3f} | {balanced:.3f} |")
        best = max(result["by_threshold"].values(),
                   key=lambda s: s["in_scope_accuracy"] + s["oos_recall"])
        lines += ["", "Most frequent confusions at the best balanced threshold:", ""]
        lines += [f"- {gold} -> {predicted}: {count}"
                  for (gold, predicted), count in best["confusions"]]
        lines.append("")
    report = "\n".join(lines)
    (RESULTS / "dev-split.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
