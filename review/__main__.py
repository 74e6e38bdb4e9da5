"""`make review`: writes the clinic's review report, one self-contained HTML page, from the
tracker store named by TRACKER_STORE_URL (SQLite or PostgreSQL). `--export FILE` (`make
review-export`) also writes the unanswered questions as NLU training data to label.

The page holds visitors' health questions: it is for the clinic's staff; results/ is kept out
of git. It prints counts only.
"""
import argparse
import sys
from pathlib import Path

from review.export import to_nlu_yaml
from review.feedback import answer_feedback
from review.page import render
from review.summary import summarise
from review.turns import visitor_turns
from store.callback_requests import read_requests
from store.events_table import (has_events_table, open_store, read_events,
                                tracker_store_url)

DEFAULT_OUT = "results/review.html"


def write_private(path: Path, text: str) -> None:
    """Written readable by its owner only: it holds visitors' messages."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=None, help="tracker store URL (default: "
                        "TRACKER_STORE_URL, else sqlite:///rasa.db)")
    parser.add_argument("--out", default=DEFAULT_OUT, help=f"the page (default {DEFAULT_OUT})")
    parser.add_argument("--export", default=None, metavar="FILE",
                        help="also write the unanswered questions as NLU YAML to FILE")
    args = parser.parse_args(argv)

    engine = open_store(args.url or tracker_store_url())
    events = list(read_events(engine)) if has_events_table(engine) else []
    summary = summarise(list(visitor_turns(events)), answer_feedback(events),
                        read_requests(engine))
    write_private(Path(args.out), render(summary, engine.dialect.name))
    print(f"review: {args.out}: {summary.conversations} conversation(s), {summary.messages} "
          f"message(s), {summary.unanswered_count} not answered in {len(summary.unanswered)} "
          f"group(s), {len(summary.escalated)} sent to care, {len(summary.not_helpful)} answer(s) "
          f"marked not helpful, {len(summary.callback_requests)} callback request(s).")
    if args.export:
        write_private(Path(args.export), to_nlu_yaml(summary.unanswered))
        print(f"review: {args.export}: {len(summary.unanswered)} group(s) to label.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
