"""The catalog resource agrees with the upstream tables, row by row and hash by hash.

The upstream tables (README model tables, SHA256.md) are copied verbatim into
tests/data/upstream_tables.md: the tests read nothing outside the repository."""
import json
import re
from pathlib import Path

import pytest

from app.cli import main as cli_main
from engine.catalog import ADAPTER, BASE_HF, BASE_PTH, MERGED_PTH, TOKENIZER, load_catalog, normalize_id, parse_size
from engine.errors import UserError

UPSTREAM_TABLES = Path(__file__).resolve().parent / "data" / "upstream_tables.md"


def _table(text: str, header_prefix: str) -> list[list[str]]:
    """Rows of the markdown table whose header line starts with ``header_prefix``."""
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.replace(" ", "").startswith(header_prefix.replace(" ", "")))
    rows = []
    for ln in lines[start + 2:]:
        if not ln.startswith("|"):
            break
        rows.append([c.strip() for c in ln.strip().strip("|").split("|")])
    return rows


@pytest.fixture(scope="module")
def md():
    """(README tables, SHA256.md tables): the two halves of the verbatim copy."""
    text = UPSTREAM_TABLES.read_text(encoding="utf-8")
    split = text.index("## SHA256.md")
    return text[:split], text[split:]


def _hashes(cell: str) -> list[str]:
    return re.findall(r"[0-9a-f]{64}", cell)


def test_every_model_row_matches_the_readme(md):
    models_md, _ = md
    cat = load_catalog()
    rows = [(True, r) for r in _table(models_md, "| 模型名称 | 类型 | 训练数据 | 重构模型<sup>[1]</sup>")]
    rows += [(False, r) for r in _table(models_md, "| 模型名称 | 类型 | 训练数据 | 重构模型 | 大小")]
    assert len(rows) == len(cat.models) == 15
    for recommended, (name, kind, data, base, size, links) in rows:
        name = name.replace("🆕", "").strip()
        m = cat.get(name)
        assert m.name == name
        assert m.recommended is recommended, name
        assert m.kind == {"基座模型": "base", "指令模型": "instruction"}[kind]
        assert m.training_data.endswith(re.search(r"[\d.]+[GM]", data).group(0))
        assert ("General" in m.training_data) == data.startswith("通用")
        assert size.startswith(m.lora_size), name
        assert f"huggingface.co/{m.hf_repo})" in links
        assert f"modelscope.cn/models/{m.modelscope_repo})" in links
        assert f"({m.baidu_url})" in links
        assert f"原版LLaMA-{m.size}" in base
        needs_plus = "LLaMA-Plus" in base
        assert m.requires == ([f"chinese-llama-plus-{m.size.lower()}"] if needs_plus else [])
        assert m.vocab_size == (49953 if m.family == "llama" else 49954)
        assert m.base == f"llama-{m.size.lower()}"


def test_every_published_hash_is_in_the_catalog(md):
    _, sha_md = md
    cat = load_catalog()
    for name, cell in _table(sha_md, "| LoRA Model (adapter_model.bin)"):
        assert cat.get(name).sha256["adapter_model.bin"] == cell
        (entry,) = cat.match_hash(cell)
        assert entry.kind == ADAPTER and entry.label == f"{name} adapter_model.bin"
    for family_cell, digest in _table(sha_md, "| Model Type"):
        family = family_cell.split()[0].lower()
        assert cat.tokenizers[family]["sha256"] == digest
        for m in cat.models:
            if m.family == family:
                assert m.sha256["tokenizer.model"] == digest
        assert [e.kind for e in cat.match_hash(digest)] == [TOKENIZER]
    pth_rows = _table(sha_md, "| Model | Parts |")
    assert len(pth_rows) == 7
    for size, part, digest in pth_rows:
        assert cat.base(size).consolidated_sha256[f"consolidated.{part}.pth"] == digest
        (entry,) = cat.match_hash(digest)
        assert entry.kind == BASE_PTH and entry.label == f"LLaMA-{size} consolidated.{part}.pth part {part}"
    for size, cell in _table(sha_md, "| Model | SHA256 (pytorch_model"):
        digests = _hashes(cell)
        assert list(cat.base(size).hf_sha256.values()) == digests
        n = len(digests)
        assert list(cat.base(size).hf_sha256) == [f"pytorch_model-{i:05d}-of-{n:05d}.bin" for i in range(1, n + 1)]
        assert all(cat.match_hash(d)[0].kind == BASE_HF for d in digests)
    merged = _table(sha_md, "| Model | SHA256 (PyTorch >= 1.13.0)")
    assert len(merged) == 15
    for name, cell in merged:
        digests = _hashes(cell)
        assert list(cat.get(name).merged_sha256.values()) == digests
        assert (cell == "TBA") == (not digests)
        for i, d in enumerate(digests):
            (entry,) = cat.match_hash(d)
            assert entry.kind == MERGED_PTH and entry.label == f"{name} merged consolidated.{i:02d}.pth"
    # Nothing else: every hash in the catalog is one of the reference's.
    published = set(re.findall(r"\b[0-9a-f]{64}\b", sha_md))
    assert {e.sha256 for e in cat.entries} == published


def test_base_sizes_match_the_size_table(md):
    models_md, _ = md
    rows = _table(models_md, "| 模型版本")
    cat = load_catalog()
    assert [b.size for b in cat.bases] == ["7B", "13B", "33B", "65B"]
    for i, b in enumerate(cat.bases, start=1):
        assert (b.fp16_size, b.q8_size, b.q4_size) == (rows[0][i], rows[1][i], rows[2][i])
    assert cat.base("7B").dim == 4096 and cat.base("33B").shards == 4 and cat.base("65b").norm_eps == 1e-5
    assert 12 * 2**30 < cat.base("7B").fp16_bytes < 14 * 2**30


def test_merge_chain_and_lookup():
    cat = load_catalog()
    assert cat.get("chinese-alpaca-pro-7b").merge_chain == ["chinese-llama-plus-7b", "chinese-alpaca-pro-7b"]
    assert cat.get("chinese-llama-plus-13b").merge_chain == ["chinese-llama-plus-13b"]
    assert cat.get("hfl/chinese-alpaca-plus-lora-33b").id == "chinese-alpaca-plus-33b"
    assert normalize_id("chinese_alpaca_lora_7b") == "chinese-alpaca-7b"
    assert all(set(m.requires) <= {x.id for x in cat.models} for m in cat.models)
    with pytest.raises(UserError) as err:
        cat.get("chinese-alpaca-pr-7b")
    assert "chinese-alpaca-pro-7b" in err.value.hint
    assert parse_size("790M") == 790 * 2**20 and parse_size("~60 GB") == 60 * 2**30


def test_catalog_cli_lists_models_and_json(capsys):
    assert cli_main(["catalog"]) == 0
    out = capsys.readouterr().out
    assert "chinese-alpaca-pro-7b" in out and "chinese-alpaca-7b " not in out and "LLaMA-65B" in out
    assert cli_main(["catalog", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["models"]) == 15 and len(data["bases"]) == 4
    pro = next(m for m in data["models"] if m["id"] == "chinese-alpaca-pro-13b")
    assert pro["merge_chain"] == ["chinese-llama-plus-13b", "chinese-alpaca-pro-13b"]
    assert pro["hf_repo"] == "hfl/chinese-alpaca-pro-lora-13b"
