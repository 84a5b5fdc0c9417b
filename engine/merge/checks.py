"""The upstream failure modes, caught before any heavy work, with messages that say the fix."""
from __future__ import annotations

from pathlib import Path

from ..diskspace import require_space
from ..errors import UserError
from . import meta
from .inputs import Architecture, BaseCheckpoint
from .lora import LoraAdapter
from ..i18n import tr

KNOWN_VOCABS = {32000: "original LLaMA", 49953: "Chinese-LLaMA", 49954: "Chinese-Alpaca"}


def vocab_label(n: int) -> str:
    name = KNOWN_VOCABS.get(n)
    return f"{n} ({name})" if name else str(n)


def lora_vocab(lora: LoraAdapter) -> int | None:
    """The vocabulary a LoRA leaves the model with: its tokenizer, else its embedding rows."""
    return lora.tokenizer_size or lora.embed_rows or lora.head_rows


def check_order(loras: list[LoraAdapter], fix: bool) -> tuple[list[LoraAdapter], list[str]]:
    """Plus/Pro: LLaMA-Plus (49953) must come before Alpaca-Plus/Pro (49954)."""
    sizes = [lora_vocab(x) or 0 for x in loras]
    if sizes == sorted(sizes):
        return loras, []
    right = sorted(loras, key=lambda x: lora_vocab(x) or 0)
    order = " → ".join(x.name for x in right)
    listing = ", ".join(f"{x.name} ({vocab_label(lora_vocab(x) or 0)} tokens)" for x in loras)
    if not fix:
        raise UserError(tr("The LoRAs are in the wrong order: {listing}. A LoRA with a larger vocabulary (Alpaca-Plus/Pro) must come after the one it extends (LLaMA-Plus).", listing=listing),
                        tr("Merge them in this order: {order}.", order=order))
    return right, [f"LoRA order corrected to {order} (the vocabulary only grows: LLaMA-Plus first, then Alpaca)."]


def check_tokenizer_matches_lora(lora: LoraAdapter) -> None:
    for what, rows in (("embedding", lora.embed_rows), ("output layer (lm_head)", lora.head_rows)):
        if rows is None or lora.tokenizer_size is None or rows == lora.tokenizer_size:
            continue
        guess = ""
        if {rows, lora.tokenizer_size} == {49953, 49954}:
            guess = (" This is the LLaMA tokenizer with an Alpaca LoRA." if rows == 49954 else
                     " This is the Alpaca tokenizer with a LLaMA LoRA.")
        raise UserError(tr("{name}: its {what} has {rows} rows but its tokenizer has {tokenizer_size} tokens.{guess}", name=lora.name, what=what, rows=rows, tokenizer_size=lora.tokenizer_size, guess=guess),
                        tr("Use each LoRA with the tokenizer it was published with (LLaMA tokenizer with "
                        "LLaMA LoRAs, Alpaca tokenizer with Alpaca LoRAs); download the LoRA again if "
                        "its files were mixed."))


def check_vocab_step(lora: LoraAdapter, current: int) -> int:
    new = lora_vocab(lora) or current
    if new < current:
        raise UserError(tr("{name}: its tokenizer has {new} tokens, fewer than the {current} the model already has.", name=lora.name, new=vocab_label(new), current=vocab_label(current)),
                        tr("This LoRA does not belong on top of this model: check the base model and the "
                        "LoRA order (LLaMA-Plus before Alpaca-Plus/Pro)."))
    return new


def _size_words(hidden: int | None) -> str:
    if hidden is None:
        return "an unknown size"
    name = meta.size_name(hidden)
    return f"a {name} model (hidden size {hidden})" if name else f"a model with hidden size {hidden}"


def check_fits(lora: LoraAdapter, base: BaseCheckpoint, arch: Architecture) -> None:
    """A LoRA trained for another model size (7B LoRA on a 13B base) is refused by name."""
    lora_hidden = lora.hidden_size()
    wrong_size = UserError(tr("{name} was trained for {lora_hidden}, but the base is {hidden}.", name=lora.name, lora_hidden=_size_words(lora_hidden), hidden=_size_words(arch.hidden)),
                           tr("Pick the original LLaMA of the same size as the LoRA (7B LoRA → LLaMA-7B)."))
    if lora_hidden is not None and lora_hidden != arch.hidden:
        raise wrong_size
    for key in lora.low_rank:
        if key not in base.specs:
            if key.startswith("model.layers."):
                raise UserError(tr("{name} has weights for {key}, which the base (with {layers} layers) does not have.", name=lora.name, key=key, layers=arch.layers),
                                tr("The LoRA belongs to a bigger model: pick the matching original LLaMA size."))
            raise UserError(tr("{name} targets {key}, which is not in the base model.", name=lora.name, key=key),
                            tr("This LoRA was not made for a LLaMA base."))
        want = base.specs[key][0]
        got = lora.delta_shape(key)
        if key in ("model.embed_tokens.weight", "lm_head.weight"):
            want, got = want[1:], got[1:]
        if tuple(got) != tuple(want):
            raise _wrong_shape(lora, key, got, want, lora_hidden, arch, wrong_size)
    for key, name in lora.full.items():
        if key not in base.specs:
            raise UserError(tr("{name} replaces {key}, which is not in the base model.", name=lora.name, key=key),
                            tr("This LoRA was not made for this base."))
        want, got = base.specs[key][0], lora.specs[name]
        if key in ("model.embed_tokens.weight", "lm_head.weight"):
            want, got = want[1:], got[1:]
        if tuple(got) != tuple(want):
            raise _wrong_shape(lora, key, got, want, lora_hidden, arch, wrong_size)


def _wrong_shape(lora: LoraAdapter, key: str, got, want, lora_hidden, arch: Architecture,
                 wrong_size: UserError) -> UserError:
    """Another model size when the widths differ; else name the tensor (same width, other shapes)."""
    if lora_hidden is not None and lora_hidden == arch.hidden:
        return UserError(tr("{name}: its {key} has shape {got}, but the base's is {want}.", name=lora.name, key=key, got=tuple(got), want=tuple(want)),
                         tr("This LoRA was trained for another model; pick the base it was made for."))
    return wrong_size


def check_disk(out_dir: Path, need: int) -> int:
    """Free bytes where the output goes; raises if the output will not fit."""
    return require_space(out_dir, need, tr("the merged model"),
                         hint=tr("Free some space or choose an output folder on another disk."))


def check_output_location(out_dir: Path, inputs: list[Path], overwrite: bool) -> None:
    out = Path(out_dir).expanduser().absolute()
    for folder in inputs:
        folder = Path(folder).expanduser().absolute()
        if out == folder or folder in out.parents or out in folder.parents:
            raise UserError(tr("The output folder {out} overlaps the input {folder}.", out=out, folder=folder),
                            tr("Choose an output folder outside the base model and LoRA folders; inputs are never modified."))
    if out.exists() and not out.is_dir():
        raise UserError(tr("{out} is a file.", out=out), tr("Choose a folder for the merged model."))
    if out.exists() and any(out.iterdir()) and not overwrite:
        raise UserError(tr("The output folder {out} already exists and is not empty.", out=out),
                        tr("Choose another folder, or delete this one (the command line can replace it with --overwrite)."))
