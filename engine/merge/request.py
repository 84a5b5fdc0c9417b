"""A catalog model -> what to merge: its LoRA chain (in merge order), the original LLaMA it goes
into, the output folder and format.  The one place the CLI, the Merge page and the Models page
turn a catalog id into a merge.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..errors import UserError
from ..i18n import tr

OUT_FORMATS = ("hf", "pth")


def output_name(name: str, out_format: str) -> str:
    """The merge output's folder name: the model's name, ``-pth`` for Meta's layout."""
    return name + ("-pth" if out_format == "pth" else "")


@dataclass
class MergeRequest:
    model_id: str
    chain_ids: list[str]              # LoRA catalog ids in merge order (Plus/Pro: LLaMA-Plus first)
    loras: list[Path]                 # their folders under <models>/lora/
    missing: list[str]                # chain ids whose folder holds no LoRA yet (download first)
    base_id: str                      # the original LLaMA it is merged into (llama-7b...)
    base_size: str                    # "7B"...
    base: Optional[Path]              # the registered folder of that base, if any
    out: Path                         # <models>/merged/<id>[-pth]
    out_format: str = "hf"
    notes: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.missing and self.base is not None

    def require_base(self, hint: str = "Register yours once on the Models page (or: python main.py base add DIR), "
                                       "or choose the base folder yourself.") -> Path:
        if self.base is None:
            raise UserError(tr("No original LLaMA-{base_size} is registered.", base_size=self.base_size), hint)
        return self.base

    def require_loras(self) -> list[Path]:
        if self.missing:
            raise UserError(tr("Not downloaded yet: {value}.", value=', '.join(self.missing)),
                            tr("Download them first (Models page, or: python main.py download {value}).", value=self.missing[0]))
        return self.loras


def merge_request(model_id: str, settings, *, out_format: str = "hf", catalog=None) -> MergeRequest:
    """Everything a merge of catalog model ``model_id`` needs, read from the catalog and the disk."""
    from ..catalog import load_catalog
    from ..checkpoint import is_lora_folder
    from ..layout import lora_dir, merged_dir
    from ..model_library import find_base

    if out_format not in OUT_FORMATS:
        raise UserError(tr("Unknown merge output format {out_format}.", out_format=f"{out_format!r}"), tr("Use one of: {value}.", value=', '.join(OUT_FORMATS)))
    catalog = catalog or load_catalog()
    model = catalog.get(model_id)      # an unknown id is a UserError with the closest ids
    chain = list(model.merge_chain)
    loras = [lora_dir(settings, mid) for mid in chain]
    missing = [mid for mid, folder in zip(chain, loras) if not is_lora_folder(folder)]
    record = find_base(settings, model.base)
    return MergeRequest(model.id, chain, loras, missing, model.base, model.size,
                        Path(record.path) if record is not None else None,
                        merged_dir(settings, output_name(model.id, out_format)), out_format)
