"""The architecture rule: engine/ and training/ never import Qt (checked on the source, statically)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "PySide2")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _offenders(*folders: str) -> list[str]:
    bad = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            hits = _imports(path) & set(QT_MODULES)
            if hits:
                bad.append(f"{path.relative_to(ROOT)} imports {sorted(hits)}")
    return bad


def test_engine_and_training_never_import_qt():
    files = list((ROOT / "engine").rglob("*.py")) + list((ROOT / "training").rglob("*.py"))
    assert len(files) >= 5, "the scan must actually see the engine sources"
    assert _offenders("engine", "training") == []


def test_cli_never_imports_qt():
    # The CLI must start fast and run on machines without a display.
    assert _offenders("app/cli") == []


def test_scanner_detects_qt_imports(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport os\n")
    assert _imports(sample) & set(QT_MODULES) == {"PySide6"}
