"""One reader for model checkpoints, used by merge, convert, chat, verification and the library.

- ``folder``: what a path holds (HF folder, Meta ``consolidated.NN.pth`` folder, GGUF file,
  LoRA adapter), an HF folder's weight files (index-aware), where the tokenizer lives;
- ``safetensors``: the safetensors header (tensor names, dtypes, shapes, offsets), with a
  damaged or cut-short file named;
- ``torchfile``: pickle checkpoints opened with ``weights_only`` and ``mmap`` (no code runs);
- ``tokenizer``: the tokenizer's kind and size, its pieces, added tokens, and the check that
  it fits the model's embedding.
"""
from .folder import (GGUF, HF, LORA, META, folder_kind, has_tokenizer, hf_weight_files, is_gguf_file,
                     is_hf_model, is_lora_folder, is_meta_folder, meta_parts, path_kind, read_json, single_gguf,
                     tokenizer_dir)
from .safetensors import SafetensorsHeader, damaged, read_header
from .tokenizer import KNOWN_VOCABS, tokenizer_info, vocab_mismatch
from .torchfile import release_pages, torch_load

__all__ = [
    "GGUF", "HF", "KNOWN_VOCABS", "LORA", "META", "SafetensorsHeader", "damaged", "folder_kind", "has_tokenizer",
    "hf_weight_files", "is_gguf_file", "is_lora_folder", "is_meta_folder", "meta_parts", "path_kind", "read_header",
    "read_json", "release_pages", "single_gguf", "tokenizer_dir", "tokenizer_info", "torch_load", "vocab_mismatch",
]
