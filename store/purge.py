"""`make purge`: deletes the conversations nobody has written to for RETENTION_DAYS days, and the
callback requests made before then.

A conversation (every event stored under one sender id) goes, whole, once its last activity
(its newest event) is older than the retention period; a conversation still in use is kept
entire, however old its first message. Works on the tracker store named by TRACKER_STORE_URL
(SQLite or PostgreSQL). Prints counts only, never a message or a sender id. Run it daily from
cron (docs/operations.md, "Privacy controls").
"""
import argparse
import sys
import time
from datetime import datetime, timezone

from core.retention import parse_retention_days, retention_days
from store import callback_requests
from store.events_table import (count_conversations, count_rows, has_events_table,
                                inactive_since, open_store, purge_inactive,
                                tracker_store_url)

DAY_SECONDS = 24 * 3600


def days_argument(value: str) -> int:
    try:
        return parse_retention_days(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=days_argument, default=None,
                        help="retention period in days (default: RETENTION_DAYS, else 30)")
    parser.add_argument("--url", default=None, help="tracker store URL (default: "
                        "TRACKER_STORE_URL, else sqlite:///rasa.db)")
    parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    parser.add_argument("--now", type=float, default=None, help=argparse.SUPPRESS)  # tests
    args = parser.parse_args(argv)
    try:
        days = args.days or retention_days()
    except ValueError as error:
        parser.error(str(error))

    url = args.url or tracker_store_url()
    cutoff = (args.now or time.time()) - days * DAY_SECONDS
    cutoff_time = datetime.fromtimestamp(cutoff, timezone.utc)
    cutoff_text = cutoff_time.strftime("%Y-%m-%d %H:%M UTC")
    if args.dry_run:
        old_requests = sum(1 for request in callback_requests.list_requests(url)
                           if callback_requests.in_utc(request["created_at"]) < cutoff_time)
    else:
        old_requests = callback_requests.delete_older_than(cutoff_time, url)
    print(f"purge: {'would delete' if args.dry_run else 'deleted'} {old_requests} callback "
          f"request(s) made before {cutoff_text}.")
    engine = open_store(url)
    if not has_events_table(engine):
        print("purge: no conversations stored yet; nothing to delete.")
        return 0
    with engine.begin() as connection:
        before = count_conversations(connection), count_rows(connection)
        if args.dry_run:
            conversations, events = inactive_since(connection, cutoff)
        else:
            conversations, events = purge_inactive(connection, cutoff)
        after = count_conversations(connection), count_rows(connection)
    verb = "would delete" if args.dry_run else "deleted"
    print(f"purge: {verb} {conversations} conversation(s), {events} event(s), with no activity "
          f"since {cutoff_text} ({days} days); stored before: {before[0]} conversation(s), "
          f"{before[1]} event(s); after: {after[0]} conversation(s), {after[1]} event(s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
