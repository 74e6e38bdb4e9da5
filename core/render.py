"""Writes the fixed replies of core/knowledge.yml into domain.yml and web/index.html (`make
facts`), so that Rasa serves them as ordinary responses and the page states the same source.

Generated at build time rather than served by a custom action: the responses stay plain domain
responses, so the rules, stories, `rasa data validate` and the seek-care reply keep working when
the action server is down, and answering costs nothing extra. Only the `text:` of each named
response and the page's marked note are rewritten; everything else in both files is left as it
is. tests/unit/test_knowledge.py fails when either file differs from what this writes.

Usage: python -m core.render [--check]
"""
import argparse
import html
import re
import sys
import textwrap
from pathlib import Path
from typing import Dict, List

from core.knowledge import DOMAIN_REPLIES, KNOWLEDGE, render_reply

ROOT = Path(__file__).resolve().parents[1]
DOMAIN_FILE = ROOT / "domain.yml"
PAGE_FILE = ROOT / "web" / "index.html"
WIDTH = 100
TEXT_INDENT = " " * 8  # a folded text under "    - text: >-"
PAGE_NOTE = re.compile(r'(<p class="note">)(.*?)(</p>)', re.DOTALL)
PAGE_INDENT = " " * 6  # continuation lines of the note, as the page is laid out
PAGE_WIDTH = 95


class RenderError(ValueError):
    """A file lacks the place a reply goes."""


def folded_text(text: str) -> List[str]:
    """The lines of `- text: >-` holding `text`: YAML folds them back into one line."""
    lines = textwrap.wrap(text, width=WIDTH, initial_indent=TEXT_INDENT,
                          subsequent_indent=TEXT_INDENT, break_long_words=False,
                          break_on_hyphens=False)
    return ["    - text: >-"] + lines


def render_domain(domain_text: str, replies: Dict[str, str]) -> str:
    """`domain_text` with the first text variant of each named response replaced."""
    lines = domain_text.split("\n")
    for name, text in replies.items():
        try:
            start = lines.index(f"  {name}:") + 1
        except ValueError:
            raise RenderError(f"domain.yml has no response '{name}'") from None
        if not lines[start].startswith("    - text:"):
            raise RenderError(f"domain.yml: response '{name}' does not open with '- text:'")
        end = start + 1
        while end < len(lines) and lines[end].startswith(TEXT_INDENT):
            end += 1  # the rest of a folded or multi-line text
        lines[start:end] = folded_text(text)
    return "\n".join(lines)


def render_page(page_text: str, note: str) -> str:
    """`page_text` with the source note's paragraph filled with `note`."""
    if len(PAGE_NOTE.findall(page_text)) != 1:
        raise RenderError('web/index.html needs exactly one <p class="note">')
    opening = PAGE_NOTE.search(page_text)
    column = opening.start() - page_text.rfind("\n", 0, opening.start()) - 1 + len(opening[1])
    body = textwrap.fill(html.escape(note, quote=False), width=PAGE_WIDTH,
                         initial_indent=" " * column, subsequent_indent=PAGE_INDENT,
                         break_long_words=False, break_on_hyphens=False).lstrip()
    return PAGE_NOTE.sub(lambda match: f"{match[1]}{body}{match[3]}", page_text)


def rendered_files(knowledge=KNOWLEDGE) -> Dict[Path, str]:
    """What domain.yml and web/index.html should hold."""
    replies = {name: render_reply(name, knowledge) for name in DOMAIN_REPLIES}
    return {
        DOMAIN_FILE: render_domain(DOMAIN_FILE.read_text(encoding="utf-8"), replies),
        PAGE_FILE: render_page(PAGE_FILE.read_text(encoding="utf-8"),
                               render_reply("page_note", knowledge)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether a file is stale")
    args = parser.parse_args()
    stale = []
    for path, text in rendered_files().items():
        if path.read_text(encoding="utf-8") != text:
            stale.append(path.relative_to(ROOT))
            if not args.check:  # written only when changed: make retrains on a newer domain
                path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{path}: {'stale, run `make facts`' if args.check else 'updated'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
