"""The README and docs/ point only at files that exist, and the README stays a front door."""
import re

import pytest

from conftest import ROOT

PAGES = [ROOT / "README.md", ROOT / "corpus" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def local_links(page):
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if not re.match(r"[a-z]+:", target):
            yield target


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_every_local_link_names_a_file_that_exists(page):
    missing = [target for target in local_links(page) if not (page.parent / target).exists()]
    assert missing == []


def test_the_check_sees_a_broken_link(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("see [this](nowhere.md) and [that](https://example.org/x)\n")
    assert list(local_links(page)) == ["nowhere.md"]


def test_the_readme_stays_a_front_door():
    # A front door, not a manual: the rest lives in docs/.
    assert len((ROOT / "README.md").read_bytes()) <= 12 * 1024
