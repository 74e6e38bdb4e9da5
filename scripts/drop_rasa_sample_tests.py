"""Removes the sample project's test stories from the Rasa package in this virtualenv, so that plain
`rasa test` in the project root tests this project's stories and nothing else.

Rasa 3.6's `rasa test` without --stories reads every `test_*.yml` holding stories anywhere under
"." (DEFAULT_E2E_TESTS_PATH in rasa/shared/constants.py), hidden folders and symlinks included;
it has no option to leave a folder out. This project's virtualenv is `.venv` in the project root,
and the Rasa package in it ships the sample project `rasa init` copies, with the mood bot's
`tests/test_stories.yml` (found twice: through lib/ and the lib64 link), which fail against this
domain. Only `rasa init` reads that folder; a project created with it would have no tests/.

The Makefile runs this once per virtualenv (the stamp `.venv/.no-rasa-sample-tests`). It then
checks, with Rasa's own file collector, that no test stories are left in the virtualenv, and
fails naming them if a Rasa upgrade brings others. A reinstall through make (a changed
requirements file) runs it again; after reinstalling Rasa by hand, run it yourself.

    python scripts/drop_rasa_sample_tests.py [--check]   # the virtualenv of that python
"""
import shutil
import sys
from pathlib import Path
from typing import List

SAMPLE_TESTS = Path("cli", "initial_project", "tests")


def test_story_files(directory: Path) -> List[str]:
    """What `rasa test` would collect as test stories under `directory`, found as Rasa does."""
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
    from rasa.shared.data import get_data_files
    return get_data_files(str(directory), YAMLStoryReader.is_test_stories_file)


def sample_tests_dir() -> Path:
    import rasa
    return Path(rasa.__file__).parent / SAMPLE_TESTS


def main(argv: List[str]) -> int:
    check_only = "--check" in argv
    sample = sample_tests_dir()
    if not check_only and sample.is_dir():
        shutil.rmtree(sample)
        print(f"removed {sample} (rasa init's sample test stories)")
    left = test_story_files(Path(sys.prefix))
    for path in left:
        print(f"test stories in the virtualenv, which plain `rasa test` would run: {path}")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
