"""Print the held-out intent scores from `rasa test nlu` and fail below a macro-F1 threshold.

Usage: python tests/check_nlu_report.py results/nlu/intent_report.json --min-macro-f1 0.90
"""
import argparse
import json
import sys

SUMMARY_KEYS = {"accuracy", "macro avg", "weighted avg", "micro avg"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--min-macro-f1", type=float, required=True)
    args = parser.parse_args(argv)
    with open(args.report, encoding="utf-8") as handle:
        report = json.load(handle)

    macro_f1 = report["macro avg"]["f1-score"]
    accuracy = report.get("accuracy")
    weak = sorted(
        (scores["f1-score"], intent)
        for intent, scores in report.items()
        if intent not in SUMMARY_KEYS and scores["f1-score"] < 1.0
    )
    print(f"Held-out NLU: intent macro-F1 {macro_f1:.3f}, accuracy {accuracy:.3f} "
          f"({report['macro avg']['support']} sentences)")
    for f1, intent in weak:
        print(f"  {intent}: F1 {f1:.2f}")
    if macro_f1 < args.min_macro_f1:
        print(f"FAIL: macro-F1 {macro_f1:.3f} is below {args.min_macro_f1:.2f}")
        return 1
    print(f"OK: macro-F1 {macro_f1:.3f} >= {args.min_macro_f1:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
