"""Per-conversation message rate limit: one conversation cannot take the server for itself.

A token bucket per sender id: BURST messages at once, then RATE_PER_MINUTE. A message over the
limit gets a short "please slow down" reply and is not processed (and costs about nothing),
so a client looping in one conversation cannot slow down other visitors. The table of buckets
is bounded (MAX_SENDERS, least recently seen dropped first), so many senders cannot grow it.
RATE_LIMIT_PER_MINUTE=0 turns the limit off (the growth benchmark does, to measure the
per-message cost itself).
"""
import os
import time
from collections import OrderedDict
from typing import Callable, Optional

RATE_PER_MINUTE = float(os.environ.get("RATE_LIMIT_PER_MINUTE", "30"))
BURST = float(os.environ.get("RATE_LIMIT_BURST", "8"))
MAX_SENDERS = 50_000

SLOW_DOWN_REPLY = ("You're sending messages faster than I can read them. Please wait a few "
                   "seconds and ask again; nothing you said before is lost.")


class RateLimiter:
    def __init__(self, per_minute: float = RATE_PER_MINUTE, burst: float = BURST,
                 max_senders: int = MAX_SENDERS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_second = per_minute / 60.0
        self.burst = burst
        self.max_senders = max_senders
        self.clock = clock
        self.buckets: "OrderedDict[str, tuple]" = OrderedDict()  # sender -> (tokens, time)

    @property
    def enabled(self) -> bool:
        return self.per_second > 0

    def allow(self, sender: str, now: Optional[float] = None) -> bool:
        """Takes one token from `sender`'s bucket; False when it is empty."""
        if not self.enabled:
            return True
        now = self.clock() if now is None else now
        tokens, last = self.buckets.pop(sender, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.per_second)
        allowed = tokens >= 1
        self.buckets[sender] = (tokens - 1 if allowed else tokens, now)
        while len(self.buckets) > self.max_senders:
            self.buckets.popitem(last=False)
        return allowed
