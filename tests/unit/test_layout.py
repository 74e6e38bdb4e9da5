"""The packages' one-way arrows, read from their import statements.

Two servers, two packages: what runs inside the Rasa server (channels/, nlu_components/) and
what runs in the action server (actions/). Both import the Rasa-free core/, never each other;
core/ imports neither server nor Rasa; no server imports the test and bench helpers (harness/).
The action-reply patch refuses a Rasa version other than the one it was written for.
"""
import ast

import pytest
import rasa

from conftest import ROOT

RASA_SERVER = ("channels", "nlu_components")
ACTION_SERVER = ("actions",)
FORBIDDEN = {
    "channels": ("actions", "harness", "bench", "tests"),
    "nlu_components": ("actions", "harness", "bench", "tests"),
    # Every patch of Rasa, applied by the pipeline's first step: it patches, it serves nothing.
    "rasa_patches": ("actions", "channels", "nlu_components", "harness", "bench", "tests"),
    "actions": ("channels", "nlu_components", "rasa_patches", "harness", "bench", "tests"),
    "core": ("actions", "channels", "nlu_components", "harness", "bench", "tests",
             "rasa", "rasa_sdk", "sanic"),
    # The spaCy pipeline's build and the sentence encoder the Rasa server runs: Rasa-free.
    "nlp": ("actions", "channels", "nlu_components", "harness", "bench", "tests",
            "rasa", "rasa_sdk", "sanic"),
    # Direct database access (store/): read by the action server and the scripts, Rasa-free.
    "store": ("actions", "channels", "nlu_components", "harness", "bench", "tests",
              "rasa", "rasa_sdk", "sanic"),
    # The realistic sets and the training data built from them: read by tests and benchmarks,
    # imports neither.
    "corpus": ("actions", "channels", "nlu_components", "rasa_patches", "harness", "bench",
               "tests", "rasa", "rasa_sdk", "sanic"),
    # The tools around the product: they may start servers and read the corpus, never tests/.
    "harness": ("tests", "bench"),
    "bench": ("tests",),
    "review": ("tests", "bench", "harness"),
}


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def violations(package):
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for module in imported_modules(path):
            top = module.split(".")[0]
            if top in FORBIDDEN[package]:
                found.append(f"{path.relative_to(ROOT)} imports {module}")
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_what_its_server_may(package):
    assert (ROOT / package / "__init__.py").exists()
    assert violations(package) == []


def test_the_scan_catches_a_crossing(tmp_path, monkeypatch):
    import conftest
    fake = tmp_path / "channels"
    fake.mkdir()
    (fake / "bad.py").write_text("from actions.safety import describes_symptom\n")
    monkeypatch.setattr(conftest, "ROOT", tmp_path)
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    assert violations("channels") == ["channels/bad.py imports actions.safety"]


@pytest.mark.parametrize("patch", ["rasa_patches.action_validation:apply",
                                   "rasa_patches.session_limit:apply", "rasa_patches.erasure:apply",
                                   "rasa_patches:apply_all"])
def test_each_patch_of_rasa_refuses_another_rasa_version(monkeypatch, patch):
    import importlib
    module, function = patch.split(":")
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(RuntimeError, match="written for Rasa 3.6.x, not 3.7.0"):
        getattr(importlib.import_module(module), function)()


def test_no_root_folder_turns_a_stock_rasa_command_into_a_model_path(tmp_path, monkeypatch):
    """Rasa's CLI takes a last argument naming an existing path as the model (`rasa run` with a
    `run/` folder in the working directory becomes `rasa --model run`): the folders the project
    has or its jobs create at the root must leave `rasa run`, `rasa shell` and `rasa interactive`
    as they are."""
    import subprocess
    import sys

    from rasa.cli.utils import parse_last_positional_argument_as_model_path

    from scripts.supervise import DEFAULT_RUN_DIR

    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    made_by_jobs = {"build", "logs", "models", "results", ".rasa", ".venv",
                    DEFAULT_RUN_DIR.split("/")[0]}
    for name in {path.split("/")[0] for path in tracked} | made_by_jobs:
        (tmp_path / name).mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path)
    for command in ("run", "shell", "interactive"):
        monkeypatch.setattr(sys, "argv", ["rasa", command])
        parse_last_positional_argument_as_model_path()
        assert sys.argv == ["rasa", command]


def test_the_check_above_sees_a_run_folder(tmp_path, monkeypatch):
    import sys

    from rasa.cli.utils import parse_last_positional_argument_as_model_path

    (tmp_path / "run").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["rasa", "run"])
    parse_last_positional_argument_as_model_path()
    assert sys.argv == ["rasa", "--model", "run"]
