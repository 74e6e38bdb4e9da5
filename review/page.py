"""The report as one self-contained HTML page: inline CSS, charts as base64 PNGs, no scripts,
nothing fetched. Every visitor text is HTML-escaped; no sender id is ever written (turns carry
only a per-report number, and the page shows counts and message texts).

Sections are (title, HTML) pairs, one entry each in `sections()`.
"""
import html
from datetime import datetime, timezone
from typing import List, Optional, Tuple

from review import charts
from review.summary import Summary
from store.callback_requests import in_utc

MAX_WORDINGS = 5  # distinct wordings shown per unanswered group
STYLE = """
body { font-family: system-ui, sans-serif; color: #1f2933; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
td.n { text-align: right; } .notice { background: #fff4e5; border: 1px solid #e0a040;
padding: 0.6rem 1rem; } img { max-width: 100%; } .muted { color: #52606d; }
"""

Section = Tuple[str, str]


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def table(headers: List[str], rows: List[List[object]], numeric: Tuple[int, ...] = ()) -> str:
    """Cells are HTML already (escaped by the caller), except `numeric` columns."""
    head = "".join(f"<th scope=\"col\">{esc(h)}</th>" for h in headers)
    head = f"<thead><tr>{head}</tr></thead>" if headers else ""
    body = "".join(
        "<tr>" + "".join(f"<td class=\"n\">{esc(c)}</td>" if i in numeric else f"<td>{c}</td>"
                         for i, c in enumerate(row)) + "</tr>"
        for row in rows)
    return f"<table>{head}<tbody>{body}</tbody></table>"


def image(png_base64: str, alt: str) -> str:
    return f'<img src="data:image/png;base64,{png_base64}" alt="{esc(alt)}">'


def seconds_ms(value: Optional[float]) -> str:
    return "–" if value is None else f"{value * 1000:.0f} ms"


def overview(summary: Summary) -> Section:
    rows = [["Conversations", summary.conversations], ["Visitor messages", summary.messages],
            ["Not answered", summary.unanswered_count],
            ["Complications sent to care", len(summary.escalated)],
            ["Answers rated helpful", len(summary.feedback) - len(summary.not_helpful)],
            ["Answers rated not helpful", len(summary.not_helpful)],
            ["Callback requests", len(summary.callback_requests)],
            ["Reply time, median", seconds_ms(summary.latency_percentile(50))],
            ["Reply time, 95th percentile", seconds_ms(summary.latency_percentile(95))]]
    return "Overview", table([], [[esc(a), esc(b)] for a, b in rows])


def per_day(summary: Summary) -> Section:
    if not summary.per_day:
        return "Conversations and messages per day", "<p>No visitor messages stored.</p>"
    days = [day.isoformat() for day in summary.per_day]
    conversations = [c for c, _ in summary.per_day.values()]
    messages = [m for _, m in summary.per_day.values()]
    chart = image(charts.per_day_chart(days, conversations, messages),
                  "Bar chart of conversations and messages per day")
    rows = [[esc(d), c, m] for d, c, m in zip(days, conversations, messages)]
    return ("Conversations and messages per day",
            chart + table(["day (UTC)", "conversations", "messages"], rows, numeric=(1, 2)))


def per_topic(summary: Summary) -> Section:
    if not summary.per_intent:
        return "Questions per topic", "<p>No visitor messages stored.</p>"
    names = [name for name, _ in summary.per_intent]
    counts = [count for _, count in summary.per_intent]
    chart = image(charts.per_topic_chart(names, counts), "Bar chart of messages per topic")
    rows = [[esc(name), count] for name, count in summary.per_intent]
    note = ("<p class=\"muted\">The topic is the intent NLU recognised; out_of_scope and "
            "nlu_fallback are messages it could not place.</p>")
    return "Questions per topic", note + chart + table(["topic (intent)", "messages"], rows,
                                                       numeric=(1,))


def unanswered(summary: Summary) -> Section:
    title = "Questions the assistant could not answer"
    if not summary.unanswered:
        return title, "<p>None recorded.</p>"
    rows = []
    for group in summary.unanswered:
        wordings = group.questions
        shown = "<br>".join(esc(q) for q in wordings[:MAX_WORDINGS])
        if len(wordings) > MAX_WORDINGS:
            shown += f"<br><span class=\"muted\">and {len(wordings) - MAX_WORDINGS} more</span>"
        topic = f"not in the article: {esc(group.gap_term)}" if group.gap_term else ""
        rows.append([group.count, shown, topic, esc(group.next_intent or "")])
    note = ("<p class=\"muted\">Out of scope, unsure, or \"the article doesn't cover that\"; "
            "similar wordings grouped. <code>make review-export</code> writes them as training "
            "data to label.</p>")
    return title, note + table(["asked", "questions", "why", "NLU's next guess"], rows,
                               numeric=(0,))


def escalated(summary: Summary) -> Section:
    title = "Complications sent to care"
    if not summary.escalated:
        return title, "<p>None recorded.</p>"
    rows = [[esc(turn.day.isoformat()), esc(turn.text)] for turn in summary.escalated]
    note = ("<p class=\"muted\">Messages answered with the seek-care reply (contact the "
            "provider or a doctor; emergency services if severe).</p>")
    return title, note + table(["day (UTC)", "message"], rows)


def latency(summary: Summary) -> Section:
    title = "Reply time"
    if not summary.latencies:
        return title, "<p>No replies recorded.</p>"
    rows = [[esc(label), esc(seconds_ms(summary.latency_percentile(p)))]
            for label, p in (("median", 50), ("90th percentile", 90),
                             ("95th percentile", 95), ("slowest", 100))]
    chart = image(charts.latency_chart([s * 1000 for s in summary.latencies]),
                  "Histogram of reply times")
    note = ("<p class=\"muted\">From the stored time of the visitor's message to the assistant's "
            "first reply to it, on the Rasa server (network time to the visitor not included)."
            "</p>")
    return title, note + chart + table([], rows)


def not_helpful(summary: Summary) -> Section:
    title = "Answers rated not helpful"
    if not summary.not_helpful:
        return title, "<p>None recorded.</p>"
    rows = [[esc(rating.day.isoformat()), esc(rating.topic or ""), esc(rating.question or "")]
            for rating in summary.not_helpful]
    note = ("<p class=\"muted\">The visitor answered \"no\" to \"Was this helpful?\". The "
            "topic is the article answer they rated; the question is the message it answered."
            "</p>")
    return title, note + table(["day (UTC)", "topic", "question"], rows)


def callback_requests(summary: Summary) -> Section:
    title = "Callback requests"
    if not summary.callback_requests:
        return title, "<p>None recorded.</p>"
    rows = [[esc(in_utc(request["created_at"]).strftime("%Y-%m-%d %H:%M")),
             esc(request["name"]), esc(request["contact"]), esc(request["preferred_time"])]
            for request in summary.callback_requests]
    note = ("<p class=\"muted\">Visitors who agreed to be contacted. <code>make purge</code> "
            "deletes requests older than the retention period.</p>")
    return title, note + table(["requested (UTC)", "name", "phone or email", "preferred time"],
                               rows)


def sections(summary: Summary) -> List[Section]:
    return [overview(summary), per_day(summary), per_topic(summary), unanswered(summary),
            escalated(summary), not_helpful(summary), callback_requests(summary),
            latency(summary)]


def render(summary: Summary, store_kind: str, now: Optional[datetime] = None) -> str:
    now = now or datetime.now(timezone.utc)
    period = ""
    if summary.per_day:
        days = list(summary.per_day)
        period = f" Messages from {days[0].isoformat()} to {days[-1].isoformat()} (UTC)."
    body = "".join(f"<h2>{esc(title)}</h2>\n{content}\n" for title, content in sections(summary))
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Micro-needling assistant: review</title>
<style>{STYLE}</style>
</head>
<body>
<h1>Micro-needling assistant: review of conversations</h1>
<p class="notice"><strong>Confidential: visitors' health questions.</strong> For the clinic's
staff only; do not forward or publish it, and delete it when you are done. It names no visitor,
but message texts can identify someone.</p>
<p class="muted">Generated {esc(now.strftime("%Y-%m-%d %H:%M UTC"))} from the {esc(store_kind)}
tracker store.{esc(period)}</p>
{body}</body>
</html>
"""
