"""Checks that catch broken models and bases the catalog cannot use; verdicts only, the UI words them.

- ``perplexity_verdict``: a perplexity near the vocabulary size means the model guesses at random
  (random or mis-merged weights): "the model looks broken", with the likely causes.
- ``base_shape`` / ``base_fit``: what an original LLaMA folder is, by its shapes (LLaMA-7B/13B/33B,
  or not one of them), and so whether it counts as the base of the catalog's models.
- ``plus_step_hint``: a LoRA merge that leaves out the Chinese-LLaMA-Plus step Alpaca-Plus/Pro need.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

# A trained LLaMA-family model scores well under 100 on ordinary text; guessing uniformly among V
# tokens scores V.  At or above this, or above this fraction of the vocabulary, the model is broken.
BROKEN_PERPLEXITY = 1000.0
BROKEN_FRACTION = 0.05

# Likely causes, most likely first (the UI words each one).
CAUSE_MERGE_ORDER = "merge-order"          # Plus/Pro LoRAs merged in the wrong order
CAUSE_WRONG_BASE = "wrong-base"            # merged into another LLaMA size or a non-original base
CAUSE_MISSING_PLUS = "missing-plus"        # Alpaca-Plus/Pro merged without LLaMA-Plus first
CAUSE_RANDOM = "random-weights"            # the weights were never trained (a test or damaged model)
CAUSES = (CAUSE_MERGE_ORDER, CAUSE_WRONG_BASE, CAUSE_MISSING_PLUS, CAUSE_RANDOM)

ORIGINAL_VOCAB = 32000
PLUS_VOCAB = 49953          # Chinese-LLaMA(-Plus)
ALPACA_VOCAB = 49954        # Chinese-Alpaca(-Plus/-Pro)


@dataclass(frozen=True)
class PerplexityVerdict:
    perplexity: float
    vocab_size: int
    broken: bool
    causes: tuple[str, ...] = ()


def perplexity_verdict(perplexity: float, vocab_size: int) -> PerplexityVerdict:
    """Whether a measured perplexity says the model is broken (near random guessing)."""
    limit = min(BROKEN_PERPLEXITY, BROKEN_FRACTION * vocab_size) if vocab_size else BROKEN_PERPLEXITY
    broken = not perplexity == perplexity or perplexity >= limit       # NaN is broken too
    return PerplexityVerdict(float(perplexity), int(vocab_size), broken, CAUSES if broken else ())


# -- bases ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BaseFit:
    """What a base folder is by its shapes, and the LLaMA sizes the catalog knows."""
    hidden: int
    layers: int
    size: str                                            # "7B"... or "" when not an original size
    known: tuple[tuple[str, int, int], ...] = field(default=())   # (size, hidden, layers) of each size

    @property
    def recognised(self) -> bool:
        return bool(self.size)


def base_shape(folder: Path) -> tuple[int, int]:
    """(hidden size, layers) from config.json (HF) or params.json (Meta); (0, 0) when unreadable."""
    folder = Path(folder)
    for name, keys in (("config.json", ("hidden_size", "num_hidden_layers")), ("params.json", ("dim", "n_layers"))):
        path = folder / name
        if path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                return int(data.get(keys[0], 0) or 0), int(data.get(keys[1], 0) or 0)
            except (OSError, ValueError, TypeError):
                return 0, 0
    return 0, 0


def base_fit(hidden: int, layers: int, catalog=None) -> BaseFit:
    """Match shapes against the original LLaMA sizes (hidden size and layer count both)."""
    from .catalog import load_catalog

    catalog = catalog or load_catalog()
    known = tuple((b.size, b.dim, b.n_layers) for b in catalog.bases)
    size = next((s for s, d, n in known if d == hidden and (not layers or n == layers)), "")
    return BaseFit(hidden, layers, size, known)


# -- the LLaMA-Plus step ---------------------------------------------------------------------------

@dataclass(frozen=True)
class PlusStepHint:
    kind: str                       # "known": a catalog LoRA whose chain is incomplete; "unknown-alpaca"
    model_id: str = ""              # the catalog model the LoRA belongs to ("known")
    missing_ids: tuple[str, ...] = ()   # chain ids left out, in merge order ("known")
    chain_ids: tuple[str, ...] = ()     # the full chain ("known")


def catalog_id_of(lora_folder: Path, settings, catalog=None) -> str:
    """The catalog id whose LoRA folder this is (under <models>/lora/<id>), or ""."""
    from .catalog import load_catalog
    from .layout import lora_dir

    catalog = catalog or load_catalog()
    folder = Path(lora_folder).expanduser()
    for m in catalog.models:
        try:
            if folder.resolve() == lora_dir(settings, m.id).resolve():
                return m.id
        except OSError:
            continue
    return ""


def plus_step_hint(lora_folders: list, base_vocab: int, lora_vocabs: list, settings,
                   catalog=None) -> Optional[PlusStepHint]:
    """A hint when the LLaMA-Plus step seems left out of a merge.

    ``lora_vocabs`` are the vocabularies the LoRAs leave the model with (in merge order), ``base_vocab``
    the base's.  A catalog LoRA (Alpaca-Plus/Pro) whose merge chain has steps missing from the list gets
    a "known" hint naming the chain; an unknown LoRA with the 49954-token Alpaca vocabulary merged
    straight onto a 32000-token base gets an "unknown-alpaca" hint.
    """
    from .catalog import load_catalog

    catalog = catalog or load_catalog()
    ids = [catalog_id_of(Path(p), settings, catalog) for p in lora_folders]
    for model_id in reversed([i for i in ids if i]):
        chain = list(catalog.get(model_id).merge_chain)
        missing = [c for c in chain if c not in ids]
        if missing:
            return PlusStepHint("known", model_id, tuple(missing), tuple(chain))
    if (base_vocab == ORIGINAL_VOCAB and lora_vocabs and lora_vocabs[0] == ALPACA_VOCAB
            and not ids[0] and PLUS_VOCAB not in lora_vocabs):
        return PlusStepHint("unknown-alpaca")
    return None
