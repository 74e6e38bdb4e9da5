"""Re-takes docs/screenshots/review-report.png: the review report of the seeded test store
(harness/seeded_store.py, fictional conversations) plus two fictional callback requests, in
Debian's chromium. Run after changing the page: `.venv/bin/python -m scripts.review_screenshot`.
"""
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import review.__main__ as review
from harness.servers import CHROMIUM, CHROMIUM_ARGS
from store import callback_requests
from harness.seeded_store import seed

OUT = Path("docs/screenshots/review-report.png")


def main() -> int:
    with tempfile.TemporaryDirectory() as workdir:
        url = f"sqlite:///{Path(workdir) / 'tracker.db'}"
        seed(url)
        callback_requests.add_request("Ada Example", "ada@example.com", "weekday mornings",
                                      url=url)
        page_file = Path(workdir) / "review.html"
        review.main(["--url", url, "--out", str(page_file)])
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1000, "height": 800})
            page.goto(page_file.as_uri())
            page.screenshot(path=str(OUT), full_page=True)
            browser.close()
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
