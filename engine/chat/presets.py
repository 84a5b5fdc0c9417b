"""Generation settings and the upstream presets (BEHAVIOR.md §4 and §8)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace

from ..errors import UserError


@dataclass(frozen=True)
class GenerationSettings:
    temperature: float = 0.2
    top_p: float = 0.9
    top_k: int = 40
    repetition_penalty: float = 1.1
    max_new_tokens: int = 512
    seed: int = -1                  # -1: random each reply
    stop: tuple[str, ...] = field(default_factory=tuple)

    def validate(self) -> "GenerationSettings":
        checks = [
            (0.0 <= self.temperature <= 5.0, "temperature must be between 0 and 5", "Use e.g. 0.2; 0 means greedy."),
            (0.0 < self.top_p <= 1.0, "top-p must be above 0 and at most 1", "Use e.g. 0.9."),
            (self.top_k >= 0, "top-k must be 0 (off) or more", "Use e.g. 40."),
            (0.5 <= self.repetition_penalty <= 3.0, "repetition penalty must be between 0.5 and 3",
             "Use 1.0 for none, 1.1 upstream."),
            (self.max_new_tokens >= 1, "max new tokens must be at least 1", "Use e.g. 512."),
        ]
        for ok, message, hint in checks:
            if not ok:
                raise UserError(f"Bad generation setting: {message}.", hint)
        return self

    def to_dict(self) -> dict:
        d = asdict(self)
        d["stop"] = list(self.stop)
        return d

    @classmethod
    def from_dict(cls, data: dict) -> "GenerationSettings":
        known = {f.name for f in fields(cls)}
        clean = {k: v for k, v in (data or {}).items() if k in known}
        if "stop" in clean:
            clean["stop"] = tuple(clean["stop"] or ())
        return cls(**clean)

    def with_(self, **changes) -> "GenerationSettings":
        return replace(self, **changes)


@dataclass(frozen=True)
class Preset:
    label: str
    settings: GenerationSettings
    source: str                    # where the values come from


PRESETS: dict[str, Preset] = {
    "llama.cpp": Preset(
        "llama.cpp (upstream)",
        GenerationSettings(temperature=0.2, top_k=40, top_p=0.9, repetition_penalty=1.1, max_new_tokens=512),
        "upstream examples/: -c 2048 -n 512 --temp 0.2 --top_k 40 --top_p 0.9 --repeat_penalty 1.1"),
    "inference_hf": Preset(
        "inference_hf (upstream)",
        GenerationSettings(temperature=0.2, top_k=40, top_p=0.9, repetition_penalty=1.1, max_new_tokens=400),
        "scripts/inference/inference_hf.py generation defaults"),
    "gradio": Preset(
        "gradio demo (upstream)",
        GenerationSettings(temperature=0.5, top_k=40, top_p=0.9, repetition_penalty=1.1, max_new_tokens=512),
        "scripts/inference/gradio_demo.py slider defaults"),
    "precise": Preset(
        "Precise (greedy)",
        GenerationSettings(temperature=0.0, top_k=1, top_p=1.0, repetition_penalty=1.1, max_new_tokens=512),
        "deterministic: always the most likely token"),
    "creative": Preset(
        "Creative",
        GenerationSettings(temperature=0.8, top_k=60, top_p=0.95, repetition_penalty=1.1, max_new_tokens=1024),
        "more varied answers"),
}
DEFAULT_PRESET = "llama.cpp"


def preset(name: str) -> GenerationSettings:
    try:
        return PRESETS[name].settings
    except KeyError:
        raise UserError(f"Unknown preset {name!r}.", f"Use one of: {', '.join(PRESETS)}.") from None
