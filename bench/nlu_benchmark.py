"""NLU quality benchmark: our config vs Rasa's default config vs a TF-IDF nearest example.

All three learn from data/nlu/ and are scored, in one run, on tests/nlu_heldout.yml.
A prediction of `nlu_fallback` counts as `out_of_scope`: both give the visitor the same
"the article doesn't cover that" answer. Writes bench/results/nlu.md and a confusion-matrix
plot, and the trained models to bench/models/ (reused by the load benchmark).

Usage: python -m bench.nlu_benchmark [--retrain]
"""
import argparse
import asyncio
import logging
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

ROOT = Path(__file__).resolve().parents[1]
# The rasa command of the virtualenv running this script.
RASA = Path(sys.executable).parent / "rasa"
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

MODELS = ROOT / "bench" / "models"
RESULTS = ROOT / "bench" / "results"
HELDOUT = ROOT / "tests" / "nlu_heldout.yml"
OUT_OF_SCOPE = "out_of_scope"
FALLBACK = "nlu_fallback"
# Rasa configurations trained in this run: name -> config file.
RASA_CONFIGS = {
    "ours": ROOT / "config.yml",
    "rasa-default": ROOT / "bench" / "configs" / "rasa-default.yml",
    "floor": ROOT / "bench" / "configs" / "floor.yml",
}
# The TF-IDF baseline falls back below this cosine similarity (fixed in advance, not tuned).
TFIDF_MIN_SIMILARITY = 0.3


def read_examples(path: Path) -> List[Tuple[str, str]]:
    pairs = []
    files = sorted(path.glob("*.yml")) if path.is_dir() else [path]
    for file in files:
        for block in (yaml.safe_load(file.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" not in block:
                continue
            for line in block["examples"].splitlines():
                if line.strip().startswith("- "):
                    pairs.append((line.strip()[2:], block["intent"]))
    return pairs


def train(name: str, config: Path, retrain: bool) -> Dict[str, float]:
    model = MODELS / f"{name}.tar.gz"
    stats_file = MODELS / f"{name}.train-seconds"
    if retrain or not model.exists():
        MODELS.mkdir(parents=True, exist_ok=True)
        data = ROOT / "data"
        start = time.monotonic()
        log = (MODELS / f"{name}.train.log").open("w")
        subprocess.run([str(RASA), "train", "--config", str(config),
                        "--data", str(data), "--out", str(MODELS), "--fixed-model-name", name,
                        "--force"], check=True, stdout=log, stderr=subprocess.STDOUT)
        stats_file.write_text(f"{time.monotonic() - start:.1f}")
    return {"train_seconds": float(stats_file.read_text()),
            "model_mb": model.stat().st_size / 1e6}


def rasa_predictions(name: str, texts: List[str]) -> List[str]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(MODELS / f"{name}.tar.gz"))

    async def parse_all():
        return [(await agent.parse_message(text))["intent"]["name"] for text in texts]

    return asyncio.run(parse_all())


def tfidf_predictions(train_pairs, texts: List[str]) -> List[str]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
    train_matrix = vectorizer.fit_transform([text for text, _ in train_pairs])
    similarities = cosine_similarity(vectorizer.transform(texts), train_matrix)
    predictions = []
    for row in similarities:
        best = row.argmax()
        predictions.append(train_pairs[best][1] if row[best] >= TFIDF_MIN_SIMILARITY
                           else FALLBACK)
    return predictions


def score(gold: List[str], predicted: List[str]) -> Dict:
    from sklearn.metrics import f1_score

    predicted = [OUT_OF_SCOPE if p == FALLBACK else p for p in predicted]
    pairs = list(zip(gold, predicted))
    in_scope = [(g, p) for g, p in pairs if g != OUT_OF_SCOPE]
    out_scope = [(g, p) for g, p in pairs if g == OUT_OF_SCOPE]
    labels = sorted(set(gold))
    return {
        "accuracy": sum(g == p for g, p in pairs) / len(pairs),
        "in_scope_accuracy": sum(g == p for g, p in in_scope) / len(in_scope),
        "oos_recall": sum(p == OUT_OF_SCOPE for _, p in out_scope) / len(out_scope),
        # How often an answerable question got "the article doesn't cover that".
        "in_scope_sent_to_oos": sum(p == OUT_OF_SCOPE for _, p in in_scope) / len(in_scope),
        "macro_f1": f1_score(gold, predicted, labels=labels, average="macro", zero_division=0),
        "confusions": Counter((g, p) for g, p in pairs if g != p).most_common(8),
        "predicted": predicted,
    }


def plot_confusion(gold, predicted, path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import ConfusionMatrixDisplay

    labels = sorted(set(gold) | set(predicted))
    figure, axis = plt.subplots(figsize=(12, 11))
    ConfusionMatrixDisplay.from_predictions(gold, predicted, labels=labels, ax=axis,
                                            xticks_rotation="vertical", colorbar=False)
    axis.set_title(title)
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    plt.close(figure)


def main() -> None:
    os.chdir(ROOT)  # SpacyNLP resolves its model path from the working directory
    parser = argparse.ArgumentParser()
    parser.add_argument("--retrain", action="store_true", help="train even if models exist")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    RESULTS.mkdir(parents=True, exist_ok=True)

    heldout = read_examples(HELDOUT)
    texts, gold = [t for t, _ in heldout], [i for _, i in heldout]
    train_pairs = read_examples(ROOT / "data" / "nlu")

    training = {name: train(name, config, args.retrain) for name, config in RASA_CONFIGS.items()}
    systems = {
        "ours (config.yml)": rasa_predictions("ours", texts),
        "Rasa default config": rasa_predictions("rasa-default", texts),
        "TF-IDF nearest example": tfidf_predictions(train_pairs, texts),
    }
    scores = {name: score(gold, predicted) for name, predicted in systems.items()}
    plot_confusion(gold, scores["ours (config.yml)"]["predicted"],
                   RESULTS / "nlu-confusion-ours.png", "Our config: held-out intents")

    n_oos = gold.count(OUT_OF_SCOPE)
    lines = [
        "# NLU benchmark",
        "",
        f"Held-out set: {len(gold)} sentences ({len(gold) - n_oos} answerable, {n_oos} "
        f"questions the article does not answer); training data: {len(train_pairs)} examples.",
        "`nlu_fallback` counts as out-of-scope (same answer to the visitor).",
        "",
        "| system | accuracy | in-scope accuracy | out-of-scope recall | in-scope sent to OOS "
        "| macro-F1 |",
        "|---|---|---|---|---|---|",
    ]
    for name, s in scores.items():
        lines.append(f"| {name} | {s['accuracy']:.3f} | {s['in_scope_accuracy']:.3f} | "
                     f"{s['oos_recall']:.3f} | {s['in_scope_sent_to_oos']:.3f} | "
                     f"{s['macro_f1']:.3f} |")
    lines += ["", "Training (this run): " + ", ".join(
        f"{name} {t['train_seconds']:.0f} s, model {t['model_mb']:.1f} MB"
        for name, t in training.items()), ""]
    for name, s in scores.items():
        lines.append(f"## Most frequent confusions: {name}")
        lines.append("")
        lines += [f"- {gold_intent} -> {predicted_intent}: {count}"
                  for (gold_intent, predicted_intent), count in s["confusions"]] or ["- none"]
        lines.append("")
    lines.append("![confusion matrix of our config](nlu-confusion-ours.png)")
    report = "\n".join(lines) + "\n"
    (RESULTS / "nlu.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
