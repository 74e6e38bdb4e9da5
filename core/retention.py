"""How long a conversation is kept after its last message: RETENTION_DAYS (default 30).

Read by `make purge` (store/purge.py), which deletes older conversations, and by the action
server (actions/privacy.py), which tells visitors the figure; web/serve.py, which needs no
project module, checks it the same way for the clinic page.
"""
import os
from typing import Optional

DEFAULT_RETENTION_DAYS = 30


def parse_retention_days(value: object) -> int:
    """A whole number of days, at least 1 (0 would delete conversations in progress)."""
    try:
        days = int(str(value).strip())
    except ValueError:
        raise ValueError(f"RETENTION_DAYS must be a whole number of days, not {value!r}")
    if days < 1:
        raise ValueError(f"RETENTION_DAYS must be at least 1, not {days}")
    return days


def retention_days(value: Optional[str] = None) -> int:
    """`value`, else RETENTION_DAYS from the environment, else the default."""
    if value is None:
        value = os.environ.get("RETENTION_DAYS") or DEFAULT_RETENTION_DAYS
    return parse_retention_days(value)
