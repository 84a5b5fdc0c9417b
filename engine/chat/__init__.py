"""Chat engine: backends (llama.cpp, transformers), prompt templates, token-based
context fitting, generation presets and a session that ties them to the history.

Nothing here imports torch, transformers or llama_cpp at module level: the
window must open without them; they load when a model does.
"""
