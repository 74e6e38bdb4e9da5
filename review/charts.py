"""The report's charts: matplotlib PNGs, base64-encoded for <img src="data:..."> so the page
is one self-contained file (no files beside it, nothing fetched when opened)."""
import base64
import io
from typing import List, Sequence

import matplotlib

matplotlib.use("Agg")  # no display on a server
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

COLOUR = "#2f4858"
SECOND_COLOUR = "#86bbd8"


def _png(figure) -> str:
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def per_day_chart(days: Sequence[str], conversations: Sequence[int],
                  messages: Sequence[int]) -> str:
    figure, axes = plt.subplots(figsize=(8, 3))
    positions = range(len(days))
    axes.bar([p - 0.2 for p in positions], conversations, width=0.4, color=COLOUR,
             label="conversations")
    axes.bar([p + 0.2 for p in positions], messages, width=0.4, color=SECOND_COLOUR,
             label="messages")
    axes.set_xticks(list(positions))
    axes.set_xticklabels(days, rotation=45, ha="right", fontsize=8)
    axes.set_ylabel("per day (UTC)")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts
    axes.legend()
    return _png(figure)


def per_topic_chart(topics: Sequence[str], counts: Sequence[int]) -> str:
    figure, axes = plt.subplots(figsize=(8, max(2.0, 0.3 * len(topics) + 0.8)))
    axes.barh(list(reversed(topics)), list(reversed(counts)), color=COLOUR)
    axes.set_xlabel("messages")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    return _png(figure)


def latency_chart(latencies_ms: List[float]) -> str:
    figure, axes = plt.subplots(figsize=(8, 3))
    axes.hist(latencies_ms, bins=min(30, max(5, len(latencies_ms) // 3)), color=COLOUR)
    axes.set_xlabel("first reply after the visitor's message (ms)")
    axes.set_ylabel("messages")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    return _png(figure)
