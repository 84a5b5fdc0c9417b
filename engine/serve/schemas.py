"""The OpenAI wire format: request bodies (validated) and response bodies.

Unknown fields are ignored, as OpenAI clients send many (``user``, ``logit_bias``,
``presence_penalty`` ...).  ``top_k`` and ``repetition_penalty`` are accepted as
extensions (upstream's demo had them).  Omitted sampling values fall back to
upstream's llama.cpp preset (temperature 0.2, top-p 0.9, top-k 40, repeat penalty 1.1).
"""
from __future__ import annotations

from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Request(BaseModel):
    model_config = ConfigDict(extra="ignore")

    model: str = Field(min_length=1)
    max_tokens: Optional[int] = Field(default=None, ge=1)
    temperature: Optional[float] = Field(default=None, ge=0.0, le=2.0)
    top_p: Optional[float] = Field(default=None, ge=0.0, le=1.0)
    top_k: Optional[int] = Field(default=None, ge=0)
    repetition_penalty: Optional[float] = Field(default=None, ge=0.5, le=3.0)
    seed: Optional[int] = None
    n: int = 1
    stream: bool = False
    stop: Optional[Union[str, list[str]]] = None
    stream_options: Optional[dict[str, Any]] = None

    @field_validator("stop")
    @classmethod
    def _stops(cls, v):
        if isinstance(v, list) and len(v) > 4:
            raise ValueError("at most 4 stop sequences")
        return v

    def stop_list(self) -> list[str]:
        if self.stop is None:
            return []
        return [self.stop] if isinstance(self.stop, str) else [s for s in self.stop if s]

    @property
    def include_usage(self) -> bool:
        return bool((self.stream_options or {}).get("include_usage"))


class TextPart(BaseModel):
    model_config = ConfigDict(extra="ignore")
    type: str
    text: Optional[str] = None


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="ignore")

    role: Literal["system", "developer", "user", "assistant"]
    content: Optional[Union[str, list[TextPart]]] = None

    def text(self) -> str:
        if self.content is None:
            return ""
        if isinstance(self.content, str):
            return self.content
        parts = []
        for part in self.content:
            if part.type != "text" or part.text is None:
                raise ValueError(f"content part of type {part.type!r} is not supported (text only)")
            parts.append(part.text)
        return "".join(parts)


class ChatCompletionRequest(_Request):
    messages: list[ChatMessage] = Field(min_length=1)


class CompletionRequest(_Request):
    prompt: Union[str, list[str]]
    echo: bool = False

    def prompt_text(self) -> str:
        if isinstance(self.prompt, str):
            return self.prompt
        if len(self.prompt) != 1:
            raise ValueError("one prompt per request (a list of one string, or a string)")
        return self.prompt[0]


class EmbeddingRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    model: str = Field(min_length=1)
    input: Union[str, list[str], list[int], list[list[int]]]
    encoding_format: Literal["float", "base64"] = "float"
    dimensions: Optional[int] = None

    def texts(self) -> list[str]:
        if isinstance(self.input, str):
            return [self.input]
        if self.input and not all(isinstance(x, str) for x in self.input):
            raise ValueError("token arrays are not supported: send the text")
        if not self.input:
            raise ValueError("input is empty")
        return list(self.input)
