"""What plain `rasa test` collects as test stories from the project root, and the Makefile step
(scripts/drop_rasa_sample_tests.py) that keeps the virtualenv's sample stories out of it.

tests/e2e/test_stock_cli.py runs plain `rasa test` itself.
"""
import shutil
from pathlib import Path

from conftest import ROOT
from scripts import drop_rasa_sample_tests as drop

SAMPLE_STORIES = """version: "3.1"
stories:
- story: happy path 1
  steps:
  - user: |
      hello there!
    intent: greet
  - action: utter_greet
"""


def fake_venv(tmp_path):
    """A virtualenv's layout: the sample tests in the Rasa package, lib64 linking to lib."""
    sample = tmp_path / "venv" / "lib" / "python3.10" / "site-packages" / "rasa" / drop.SAMPLE_TESTS
    sample.mkdir(parents=True)
    (sample / "test_stories.yml").write_text(SAMPLE_STORIES, encoding="utf-8")
    (tmp_path / "venv" / "lib64").symlink_to("lib")
    return tmp_path / "venv", sample


def test_rasa_collects_test_stories_anywhere_under_the_root_hidden_or_linked(tmp_path):
    venv, _ = fake_venv(tmp_path)
    project = tmp_path / "project"
    (project / "tests").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "test_stories.yml", project / "tests")
    (project / ".venv").symlink_to(venv)
    found = {str(Path(p).relative_to(project)) for p in drop.test_story_files(project)}
    assert found == {"tests/test_stories.yml",
                     ".venv/lib/python3.10/site-packages/rasa/cli/initial_project/tests/"
                     "test_stories.yml",
                     ".venv/lib64/python3.10/site-packages/rasa/cli/initial_project/tests/"
                     "test_stories.yml"}


def test_the_script_drops_the_sample_tests_and_finds_none_left(tmp_path, monkeypatch):
    venv, sample = fake_venv(tmp_path)
    monkeypatch.setattr(drop, "sample_tests_dir", lambda: sample)
    monkeypatch.setattr(drop.sys, "prefix", str(venv))
    assert drop.main(["--check"]) == 1 and sample.is_dir()
    assert drop.main([]) == 0
    assert not sample.exists() and sample.parent.is_dir()  # the rest of the sample kept


def test_the_sample_tests_dir_is_where_rasa_keeps_its_sample_project():
    # rasa init copies rasa/cli/initial_project: the folder named must be its tests/.
    assert (drop.sample_tests_dir().parent / "domain.yml").is_file()


def test_the_project_test_stories_are_the_ones_under_tests():
    found = drop.test_story_files(ROOT / "tests")
    assert sorted(p.rsplit("/", 1)[1] for p in found) == [
        "test_stories.yml", "test_stories_form_inputs.yml", "test_stories_screening.yml"]
