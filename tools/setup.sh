#!/usr/bin/env bash
# Sets up .venv for running and testing Alpaca Studio:
#   torch (pinned; on the project's CI machines the CPU wheel already on disk),
#   llama-cpp-python built portably (AVX2/FMA/F16C, not -march=native: native builds use AVX-512/AMX
#   kernels that crash on some virtual machines), kept as a wheel under the user's cache keyed by
#   version and build flags (pip's own cache ignores build flags), then the project with its test extras.
# Override the llama.cpp build with LLAMA_CMAKE_ARGS, e.g. LLAMA_CMAKE_ARGS="-DGGML_CUDA=on".
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
LLAMA_VERSION=0.3.36
LLAMA_CMAKE_ARGS="${LLAMA_CMAKE_ARGS:--DGGML_NATIVE=OFF}"

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install -q torch==2.13.0

have=$(.venv/bin/python -c "import importlib.metadata as m; print(m.version('llama_cpp_python'))" 2>/dev/null || true)
key=$(printf '%s %s' "$LLAMA_VERSION" "$LLAMA_CMAKE_ARGS" | sha256sum | cut -c1-16)
wheelhouse="${XDG_CACHE_HOME:-$HOME/.cache}/alpaca-studio/wheels/llama-cpp-python-$key"
stamp=.venv/.llama-cpp-build
if [ "$have" != "$LLAMA_VERSION" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$key" ]; then
  if ! ls "$wheelhouse"/llama_cpp_python-*.whl >/dev/null 2>&1; then
    echo "setup: building llama-cpp-python $LLAMA_VERSION ($LLAMA_CMAKE_ARGS); about 5 minutes on 2 cores, once"
    rm -rf "$wheelhouse.partial"
    CMAKE_ARGS="$LLAMA_CMAKE_ARGS" .venv/bin/pip wheel -q --no-deps --no-cache-dir \
      -w "$wheelhouse.partial" "llama-cpp-python==$LLAMA_VERSION"
    rm -rf "$wheelhouse" && mv "$wheelhouse.partial" "$wheelhouse"
  fi
  .venv/bin/pip install -q --force-reinstall --no-deps "$wheelhouse"/llama_cpp_python-*.whl
  echo "$key" > "$stamp"
fi
.venv/bin/pip install -q -e ".[test]"
