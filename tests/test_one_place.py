"""One place for each fact (issue 9): folder names inside the models folder are joined only in
engine/layout.py, quantization type names are spelled only in engine/quantize.py (the Quantize
view's per-type descriptions excepted), hub host names only in engine/download/sources.py.
Read from the source with ``ast``: a new hand-built ``root / "merged"`` fails here."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYOUT_NAMES = {"merged", "gguf", "adapters", "lora", "base", "base.json", "tokenizers", "datasets", "evals"}
QTYPE = re.compile(r"^(Q[2-8]_(K(_[SML])?|[01])|IQ\d\w*)$")
HOSTS = ("huggingface.co", "hf-mirror.com", "modelscope.cn")
QTYPE_OK = {"engine/quantize.py", "app/gui/quantize/view.py"}      # the view: one description per type
HOSTS_OK = {"engine/download/sources.py"}


def sources():
    for folder in ("app", "engine"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def test_models_folder_paths_are_built_in_layout_only():
    found = []
    for rel, tree in sources():
        if rel == "engine/layout.py":
            continue
        for node in ast.walk(tree):
            parts = []
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
                parts = [node.right]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "joinpath":
                parts = node.args
            for part in parts:
                if isinstance(part, ast.Constant) and part.value in LAYOUT_NAMES:
                    found.append(f"{rel}:{node.lineno}: / {part.value!r}")
    assert not found, "build these through engine/layout.py:\n" + "\n".join(found)


def test_quant_type_names_and_hub_hosts_have_one_place():
    found = []
    for rel, tree in sources():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            if rel not in QTYPE_OK and QTYPE.match(node.value):
                found.append(f"{rel}:{node.lineno}: quant type {node.value!r} (engine/quantize.py)")
            if rel not in HOSTS_OK and any(h in node.value for h in HOSTS):
                found.append(f"{rel}:{node.lineno}: hub host in {node.value!r} (engine/download/sources.py)")
    assert not found, "\n".join(found)
