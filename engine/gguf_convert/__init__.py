"""LLaMA folder (Hugging Face, or Meta's consolidated.NN.pth) -> GGUF file that llama.cpp loads.

Written with the ``gguf`` package's writer: tensor headers are read first (shapes
only), the GGUF header and tensor table are written, then each tensor is read from
disk, renamed, permuted (q/k for llama.cpp's RoPE layout), converted and written.
Memory stays bounded by a few tensors, whatever the model size.

Meta folders (``consolidated.NN.pth`` + ``params.json``, upstream's default
merge output) are read with the merge engine's ``MetaCheckpoint`` (shards
joined, mmap, weights_only). Their q/k rows are already in Meta's rotary
layout, which is llama.cpp's, so they are read unpermuted and written as is.

The package, by concern: ``readers`` (tensor references, config, model description),
``vocabulary`` (the GGUF tokenizer tables), ``writer`` (plan, header, tensor stream).
"""
from ..checkpoint import KNOWN_VOCABS, is_meta_folder, tokenizer_dir
from .readers import (SUPPORTED_ARCHITECTURES, ModelInfo, Source, TensorRef, inspect_model, open_source,
                      read_config, tensor_refs, weight_files)
from .vocabulary import bpe_pre_tokenizer
from .writer import OUTTYPES, ConvertResult, convert, default_output_name, iter_gguf_tensor_types

__all__ = [
    "KNOWN_VOCABS", "OUTTYPES", "SUPPORTED_ARCHITECTURES", "ConvertResult", "ModelInfo", "Source", "TensorRef",
    "bpe_pre_tokenizer", "convert", "default_output_name", "inspect_model", "is_meta_folder", "iter_gguf_tensor_types",
    "open_source", "read_config", "tensor_refs", "tokenizer_dir", "weight_files",
]
