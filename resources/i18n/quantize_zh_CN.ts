<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name>QuantizePage</name>
    <message>
        <source>Chat with this model…</source>
        <translation>与此模型对话…</translation>
    </message>
    <message>
        <source>Quantize</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Choose a model folder…</source>
        <translation>选择模型文件夹…</translation>
    </message>
    <message>
        <source>{name} (just merged)</source>
        <translation>{name}（刚合并）</translation>
    </message>
    <message>
        <source>Other folder…</source>
        <translation>其他文件夹…</translation>
    </message>
    <message>
        <source>Choose a LLaMA model folder</source>
        <translation>选择 LLaMA 模型文件夹</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>Read model {name}</source>
        <translation>读取模型 {name}</translation>
    </message>
    <message>
        <source>SentencePiece</source>
        <translation>SentencePiece</translation>
    </message>
    <message>
        <source>BPE</source>
        <translation>BPE</translation>
    </message>
    <message>
        <source>{params} parameters, {layers} layers, vocabulary {vocab} ({tokenizer}), {size} on disk</source>
        <translation>{params} 参数，{layers} 层，词表 {vocab}（{tokenizer}），磁盘占用 {size}</translation>
    </message>
    <message>
        <source>Meta format (consolidated.NN.pth)</source>
        <translation>Meta 格式（consolidated.NN.pth）</translation>
    </message>
    <message>
        <source>Loaded memory-mapped (faster): {mapped}; read into memory it would take {read}.</source>
        <translation>以内存映射加载（更快）：{mapped}；读入内存则需 {read}。</translation>
    </message>
    <message>
        <source>Read into memory (not enough free memory to map the file, which would take {mapped}): {read}.</source>
        <translation>读入内存（可用内存不足以映射文件，映射需 {mapped}）：{read}。</translation>
    </message>
    <message>
        <source>More than this computer&apos;s memory</source>
        <translation>超过本机内存</translation>
    </message>
    <message>
        <source>Recommended here. {note}</source>
        <translation>本机推荐。{note}</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>选择输出文件夹</translation>
    </message>
    <message>
        <source>{needed} needed, {free} free</source>
        <translation>需要 {needed}，可用 {free}</translation>
    </message>
    <message>
        <source>Not enough space: {needed} needed, {free} free. Choose another folder.</source>
        <translation>空间不足：需要 {needed}，可用 {free}。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Convert to F16</source>
        <translation>转换为 F16</translation>
    </message>
    <message>
        <source>Convert and quantize to {type}</source>
        <translation>转换并量化为 {type}</translation>
    </message>
    <message>
        <source>Quantize {name} to {type}</source>
        <translation>将 {name} 量化为 {type}</translation>
    </message>
    <message>
        <source>Cancelled; no partial file was left behind.</source>
        <translation>已取消；没有留下不完整的文件。</translation>
    </message>
    <message>
        <source>Done: {file}</source>
        <translation>完成：{file}</translation>
    </message>
    <message>
        <source>Done, but the model looks broken: see Perplexity.</source>
        <translation>完成，但模型看起来已损坏：请查看困惑度。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Identical token ids on {n} tokens of Chinese and English text</source>
        <translation>中英文混合文本的 {n} 个 token 编号完全一致</translation>
    </message>
    <message>
        <source>Differs from the source tokenizer at token {i}</source>
        <translation>在第 {i} 个 token 处与原分词器不同</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>Top-1 identical at {m}/{n} positions; max difference {d}</source>
        <translation>{m}/{n} 个位置的 Top-1 一致；最大差值 {d}</translation>
    </message>
    <message>
        <source>(near-ties within rounding: {k})</source>
        <translation>（舍入误差内的并列：{k}）</translation>
    </message>
    <message>
        <source>Not compared (not enough memory for a float32 copy)</source>
        <translation>未对比（内存不足以载入 float32 副本）</translation>
    </message>
    <message>
        <source>F16 {base}, {type} {quant} ({change})</source>
        <translation>F16 {base}，{type} {quant}（{change}）</translation>
    </message>
    <message>
        <source>F16 {base}</source>
        <translation>F16 {base}</translation>
    </message>
    <message>
        <source>the LoRAs merged in the wrong order (Plus/Pro: LLaMA-Plus first)</source>
        <translation>LoRA 合并顺序错误（Plus/Pro：先合并 LLaMA-Plus）</translation>
    </message>
    <message>
        <source>the wrong base (another LLaMA size, or not the original LLaMA)</source>
        <translation>基础模型错误（其他尺寸的 LLaMA，或不是原版 LLaMA）</translation>
    </message>
    <message>
        <source>Alpaca-Plus/Pro merged without the Chinese-LLaMA-Plus step</source>
        <translation>合并 Alpaca-Plus/Pro 时缺少 Chinese-LLaMA-Plus 步骤</translation>
    </message>
    <message>
        <source>untrained or damaged weights</source>
        <translation>未训练或已损坏的权重</translation>
    </message>
    <message>
        <source>The model looks broken: a perplexity of {ppl} is close to guessing at random among its {vocab} tokens (a working model scores well under 100). Likely causes: {causes}. Merge it again on the Merge page.</source>
        <translation>模型看起来已损坏：困惑度 {ppl} 接近在其 {vocab} 个词元中随机猜测（正常模型远低于 100）。可能的原因：{causes}。请在“合并”页面重新合并。</translation>
    </message>
</context>
<context>
    <name>QuantizeView</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a LLaMA folder (Hugging Face or Meta .pth), such as a Merge page output.</source>
        <translation>选择一个 LLaMA 文件夹（Hugging Face 或 Meta .pth 格式），例如“合并”页面的输出。</translation>
    </message>
    <message>
        <source>1. Model</source>
        <translation>1. 模型</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>RAM to run</source>
        <translation>运行所需内存</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>2. Quantization type</source>
        <translation>2. 量化类型</translation>
    </message>
    <message>
        <source>Sizes are computed for this model. Q4_K_M suits laptops; Q8_0 is nearly lossless when memory allows.</source>
        <translation>大小按此模型计算。Q4_K_M 适合笔记本电脑；内存充足时 Q8_0 几乎无损。</translation>
    </message>
    <message>
        <source>Keep the F16 file</source>
        <translation>保留 F16 文件</translation>
    </message>
    <message>
        <source>Needed to try other types without converting again</source>
        <translation>以后尝试其他类型时无需重新转换</translation>
    </message>
    <message>
        <source>3. Output</source>
        <translation>3. 输出</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>llama.cpp loads it</source>
        <translation>llama.cpp 能加载</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <source>Logits vs transformers</source>
        <translation>与 transformers 的 logits 对比</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>Convert and quantize</source>
        <translation>转换并量化</translation>
    </message>
    <message>
        <source>Start (Ctrl+Enter)</source>
        <translation>开始（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Stop; no partial file is left behind (Esc)</source>
        <translation>停止；不会留下不完整的文件（Esc）</translation>
    </message>
    <message>
        <source>Converts a LLaMA model (Hugging Face or Meta .pth) to GGUF for llama.cpp, checks it against the original, and shrinks it with llama.cpp&apos;s quantizer.</source>
        <translation>将 LLaMA 模型（Hugging Face 或 Meta .pth 格式）转换为 llama.cpp 使用的 GGUF，与原模型逐项核对，再用 llama.cpp 的量化器压缩。</translation>
    </message>
    <message>
        <source>Not quantized: the reference, largest file</source>
        <translation>不量化：作为参照，文件最大</translation>
    </message>
    <message>
        <source>Practically lossless; when memory allows</source>
        <translation>几乎无损；内存充足时选用</translation>
    </message>
    <message>
        <source>Nearly indistinguishable from F16</source>
        <translation>与 F16 几乎没有差别</translation>
    </message>
    <message>
        <source>Very close to the original</source>
        <translation>非常接近原模型</translation>
    </message>
    <message>
        <source>Older 5-bit format; prefer Q5_K_M</source>
        <translation>旧版 5 位格式；建议用 Q5_K_M</translation>
    </message>
    <message>
        <source>Balanced size and quality: best for laptops</source>
        <translation>大小与质量平衡：最适合笔记本电脑</translation>
    </message>
    <message>
        <source>Older 4-bit format; prefer Q4_K_M</source>
        <translation>旧版 4 位格式；建议用 Q4_K_M</translation>
    </message>
    <message>
        <source>Older 4-bit format, upstream&apos;s first default</source>
        <translation>旧版 4 位格式，上游最初的默认值</translation>
    </message>
    <message>
        <source>Small; answers get noticeably worse</source>
        <translation>体积小；回答质量明显下降</translation>
    </message>
    <message>
        <source>Smallest; large quality loss</source>
        <translation>最小；质量损失大</translation>
    </message>
</context>
</TS>
