<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name></name>
    <message>
        <source>{name} is not a GGUF model file.</source>
        <translation>{name} 不是 GGUF 模型文件。</translation>
    </message>
    <message>
        <source>Open a .gguf file, or a Hugging Face model folder (with config.json).</source>
        <translation>请打开 .gguf 文件，或 Hugging Face 模型文件夹（含 config.json）。</translation>
    </message>
    <message>
        <source>{name} is a LoRA adapter, not a full model.</source>
        <translation>{name} 是 LoRA 适配器，不是完整模型。</translation>
    </message>
    <message>
        <source>Open the base model and choose this folder as its LoRA, or merge it on the Merge page.</source>
        <translation>请打开基础模型并选择此文件夹作为其 LoRA，或在“合并”页面合并。</translation>
    </message>
    <message>
        <source>{name} holds Meta-format weights (consolidated.NN.pth), which chat cannot load.</source>
        <translation>{name} 是 Meta 格式的权重（consolidated.NN.pth），对话无法加载。</translation>
    </message>
    <message>
        <source>Convert it to GGUF on the Quantize page (or with &apos;python main.py convert&apos;), then open that.</source>
        <translation>请在“量化”页面（或用 &apos;python main.py convert&apos;）将其转换为 GGUF，然后打开该文件。</translation>
    </message>
    <message>
        <source>{path} holds no model (no config.json, no single .gguf file).</source>
        <translation>{path} 中没有模型（没有 config.json，也没有单个 .gguf 文件）。</translation>
    </message>
    <message>
        <source>Pick a .gguf file or a Hugging Face model folder.</source>
        <translation>请选择 .gguf 文件或 Hugging Face 模型文件夹。</translation>
    </message>
    <message>
        <source>Model not found: {path}.</source>
        <translation>未找到模型：{path}。</translation>
    </message>
    <message>
        <source>Check the path, or pick a model from the list.</source>
        <translation>请检查路径，或从列表中选择模型。</translation>
    </message>
    <message>
        <source>LoRA not found: {lora}.</source>
        <translation>未找到 LoRA：{lora}。</translation>
    </message>
    <message>
        <source>Check the LoRA path or leave it empty.</source>
        <translation>请检查 LoRA 路径，或留空。</translation>
    </message>
    <message>
        <source>The LoRA {weights_file} has weights for {key}, which the model {name} does not have: it was made for another base.</source>
        <translation>LoRA {weights_file} 含有 {key} 的权重，而模型 {name} 没有：它是为另一个基础模型制作的。</translation>
    </message>
    <message>
        <source>The LoRA {weights_file} was trained for a model with hidden size {value}, but {name} has hidden size {hidden} ({key}: {got} instead of {want}).</source>
        <translation>LoRA {weights_file} 是为隐藏层大小 {value} 的模型训练的，但 {name} 的隐藏层大小为 {hidden}（{key}：{got}，应为 {want}）。</translation>
    </message>
    <message>
        <source>Importing transformers</source>
        <translation>正在导入 transformers</translation>
    </message>
    <message>
        <source>{lora} is not a PEFT LoRA folder (no adapter_config.json).</source>
        <translation>{lora} 不是 PEFT LoRA 文件夹（没有 adapter_config.json）。</translation>
    </message>
    <message>
        <source>Choose the folder that holds adapter_config.json.</source>
        <translation>请选择包含 adapter_config.json 的文件夹。</translation>
    </message>
    <message>
        <source>Loading tokenizer</source>
        <translation>正在加载分词器</translation>
    </message>
    <message>
        <source>The tokenizer in {tok_dir} could not be loaded: {exc}.</source>
        <translation>无法加载 {tok_dir} 中的分词器：{exc}。</translation>
    </message>
    <message>
        <source>The folder needs tokenizer.model or tokenizer.json.</source>
        <translation>文件夹中需要 tokenizer.model 或 tokenizer.json。</translation>
    </message>
    <message>
        <source>Loading {name} on {device}</source>
        <translation>正在 {device} 上加载 {name}</translation>
    </message>
    <message>
        <source>The model in {path} could not be loaded: {exc}.</source>
        <translation>无法加载 {path} 中的模型：{exc}。</translation>
    </message>
    <message>
        <source>Check that the folder is a complete Hugging Face model (verify it, or merge or download it again).</source>
        <translation>请检查该文件夹是否为完整的 Hugging Face 模型（校验它，或重新合并、重新下载）。</translation>
    </message>
    <message>
        <source>Applying LoRA {name} (unmerged)</source>
        <translation>正在应用 LoRA {name}（不合并）</translation>
    </message>
    <message>
        <source>The LoRA {name} does not fit this model: {exc}.</source>
        <translation>LoRA {name} 与此模型不匹配：{exc}。</translation>
    </message>
    <message>
        <source>Choose the base model this LoRA was trained on.</source>
        <translation>请选择训练此 LoRA 时使用的基础模型。</translation>
    </message>
    <message>
        <source>Model loaded</source>
        <translation>模型已加载</translation>
    </message>
    <message>
        <source>llama-cpp-python is not installed, so GGUF models cannot be loaded.</source>
        <translation>未安装 llama-cpp-python，无法加载 GGUF 模型。</translation>
    </message>
    <message>
        <source>Install it with: pip install llama-cpp-python</source>
        <translation>请用以下命令安装：pip install llama-cpp-python</translation>
    </message>
    <message>
        <source>Loading {name} (llama.cpp)</source>
        <translation>正在加载 {name}（llama.cpp）</translation>
    </message>
    <message>
        <source>Starting llama.cpp</source>
        <translation>正在启动 llama.cpp</translation>
    </message>
    <message>
        <source>llama.cpp could not load {name}: {exc}.</source>
        <translation>llama.cpp 无法加载 {name}：{exc}。</translation>
    </message>
    <message>
        <source>Check that the file is a complete GGUF model (re-download or re-convert it) and that a LoRA, if any, was made for this base model.</source>
        <translation>请检查该文件是否为完整的 GGUF 模型（重新下载或重新转换），以及所用 LoRA 是否为此基础模型制作。</translation>
    </message>
    <message>
        <source>The prompt is {tokens} tokens, longer than the {context_size}-token context.</source>
        <translation>提示有 {tokens} 个词元，超过了 {context_size} 词元的上下文。</translation>
    </message>
    <message>
        <source>Load the model with a larger context size.</source>
        <translation>请用更大的上下文长度加载模型。</translation>
    </message>
    <message>
        <source>The text is {tokens} tokens, longer than the {context_size}-token context.</source>
        <translation>文本有 {tokens} 个词元，超过了 {context_size} 词元的上下文。</translation>
    </message>
    <message>
        <source>Split it into smaller pieces.</source>
        <translation>请将其拆分为更小的片段。</translation>
    </message>
    <message>
        <source>llama.cpp could not compute the embedding.</source>
        <translation>llama.cpp 无法计算嵌入向量。</translation>
    </message>
    <message>
        <source>Try a shorter text, or reload the model.</source>
        <translation>请尝试更短的文本，或重新加载模型。</translation>
    </message>
    <message>
        <source>Shorten it, or load the model with a larger context size.</source>
        <translation>请缩短它，或用更大的上下文长度加载模型。</translation>
    </message>
    <message>
        <source>{name} appears twice in one download.</source>
        <translation>{name} 在同一次下载中出现了两次。</translation>
    </message>
    <message>
        <source>Give each file its own destination.</source>
        <translation>请为每个文件指定各自的保存位置。</translation>
    </message>
    <message>
        <source>Downloading {specs} files</source>
        <translation>正在下载 {specs} 个文件</translation>
    </message>
    <message>
        <source>Cannot write {name} into {parent}: permission denied ({value}).</source>
        <translation>无法将 {name} 写入 {parent}：权限被拒绝（{value}）。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to (Settings → Models folder, or --dest).</source>
        <translation>请选择有写入权限的文件夹（设置 → 模型文件夹，或 --dest）。</translation>
    </message>
    <message>
        <source>{dest} is a folder.</source>
        <translation>{dest} 是一个文件夹。</translation>
    </message>
    <message>
        <source>Choose a file name for the download.</source>
        <translation>请为下载选择一个文件名。</translation>
    </message>
    <message>
        <source>{dest} already exists and is not the expected file ({size} bytes, expected {size2}).</source>
        <translation>{dest} 已存在且不是预期的文件（{size} 字节，应为 {size2}）。</translation>
    </message>
    <message>
        <source>Move or delete it, then download again.</source>
        <translation>请移动或删除它，然后重新下载。</translation>
    </message>
    <message>
        <source>Checking the existing {name}</source>
        <translation>正在检查已有的 {name}</translation>
    </message>
    <message>
        <source>{dest} already exists and does not match the published SHA256 (expected {sha256}, got {actual}).</source>
        <translation>{dest} 已存在，但与公布的 SHA256 不符（应为 {sha256}，实际为 {actual}）。</translation>
    </message>
    <message>
        <source>Already downloaded: {name}</source>
        <translation>已下载：{name}</translation>
    </message>
    <message>
        <source>Unknown download source {source}.</source>
        <translation>未知的下载源 {source}。</translation>
    </message>
    <message>
        <source>Use one of: {value}.</source>
        <translation>请使用以下之一：{value}。</translation>
    </message>
    <message>
        <source>{repo} is not a repository id.</source>
        <translation>{repo} 不是仓库 ID。</translation>
    </message>
    <message>
        <source>Use the form owner/name, e.g. hfl/chinese-alpaca-lora-7b.</source>
        <translation>请使用 owner/name 格式，例如 hfl/chinese-alpaca-lora-7b。</translation>
    </message>
    <message>
        <source>{sha256} is not a SHA256 hash.</source>
        <translation>{sha256} 不是 SHA256 哈希值。</translation>
    </message>
    <message>
        <source>A SHA256 is 64 hexadecimal characters; copy it again from the publisher.</source>
        <translation>SHA256 是 64 个十六进制字符；请从发布者处重新复制。</translation>
    </message>
    <message>
        <source>Cannot download {url}: only http:// and https:// addresses work.</source>
        <translation>无法下载 {url}：只支持 http:// 和 https:// 地址。</translation>
    </message>
    <message>
        <source>Copy the full address, starting with https://.</source>
        <translation>请复制完整地址，以 https:// 开头。</translation>
    </message>
    <message>
        <source>Checking the partial download of {name}</source>
        <translation>正在检查 {name} 的未完成下载</translation>
    </message>
    <message>
        <source>Downloading {name} (restarted: {why})</source>
        <translation>正在下载 {name}（已重新开始：{why}）</translation>
    </message>
    <message>
        <source>{name}: access denied on {host} (HTTP {code}).</source>
        <translation>{name}：{host} 拒绝访问（HTTP {code}）。</translation>
    </message>
    <message>
        <source>The repository may not exist or may need a login: check the model id, or switch the download source.</source>
        <translation>该仓库可能不存在或需要登录：请检查模型 ID，或切换下载源。</translation>
    </message>
    <message>
        <source>{name}: not found on {host} (HTTP {code}).</source>
        <translation>{name}：在 {host} 上未找到（HTTP {code}）。</translation>
    </message>
    <message>
        <source>Check the model id or the address, or switch the download source.</source>
        <translation>请检查模型 ID 或地址，或切换下载源。</translation>
    </message>
    <message>
        <source>{name}: the server at {url} refused the download (HTTP {code}).</source>
        <translation>{name}：{url} 的服务器拒绝了下载（HTTP {code}）。</translation>
    </message>
    <message>
        <source>Check the address, or switch the download source.</source>
        <translation>请检查地址，或切换下载源。</translation>
    </message>
    <message>
        <source>{name}: unexpected answer from {url} (HTTP {status_code}).</source>
        <translation>{name}：{url} 返回了意外的响应（HTTP {status_code}）。</translation>
    </message>
    <message>
        <source>{name}: the server offers {total} bytes, but {size} were expected.</source>
        <translation>{name}：服务器提供 {total} 字节，但预期为 {size} 字节。</translation>
    </message>
    <message>
        <source>The source serves a different file: switch the download source or check the address.</source>
        <translation>下载源提供的是另一个文件：请切换下载源或检查地址。</translation>
    </message>
    <message>
        <source>Cannot download {url}: {exc}.</source>
        <translation>无法下载 {url}：{exc}。</translation>
    </message>
    <message>
        <source>Check the address.</source>
        <translation>请检查地址。</translation>
    </message>
    <message>
        <source>The disk is full: {name} could not be written ({offset} of it are saved as {name2}).</source>
        <translation>磁盘已满：无法写入 {name}（已保存的 {offset} 位于 {name2}）。</translation>
    </message>
    <message>
        <source>Free up space, then download again: it resumes where it stopped.</source>
        <translation>请释放空间后重新下载：会从中断处继续。</translation>
    </message>
    <message>
        <source>Downloading {name} from {url} failed after 1 attempt: {reason}.</source>
        <translation>从 {url} 下载 {name} 失败，已尝试 1 次：{reason}。</translation>
    </message>
    <message>
        <source>Downloading {name} from {url} failed after {failures} attempts: {reason}.</source>
        <translation>从 {url} 下载 {name} 失败，已尝试 {failures} 次：{reason}。</translation>
    </message>
    <message>
        <source>Downloaded {name}</source>
        <translation>已下载 {name}</translation>
    </message>
    <message>
        <source>Check your network or proxy, or switch the download source; run the download again to resume where it stopped.</source>
        <translation>请检查网络或代理，或切换下载源；再次运行下载即可从中断处继续。</translation>
    </message>
    <message>
        <source>Free up space, or choose a models folder on another disk in Settings.</source>
        <translation>请释放空间，或在“设置”中选择其他磁盘上的模型文件夹。</translation>
    </message>
    <message>
        <source>{name}: {reason}; retrying in {delay} s ({failures}/{retries})</source>
        <translation>{name}：{reason}；{delay} 秒后重试（{failures}/{retries}）</translation>
    </message>
    <message>
        <source>RoPE scaling type {rope_type} is not supported by this converter.</source>
        <translation>此转换器不支持 RoPE 缩放类型 {rope_type}。</translation>
    </message>
    <message>
        <source>Convert this model with llama.cpp&apos;s convert_hf_to_gguf.py.</source>
        <translation>请用 llama.cpp 的 convert_hf_to_gguf.py 转换此模型。</translation>
    </message>
    <message>
        <source>Unknown output type {outtype}.</source>
        <translation>未知的输出类型 {outtype}。</translation>
    </message>
    <message>
        <source>{out_path} already exists.</source>
        <translation>{out_path} 已存在。</translation>
    </message>
    <message>
        <source>Choose another file name or delete the old file.</source>
        <translation>请选择其他文件名，或删除旧文件。</translation>
    </message>
    <message>
        <source>The output would be written among the model&apos;s own files.</source>
        <translation>输出将写入模型自身的文件之中。</translation>
    </message>
    <message>
        <source>Give the output a .gguf name.</source>
        <translation>请为输出使用 .gguf 文件名。</translation>
    </message>
    <message>
        <source>Reading model description</source>
        <translation>正在读取模型描述</translation>
    </message>
    <message>
        <source>{folder} has no model.embed_tokens.weight.</source>
        <translation>{folder} 中没有 model.embed_tokens.weight。</translation>
    </message>
    <message>
        <source>The checkpoint is incomplete; merge it again.</source>
        <translation>检查点不完整；请重新合并。</translation>
    </message>
    <message>
        <source>Tensor {name} has no llama.cpp equivalent.</source>
        <translation>张量 {name} 在 llama.cpp 中没有对应项。</translation>
    </message>
    <message>
        <source>This is not a plain LLaMA checkpoint; convert it with llama.cpp&apos;s own tools.</source>
        <translation>这不是普通的 LLaMA 检查点；请用 llama.cpp 自带的工具转换。</translation>
    </message>
    <message>
        <source>{folder} has no lm_head weight and the config does not tie it to the embeddings.</source>
        <translation>{folder} 中没有 lm_head 权重，且配置未将其与嵌入层绑定。</translation>
    </message>
    <message>
        <source>The checkpoint is incomplete; merge or download it again.</source>
        <translation>检查点不完整；请重新合并或下载。</translation>
    </message>
    <message>
        <source>Free some space, or choose an output folder on another disk.</source>
        <translation>请释放一些空间，或选择其他磁盘上的输出文件夹。</translation>
    </message>
    <message>
        <source>Converting {new_name}</source>
        <translation>正在转换 {new_name}</translation>
    </message>
    <message>
        <source>The disk filled up while writing {name}; nothing was kept.</source>
        <translation>写入 {name} 时磁盘已满；未保留任何内容。</translation>
    </message>
    <message>
        <source>Free some space or choose another output folder.</source>
        <translation>请释放空间，或选择其他输出文件夹。</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>已转换</translation>
    </message>
    <message>
        <source>the GGUF files</source>
        <translation>GGUF 文件</translation>
    </message>
    <message>
        <source>Converting to GGUF F16</source>
        <translation>正在转换为 GGUF F16</translation>
    </message>
    <message>
        <source>--few-shot {n} is not a number of examples.</source>
        <translation>--few-shot {n} 不是有效的示例数量。</translation>
    </message>
    <message>
        <source>Use 0 (zero-shot), 1-5, or -1 for every dev example.</source>
        <translation>请使用 0（零样本）、1-5，或 -1（使用全部 dev 示例）。</translation>
    </message>
    <message>
        <source>{path} holds no C-Eval files (&lt;subject&gt;_{split}.csv).</source>
        <translation>{path} 中没有 C-Eval 文件（&lt;subject&gt;_{split}.csv）。</translation>
    </message>
    <message>
        <source>Pass the unzipped ceval-exam folder.</source>
        <translation>请指定解压后的 ceval-exam 文件夹。</translation>
    </message>
    <message>
        <source>{path}: id {id} appears twice.</source>
        <translation>{path}：id {id} 出现了两次。</translation>
    </message>
    <message>
        <source>Each question needs its own id; unzip ceval-exam.zip again.</source>
        <translation>每道题都需要唯一的 id；请重新解压 ceval-exam.zip。</translation>
    </message>
    <message>
        <source>{path} has {n} examples, fewer than --few-shot {few_shot}.</source>
        <translation>{path} 只有 {n} 个示例，少于 --few-shot {few_shot}。</translation>
    </message>
    <message>
        <source>Use --few-shot {n} or less.</source>
        <translation>请使用 --few-shot {n} 或更小的值。</translation>
    </message>
    <message>
        <source>{path}: no explanation for example id {id}, which chain-of-thought few-shot needs.</source>
        <translation>{path}：示例 id {id} 没有解析（explanation），而思维链（CoT）少样本需要它。</translation>
    </message>
    <message>
        <source>Use the official dev files (they have an explanation column), or turn CoT off.</source>
        <translation>请使用官方 dev 文件（含 explanation 列），或关闭 CoT。</translation>
    </message>
    <message>
        <source>{path} holds a C-Eval run made with other settings ({settings}).</source>
        <translation>{path} 中已有一次使用不同设置（{settings}）的 C-Eval 运行。</translation>
    </message>
    <message>
        <source>Choose another output folder, or start fresh (--fresh) to replace it.</source>
        <translation>请选择其他输出文件夹，或从头开始（--fresh）以替换它。</translation>
    </message>
    <message>
        <source>Evaluating</source>
        <translation>正在评测</translation>
    </message>
    <message>
        <source>{file}, question id {ids}: {message}</source>
        <translation>{file}，题目 id {ids}：{message}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>File not found: {path}</source>
        <translation>未找到文件：{path}</translation>
    </message>
    <message>
        <source>Check the path, or download the file again.</source>
        <translation>请检查路径，或重新下载该文件。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>Pick a file, or verify the folder instead.</source>
        <translation>请选择一个文件，或改为校验该文件夹。</translation>
    </message>
    <message>
        <source>Hashing {name}</source>
        <translation>正在计算 {name} 的哈希</translation>
    </message>
    <message>
        <source>The LoRAs are in the wrong order: {listing}. A LoRA with a larger vocabulary (Alpaca-Plus/Pro) must come after the one it extends (LLaMA-Plus).</source>
        <translation>LoRA 的顺序错误：{listing}。词表更大的 LoRA（Alpaca-Plus/Pro）必须排在它所扩展的 LoRA（LLaMA-Plus）之后。</translation>
    </message>
    <message>
        <source>Merge them in this order: {order}.</source>
        <translation>请按此顺序合并：{order}。</translation>
    </message>
    <message>
        <source>{name}: its {what} has {rows} rows but its tokenizer has {tokenizer_size} tokens.{guess}</source>
        <translation>{name}：其 {what} 有 {rows} 行，但其分词器有 {tokenizer_size} 个词元。{guess}</translation>
    </message>
    <message>
        <source>Use each LoRA with the tokenizer it was published with (LLaMA tokenizer with LLaMA LoRAs, Alpaca tokenizer with Alpaca LoRAs); download the LoRA again if its files were mixed.</source>
        <translation>请将每个 LoRA 与其发布时附带的分词器一起使用（LLaMA LoRA 用 LLaMA 分词器，Alpaca LoRA 用 Alpaca 分词器）；如果文件被混用，请重新下载该 LoRA。</translation>
    </message>
    <message>
        <source>{name}: its tokenizer has {new} tokens, fewer than the {current} the model already has.</source>
        <translation>{name}：其分词器有 {new} 个词元，少于模型已有的 {current} 个。</translation>
    </message>
    <message>
        <source>This LoRA does not belong on top of this model: check the base model and the LoRA order (LLaMA-Plus before Alpaca-Plus/Pro).</source>
        <translation>此 LoRA 不应叠加在此模型上：请检查基础模型和 LoRA 的顺序（LLaMA-Plus 在 Alpaca-Plus/Pro 之前）。</translation>
    </message>
    <message>
        <source>{name} was trained for {lora_hidden}, but the base is {hidden}.</source>
        <translation>{name} 是为 {lora_hidden} 训练的，但基础模型是 {hidden}。</translation>
    </message>
    <message>
        <source>Pick the original LLaMA of the same size as the LoRA (7B LoRA → LLaMA-7B).</source>
        <translation>请选择与 LoRA 同规模的原版 LLaMA（7B LoRA → LLaMA-7B）。</translation>
    </message>
    <message>
        <source>{name} has weights for {key}, which the base (with {layers} layers) does not have.</source>
        <translation>{name} 含有 {key} 的权重，而基础模型（{layers} 层）没有。</translation>
    </message>
    <message>
        <source>The LoRA belongs to a bigger model: pick the matching original LLaMA size.</source>
        <translation>该 LoRA 属于更大的模型：请选择匹配规模的原版 LLaMA。</translation>
    </message>
    <message>
        <source>{name} targets {key}, which is not in the base model.</source>
        <translation>{name} 作用于 {key}，但基础模型中没有它。</translation>
    </message>
    <message>
        <source>This LoRA was not made for a LLaMA base.</source>
        <translation>此 LoRA 不是为 LLaMA 基础模型制作的。</translation>
    </message>
    <message>
        <source>{name} replaces {key}, which is not in the base model.</source>
        <translation>{name} 替换 {key}，但基础模型中没有它。</translation>
    </message>
    <message>
        <source>This LoRA was not made for this base.</source>
        <translation>此 LoRA 不是为此基础模型制作的。</translation>
    </message>
    <message>
        <source>{name}: its {key} has shape {got}, but the base&apos;s is {want}.</source>
        <translation>{name}：其 {key} 的形状为 {got}，而基础模型的是 {want}。</translation>
    </message>
    <message>
        <source>This LoRA was trained for another model; pick the base it was made for.</source>
        <translation>此 LoRA 是为另一个模型训练的；请选择它对应的基础模型。</translation>
    </message>
    <message>
        <source>the merged model</source>
        <translation>合并后的模型</translation>
    </message>
    <message>
        <source>Free some space or choose an output folder on another disk.</source>
        <translation>请释放一些空间，或选择其他磁盘上的输出文件夹。</translation>
    </message>
    <message>
        <source>The output folder {out} overlaps the input {folder}.</source>
        <translation>输出文件夹 {out} 与输入 {folder} 重叠。</translation>
    </message>
    <message>
        <source>Choose an output folder outside the base model and LoRA folders; inputs are never modified.</source>
        <translation>请在基础模型和 LoRA 文件夹之外选择输出文件夹；输入永远不会被修改。</translation>
    </message>
    <message>
        <source>{out} is a file.</source>
        <translation>{out} 是一个文件。</translation>
    </message>
    <message>
        <source>Choose a folder for the merged model.</source>
        <translation>请为合并后的模型选择一个文件夹。</translation>
    </message>
    <message>
        <source>The output folder {out} already exists and is not empty.</source>
        <translation>输出文件夹 {out} 已存在且不为空。</translation>
    </message>
    <message>
        <source>Choose another folder, or delete this one (the command line can replace it with --overwrite).</source>
        <translation>请选择其他文件夹，或删除此文件夹（命令行可用 --overwrite 替换）。</translation>
    </message>
    <message>
        <source>Unknown output format {out_format}.</source>
        <translation>未知的输出格式 {out_format}。</translation>
    </message>
    <message>
        <source>Unknown data type {dtype}.</source>
        <translation>未知的数据类型 {dtype}。</translation>
    </message>
    <message>
        <source>No LoRA to merge.</source>
        <translation>没有要合并的 LoRA。</translation>
    </message>
    <message>
        <source>Add at least one LoRA folder.</source>
        <translation>请至少添加一个 LoRA 文件夹。</translation>
    </message>
    <message>
        <source>write the merged model to</source>
        <translation>将合并后的模型写入</translation>
    </message>
    <message>
        <source>Removing the partial output of an earlier merge</source>
        <translation>正在删除之前合并留下的未完成输出</translation>
    </message>
    <message>
        <source>Merging</source>
        <translation>正在合并</translation>
    </message>
    <message>
        <source>Merging tensor {n}/{steps}: {key}</source>
        <translation>正在合并张量 {n}/{steps}：{key}</translation>
    </message>
    <message>
        <source>Writing config and tokenizer files</source>
        <translation>正在写入配置和分词器文件</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>{folder} has no model.embed_tokens.weight: it is not a LLaMA model.</source>
        <translation>{folder} 中没有 model.embed_tokens.weight：它不是 LLaMA 模型。</translation>
    </message>
    <message>
        <source>Pick the folder of an original LLaMA (HF or Meta format).</source>
        <translation>请选择原版 LLaMA 的文件夹（HF 或 Meta 格式）。</translation>
    </message>
    <message>
        <source>{folder} has no config.json.</source>
        <translation>{folder} 中没有 config.json。</translation>
    </message>
    <message>
        <source>Pick the folder that holds the model&apos;s config.json and weight files.</source>
        <translation>请选择包含模型 config.json 和权重文件的文件夹。</translation>
    </message>
    <message>
        <source>{folder} has params.json but no consolidated.NN.pth files.</source>
        <translation>{folder} 中有 params.json，但没有 consolidated.NN.pth 文件。</translation>
    </message>
    <message>
        <source>Copy the consolidated.00.pth (and further parts) into this folder.</source>
        <translation>请将 consolidated.00.pth（及后续分片）复制到此文件夹。</translation>
    </message>
    <message>
        <source>{folder}: the consolidated.NN.pth parts are not numbered 00..{value}.</source>
        <translation>{folder}：consolidated.NN.pth 分片的编号不是 00..{value}。</translation>
    </message>
    <message>
        <source>A part is missing; download it again.</source>
        <translation>缺少一个分片；请重新下载。</translation>
    </message>
    <message>
        <source>{mk} is missing from {value}.</source>
        <translation>{value} 中缺少 {mk}。</translation>
    </message>
    <message>
        <source>The checkpoint parts do not belong together.</source>
        <translation>这些检查点分片不属于同一个模型。</translation>
    </message>
    <message>
        <source>Base model folder {folder} does not exist.</source>
        <translation>基础模型文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Check the path.</source>
        <translation>请检查路径。</translation>
    </message>
    <message>
        <source>{folder} is a file; the base model is a folder.</source>
        <translation>{folder} 是文件；基础模型应是文件夹。</translation>
    </message>
    <message>
        <source>Pick the folder that holds config.json or params.json.</source>
        <translation>请选择包含 config.json 或 params.json 的文件夹。</translation>
    </message>
    <message>
        <source>{folder} is a LoRA, not a base model.</source>
        <translation>{folder} 是 LoRA，不是基础模型。</translation>
    </message>
    <message>
        <source>Pick the original LLaMA as the base, and add this folder as a LoRA.</source>
        <translation>请选择原版 LLaMA 作为基础模型，并将此文件夹添加为 LoRA。</translation>
    </message>
    <message>
        <source>{folder} is not a LLaMA model folder (no config.json, and no params.json with consolidated.NN.pth).</source>
        <translation>{folder} 不是 LLaMA 模型文件夹（没有 config.json，也没有 params.json 和 consolidated.NN.pth）。</translation>
    </message>
    <message>
        <source>Pick the folder of the original LLaMA weights, in HF or Meta format.</source>
        <translation>请选择原版 LLaMA 权重的文件夹（HF 或 Meta 格式）。</translation>
    </message>
    <message>
        <source>LoRA folder {folder} does not exist.</source>
        <translation>LoRA 文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Check the path, or download the LoRA first.</source>
        <translation>请检查路径，或先下载该 LoRA。</translation>
    </message>
    <message>
        <source>{folder} is a full model, not a LoRA (no adapter_config.json).</source>
        <translation>{folder} 是完整模型，不是 LoRA（没有 adapter_config.json）。</translation>
    </message>
    <message>
        <source>Use it as the base model, or pick the LoRA&apos;s folder.</source>
        <translation>请将其用作基础模型，或选择 LoRA 的文件夹。</translation>
    </message>
    <message>
        <source>{folder} has no adapter_config.json: it is not a PEFT LoRA folder.</source>
        <translation>{folder} 中没有 adapter_config.json：它不是 PEFT LoRA 文件夹。</translation>
    </message>
    <message>
        <source>Pick the folder that holds adapter_config.json and adapter_model.bin/.safetensors.</source>
        <translation>请选择包含 adapter_config.json 和 adapter_model.bin/.safetensors 的文件夹。</translation>
    </message>
    <message>
        <source>{cfg_path} is not valid JSON ({exc}).</source>
        <translation>{cfg_path} 不是有效的 JSON（{exc}）。</translation>
    </message>
    <message>
        <source>The LoRA download is damaged or incomplete: download the LoRA again.</source>
        <translation>LoRA 下载已损坏或不完整：请重新下载该 LoRA。</translation>
    </message>
    <message>
        <source>{cfg_path} is not a JSON object.</source>
        <translation>{cfg_path} 不是 JSON 对象。</translation>
    </message>
    <message>
        <source>Download the LoRA again.</source>
        <translation>请重新下载该 LoRA。</translation>
    </message>
    <message>
        <source>{name} is a {peft_type} adapter; only LoRA adapters can be merged.</source>
        <translation>{name} 是 {peft_type} 适配器；只能合并 LoRA 适配器。</translation>
    </message>
    <message>
        <source>Choose a LoRA (peft_type LORA), such as the Chinese-LLaMA/Alpaca LoRAs.</source>
        <translation>请选择 LoRA（peft_type LORA），例如 Chinese-LLaMA/Alpaca 的 LoRA。</translation>
    </message>
    <message>
        <source>{name} is a DoRA adapter, which this merge does not support.</source>
        <translation>{name} 是 DoRA 适配器，本合并不支持。</translation>
    </message>
    <message>
        <source>Merge it with PEFT&apos;s merge_and_unload instead.</source>
        <translation>请改用 PEFT 的 merge_and_unload 合并。</translation>
    </message>
    <message>
        <source>{name} has adapter_config.json but no adapter_model.bin or adapter_model.safetensors.</source>
        <translation>{name} 有 adapter_config.json，但没有 adapter_model.bin 或 adapter_model.safetensors。</translation>
    </message>
    <message>
        <source>The download is incomplete; download the LoRA again.</source>
        <translation>下载不完整；请重新下载该 LoRA。</translation>
    </message>
    <message>
        <source>{name} uses a LoRA variant this merge does not support ({name2}).</source>
        <translation>{name} 使用了本合并不支持的 LoRA 变体（{name2}）。</translation>
    </message>
    <message>
        <source>Merge it with PEFT&apos;s merge_and_unload instead, or choose a plain LoRA.</source>
        <translation>请改用 PEFT 的 merge_and_unload 合并，或选择普通 LoRA。</translation>
    </message>
    <message>
        <source>{name} is damaged: {mod} has only one of lora_A / lora_B.</source>
        <translation>{name} 已损坏：{mod} 只有 lora_A / lora_B 中的一个。</translation>
    </message>
    <message>
        <source>{name}&apos;s adapter file holds no LoRA weights.</source>
        <translation>{name} 的适配器文件中没有 LoRA 权重。</translation>
    </message>
    <message>
        <source>No original LLaMA-{base_size} is registered.</source>
        <translation>尚未登记原版 LLaMA-{base_size}。</translation>
    </message>
    <message>
        <source>Not downloaded yet: {value}.</source>
        <translation>尚未下载：{value}。</translation>
    </message>
    <message>
        <source>Download them first (Models page, or: python main.py download {value}).</source>
        <translation>请先下载（“模型”页面，或：python main.py download {value}）。</translation>
    </message>
    <message>
        <source>Unknown merge output format {out_format}.</source>
        <translation>未知的合并输出格式 {out_format}。</translation>
    </message>
    <message>
        <source>Writing {name}</source>
        <translation>正在写入 {name}</translation>
    </message>
    <message>
        <source>the download into {folder}</source>
        <translation>下载到 {folder} 的文件</translation>
    </message>
    <message>
        <source>Free some space, or choose another models folder in Settings.</source>
        <translation>请释放一些空间，或在“设置”中选择其他模型文件夹。</translation>
    </message>
    <message>
        <source>Downloading {name}</source>
        <translation>正在下载 {name}</translation>
    </message>
    <message>
        <source>{sha256} is not a SHA256 value.</source>
        <translation>{sha256} 不是 SHA256 值。</translation>
    </message>
    <message>
        <source>Give the 64 hexadecimal digits, e.g. from SHA256.md.</source>
        <translation>请提供 64 位十六进制数字，例如来自 SHA256.md。</translation>
    </message>
    <message>
        <source>{url} is not an http(s) URL.</source>
        <translation>{url} 不是 http(s) 网址。</translation>
    </message>
    <message>
        <source>Give a full URL such as https://host/path/file.bin.</source>
        <translation>请提供完整网址，例如 https://host/path/file.bin。</translation>
    </message>
    <message>
        <source>Cannot tell a file name from {url}.</source>
        <translation>无法从 {url} 得出文件名。</translation>
    </message>
    <message>
        <source>Add one with --name.</source>
        <translation>请用 --name 指定。</translation>
    </message>
    <message>
        <source>{folder} is not a folder.</source>
        <translation>{folder} 不是文件夹。</translation>
    </message>
    <message>
        <source>Choose the folder that holds the LLaMA weights.</source>
        <translation>请选择包含 LLaMA 权重的文件夹。</translation>
    </message>
    <message>
        <source>{folder} has consolidated.*.pth files but no params.json.</source>
        <translation>{folder} 中有 consolidated.*.pth 文件，但没有 params.json。</translation>
    </message>
    <message>
        <source>Copy params.json from the original LLaMA download into this folder.</source>
        <translation>请从原版 LLaMA 下载中将 params.json 复制到此文件夹。</translation>
    </message>
    <message>
        <source>{params_file} is not a LLaMA params.json ({exc}).</source>
        <translation>{params_file} 不是 LLaMA 的 params.json（{exc}）。</translation>
    </message>
    <message>
        <source>Use the params.json from Meta&apos;s download.</source>
        <translation>请使用 Meta 下载中的 params.json。</translation>
    </message>
    <message>
        <source>LLaMA-{size} in {folder} is incomplete: {value} missing.</source>
        <translation>{folder} 中的 LLaMA-{size} 不完整：缺少 {value}。</translation>
    </message>
    <message>
        <source>LLaMA-{size} has {shards} consolidated.*.pth part(s); copy them all.</source>
        <translation>LLaMA-{size} 有 {shards} 个 consolidated.*.pth 分片；请全部复制。</translation>
    </message>
    <message>
        <source>{folder} holds a {value} model, not LLaMA.</source>
        <translation>{folder} 中是 {value} 模型，不是 LLaMA。</translation>
    </message>
    <message>
        <source>Choose an original LLaMA folder (HF format or Meta&apos;s consolidated.*.pth).</source>
        <translation>请选择原版 LLaMA 文件夹（HF 格式或 Meta 的 consolidated.*.pth）。</translation>
    </message>
    <message>
        <source>{folder} does not look like a LLaMA model.</source>
        <translation>{folder} 看起来不像 LLaMA 模型。</translation>
    </message>
    <message>
        <source>Choose a folder with consolidated.*.pth + params.json (Meta) or config.json + weights (HF).</source>
        <translation>请选择包含 consolidated.*.pth + params.json（Meta）或 config.json + 权重（HF）的文件夹。</translation>
    </message>
    <message>
        <source>Unknown quantization type {name}.</source>
        <translation>未知的量化类型 {name}。</translation>
    </message>
    <message>
        <source>{in_path} does not exist.</source>
        <translation>{in_path} 不存在。</translation>
    </message>
    <message>
        <source>Convert the model to GGUF first (convert command).</source>
        <translation>请先将模型转换为 GGUF（convert 命令）。</translation>
    </message>
    <message>
        <source>{name} is not a GGUF file.</source>
        <translation>{name} 不是 GGUF 文件。</translation>
    </message>
    <message>
        <source>Choose the .gguf file written by convert.</source>
        <translation>请选择 convert 写出的 .gguf 文件。</translation>
    </message>
    <message>
        <source>The output file is the input file.</source>
        <translation>输出文件就是输入文件。</translation>
    </message>
    <message>
        <source>Choose another output name; the original is kept.</source>
        <translation>请选择其他输出名称；原文件会保留。</translation>
    </message>
    <message>
        <source>Quantizing to {qtype}</source>
        <translation>正在量化为 {qtype}</translation>
    </message>
    <message>
        <source>Quantizing {value}</source>
        <translation>正在量化 {value}</translation>
    </message>
    <message>
        <source>llama.cpp could not quantize {name} to {qtype} ({last}).</source>
        <translation>llama.cpp 无法将 {name} 量化为 {qtype}（{last}）。</translation>
    </message>
    <message>
        <source>Check that the input is an F16/F32 GGUF written by convert and that the disk has space.</source>
        <translation>请检查输入是否为 convert 写出的 F16/F32 GGUF，以及磁盘是否有空间。</translation>
    </message>
    <message>
        <source>Quantized</source>
        <translation>已量化</translation>
    </message>
    <message>
        <source>Nothing to verify at {target}: no such file or folder.</source>
        <translation>{target} 处没有可校验的内容：没有这样的文件或文件夹。</translation>
    </message>
    <message>
        <source>Check the path (quote it if it contains spaces).</source>
        <translation>请检查路径（如含空格请加引号）。</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>正在校验</translation>
    </message>
    <message>
        <source>Verified {name}</source>
        <translation>已校验 {name}</translation>
    </message>
    <message>
        <source>max new tokens</source>
        <translation>最大生成 token 数</translation>
    </message>
    <message>
        <source>The {setting} setting ({reserve}) leaves no room for the message in the {context_size}-token context.</source>
        <translation>{setting} 设置（{reserve}）在 {context_size} 词元的上下文中没有给消息留下空间。</translation>
    </message>
    <message>
        <source>Lower {setting} below {context_size}, or load the model with a larger context size.</source>
        <translation>请将 {setting} 降到 {context_size} 以下，或用更大的上下文长度加载模型。</translation>
    </message>
    <message>
        <source>The {setting} setting ({reserve}) leaves {room} of the {context_size}-token context for the message, which needs {tokens} tokens with the system prompt.</source>
        <translation>{setting} 设置（{reserve}）只给消息留下 {context_size} 词元上下文中的 {room}，而消息连同系统提示需要 {tokens} 个词元。</translation>
    </message>
    <message>
        <source>Lower {setting} to {most} or less, or load the model with a larger context size.</source>
        <translation>请将 {setting} 降到 {most} 或更低，或用更大的上下文长度加载模型。</translation>
    </message>
    <message>
        <source>Reading {name} (shard {i}/{n})</source>
        <translation>正在读取 {name}（分片 {i}/{n}）</translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation>正在读取 {name}</translation>
    </message>
    <message>
        <source>{base_dir}: no config.json — not a Hugging Face model folder.</source>
        <translation>{base_dir}：没有 config.json —— 不是 Hugging Face 模型文件夹。</translation>
    </message>
    <message>
        <source>Give --base an HF-format LLaMA (a merged model, or the LLaMA converted to HF).</source>
        <translation>请为 --base 指定 HF 格式的 LLaMA（合并后的模型，或转换为 HF 的 LLaMA）。</translation>
    </message>
    <message>
        <source>{path}: not valid JSON ({exc}).</source>
        <translation>{path}：不是有效的 JSON（{exc}）。</translation>
    </message>
    <message>
        <source>Restore the model&apos;s config.json.</source>
        <translation>请恢复模型的 config.json。</translation>
    </message>
    <message>
        <source>{path}: has no vocab_size.</source>
        <translation>{path}：没有 vocab_size。</translation>
    </message>
    <message>
        <source>Give --base an HF-format LLaMA model folder.</source>
        <translation>请为 --base 指定 HF 格式的 LLaMA 模型文件夹。</translation>
    </message>
    <message>
        <source>Use the tokenizer that belongs to this base (--tokenizer DIR).</source>
        <translation>请使用属于此基础模型的分词器（--tokenizer DIR）。</translation>
    </message>
    <message>
        <source>(--tokenizer DIR: the Chinese-LLaMA tokenizer gets [PAD] added; the Alpaca one has it.)</source>
        <translation>（--tokenizer DIR：Chinese-LLaMA 分词器会添加 [PAD]；Alpaca 分词器已有。）</translation>
    </message>
    <message>
        <source>The base model&apos;s vocabulary ({model_vocab}) does not fit the tokenizer ({tokenizer_vocab}).</source>
        <translation>基础模型的词表（{model_vocab}）与分词器（{tokenizer_vocab}）不匹配。</translation>
    </message>
    <message>
        <source>SFT trains a LLaMA (32000), Chinese-LLaMA (49953) or Chinese-Alpaca (49954) with the Alpaca tokenizer.</source>
        <translation>SFT 用 Alpaca 分词器训练 LLaMA（32000）、Chinese-LLaMA（49953）或 Chinese-Alpaca（49954）。</translation>
    </message>
    <message>
        <source>{lora_dir}: no adapter_config.json — not a PEFT LoRA folder.</source>
        <translation>{lora_dir}：没有 adapter_config.json —— 不是 PEFT LoRA 文件夹。</translation>
    </message>
    <message>
        <source>Give --peft-path a LoRA folder (adapter_config.json + adapter_model.*).</source>
        <translation>请为 --peft-path 指定 LoRA 文件夹（adapter_config.json + adapter_model.*）。</translation>
    </message>
    <message>
        <source>{lora_dir}: no adapter_model.safetensors or adapter_model.bin.</source>
        <translation>{lora_dir}：没有 adapter_model.safetensors 或 adapter_model.bin。</translation>
    </message>
    <message>
        <source>The LoRA folder is incomplete; copy it again.</source>
        <translation>LoRA 文件夹不完整；请重新复制。</translation>
    </message>
    <message>
        <source>{lora_dir}: this LoRA was trained for a model of width {value}, the base {base_dir} has {hidden}.</source>
        <translation>{lora_dir}：此 LoRA 是为宽度 {value} 的模型训练的，而基础模型 {base_dir} 的宽度为 {hidden}。</translation>
    </message>
    <message>
        <source>Continue it on the base it was made for.</source>
        <translation>请在它对应的基础模型上继续。</translation>
    </message>
    <message>
        <source>{lora_dir}: its embeddings have {value} rows, the tokenizer {tokenizer_vocab} tokens.</source>
        <translation>{lora_dir}：其嵌入层有 {value} 行，而分词器有 {tokenizer_vocab} 个词元。</translation>
    </message>
    <message>
        <source>Use the tokenizer saved with the LoRA (--tokenizer that LoRA folder).</source>
        <translation>请使用与 LoRA 一起保存的分词器（--tokenizer 指定该 LoRA 文件夹）。</translation>
    </message>
    <message>
        <source>{out}: exists and is a file.</source>
        <translation>{out}：已存在且是文件。</translation>
    </message>
    <message>
        <source>Give --out a folder.</source>
        <translation>请为 --out 指定一个文件夹。</translation>
    </message>
    <message>
        <source>{out}: holds checkpoints of an earlier run.</source>
        <translation>{out}：包含之前运行的检查点。</translation>
    </message>
    <message>
        <source>Add --resume to continue it, or choose another --out folder.</source>
        <translation>加上 --resume 继续，或选择其他 --out 文件夹。</translation>
    </message>
    <message>
        <source>training checkpoints and the LoRA</source>
        <translation>训练检查点和 LoRA</translation>
    </message>
    <message>
        <source>Free up space, or give --out a folder on another disk.</source>
        <translation>请释放空间，或为 --out 指定其他磁盘上的文件夹。</translation>
    </message>
    <message>
        <source>{path}: no such file or folder.</source>
        <translation>{path}：没有这个文件或文件夹。</translation>
    </message>
    <message>
        <source>Give --data a data file or a folder of them.</source>
        <translation>请为 --data 指定数据文件或包含数据文件的文件夹。</translation>
    </message>
    <message>
        <source>{path}: the folder holds no {suffix} files.</source>
        <translation>{path}：文件夹中没有 {suffix} 文件。</translation>
    </message>
    <message>
        <source>SFT reads Alpaca-format .json files, PT reads .txt files (one example a line).</source>
        <translation>SFT 读取 Alpaca 格式的 .json 文件，PT 读取 .txt 文件（每行一个样本）。</translation>
    </message>
    <message>
        <source>{path}: not UTF-8 text ({reason} at byte {start}).</source>
        <translation>{path}：不是 UTF-8 文本（第 {start} 字节处 {reason}）。</translation>
    </message>
    <message>
        <source>Save it as UTF-8.</source>
        <translation>请将其保存为 UTF-8。</translation>
    </message>
    <message>
        <source>{path}: not valid JSON (line {lineno}, column {colno}: {msg}).</source>
        <translation>{path}：不是有效的 JSON（第 {lineno} 行，第 {colno} 列：{msg}）。</translation>
    </message>
    <message>
        <source>{path}: holds no records.</source>
        <translation>{path}：没有记录。</translation>
    </message>
    <message>
        <source>{path}: record {i} is not an object.</source>
        <translation>{path}：记录 {i} 不是对象。</translation>
    </message>
    <message>
        <source>{path}: record {i} has no &quot;{key}&quot; (it has {rec}).</source>
        <translation>{path}：记录 {i} 没有 &quot;{key}&quot;（它有 {rec}）。</translation>
    </message>
    <message>
        <source>Each record needs &quot;instruction&quot; and &quot;output&quot;; &quot;input&quot; may be empty.</source>
        <translation>每条记录需要 &quot;instruction&quot; 和 &quot;output&quot;；&quot;input&quot; 可以为空。</translation>
    </message>
    <message>
        <source>{path}: record {i}: &quot;{key}&quot; is not a string.</source>
        <translation>{path}：记录 {i}：&quot;{key}&quot; 不是字符串。</translation>
    </message>
    <message>
        <source>Fix that record.</source>
        <translation>请修正该记录。</translation>
    </message>
    <message>
        <source>{path}: record {i}: &quot;input&quot; is not a string.</source>
        <translation>{path}：记录 {i}：&quot;input&quot; 不是字符串。</translation>
    </message>
    <message>
        <source>{f}: the file is empty.</source>
        <translation>{f}：文件为空。</translation>
    </message>
    <message>
        <source>PT data is plain text, one example a line.</source>
        <translation>PT 数据是纯文本，每行一个样本。</translation>
    </message>
    <message>
        <source>Tokenizing {name}</source>
        <translation>正在对 {name} 分词</translation>
    </message>
    <message>
        <source>Unknown training mode {mode}.</source>
        <translation>未知的训练模式 {mode}。</translation>
    </message>
    <message>
        <source>Use &apos;sft&apos; or &apos;pt&apos;.</source>
        <translation>请使用 &apos;sft&apos; 或 &apos;pt&apos;。</translation>
    </message>
    <message>
        <source>{base}: no such model folder.</source>
        <translation>{base}：没有这个模型文件夹。</translation>
    </message>
    <message>
        <source>Give --base an HF-format LLaMA folder.</source>
        <translation>请为 --base 指定 HF 格式的 LLaMA 文件夹。</translation>
    </message>
    <message>
        <source>--qlora needs an NVIDIA GPU with CUDA and the bitsandbytes package; this computer trains on {value}{value2}.</source>
        <translation>--qlora 需要带 CUDA 的 NVIDIA GPU 和 bitsandbytes 包；这台电脑在 {value}{value2} 上训练。</translation>
    </message>
    <message>
        <source>Train without --qlora, or install bitsandbytes on a CUDA machine.</source>
        <translation>请不用 --qlora 训练，或在 CUDA 机器上安装 bitsandbytes。</translation>
    </message>
    <message>
        <source>{ckdir}: no checkpoint to resume from.</source>
        <translation>{ckdir}：没有可继续的检查点。</translation>
    </message>
    <message>
        <source>Start without --resume.</source>
        <translation>请不加 --resume 开始。</translation>
    </message>
    <message>
        <source>Tokenizing the data</source>
        <translation>正在对数据分词</translation>
    </message>
    <message>
        <source>{data}: no training records (PT: the text is shorter than one block of {length} tokens).</source>
        <translation>{data}：没有训练记录（PT：文本短于一个 {length} 词元的块）。</translation>
    </message>
    <message>
        <source>Add more data or lower --block-size.</source>
        <translation>请添加更多数据，或调小 --block-size。</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>正在加载模型</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>write {what} to</source>
        <translation>将 {what} 写入</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Not enough disk space for {what}: it needs {needed}, {free} is free on {where} (short by {short}).</source>
        <translation>{what} 所需的磁盘空间不足：需要 {needed}，{where} 上仅剩 {free}（还差 {short}）。</translation>
    </message>
    <message>
        <source>Free up space, or choose a folder on another disk.</source>
        <translation>请释放空间，或选择其他磁盘上的文件夹。</translation>
    </message>
    <message>
        <source>The model returned non-finite scores (inf or NaN) for the answer letters.</source>
        <translation>模型为答案字母给出了非有限的分数（inf 或 NaN）。</translation>
    </message>
    <message>
        <source>The model file is damaged or its weights overflow in this precision; try an F16/F32 or another quantization.</source>
        <translation>模型文件已损坏，或其权重在此精度下溢出；请尝试 F16/F32 或其他量化类型。</translation>
    </message>
    <message>
        <source>C-Eval file not found: {path}.</source>
        <translation>找不到 C-Eval 文件：{path}。</translation>
    </message>
    <message>
        <source>Point --data at the unzipped ceval-exam folder (it holds dev/, val/ and test/).</source>
        <translation>请将 --data 指向解压后的 ceval-exam 文件夹（其中包含 dev/、val/ 和 test/）。</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text.</source>
        <translation>{path} 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>Use the CSV files from the official ceval-exam.zip.</source>
        <translation>请使用官方 ceval-exam.zip 中的 CSV 文件。</translation>
    </message>
    <message>
        <source>{path} is not a readable CSV file: {error}.</source>
        <translation>{path} 不是可读取的 CSV 文件：{error}。</translation>
    </message>
    <message>
        <source>{path} is empty.</source>
        <translation>{path} 是空的。</translation>
    </message>
    <message>
        <source>{path}, row {n}: {fields} fields where the header has {header}.</source>
        <translation>{path}，第 {n} 行：有 {fields} 个字段，而表头有 {header} 个。</translation>
    </message>
    <message>
        <source>The file is damaged; unzip ceval-exam.zip again.</source>
        <translation>文件已损坏；请重新解压 ceval-exam.zip。</translation>
    </message>
    <message>
        <source>{path}: missing column(s) {columns}.</source>
        <translation>{path}：缺少列 {columns}。</translation>
    </message>
    <message>
        <source>C-Eval files have the columns id,question,A,B,C,D,answer (no answer in test/).</source>
        <translation>C-Eval 文件应包含 id,question,A,B,C,D,answer 列（test/ 中没有 answer）。</translation>
    </message>
    <message>
        <source>{path}, row {n}: answer {answer} is not one of A, B, C, D.</source>
        <translation>{path}，第 {n} 行：答案 {answer} 不是 A、B、C、D 之一。</translation>
    </message>
    <message>
        <source>Fix the row, or unzip ceval-exam.zip again.</source>
        <translation>请修正该行，或重新解压 ceval-exam.zip。</translation>
    </message>
    <message>
        <source>Unknown split {split}.</source>
        <translation>未知的数据划分 {split}。</translation>
    </message>
    <message>
        <source>Use val (with answers, scored) or test (for submission).</source>
        <translation>请使用 val（有答案，可计分）或 test（用于提交）。</translation>
    </message>
    <message>
        <source>C-Eval data folder not found: {path}.</source>
        <translation>找不到 C-Eval 数据文件夹：{path}。</translation>
    </message>
    <message>
        <source>Download ceval-exam.zip (Hugging Face / hf-mirror / ModelScope: ceval/ceval-exam), unzip it, and pass the folder that holds dev/, val/ and test/.</source>
        <translation>请下载 ceval-exam.zip（Hugging Face / hf-mirror / ModelScope：ceval/ceval-exam），解压后指定包含 dev/、val/ 和 test/ 的文件夹。</translation>
    </message>
    <message>
        <source>{path} has no {split}/ folder.</source>
        <translation>{path} 中没有 {split}/ 文件夹。</translation>
    </message>
    <message>
        <source>Pass the unzipped ceval-exam folder: it holds dev/, val/ and test/.</source>
        <translation>请指定解压后的 ceval-exam 文件夹：其中包含 dev/、val/ 和 test/。</translation>
    </message>
    <message>
        <source>C-Eval file not found: {path} (and {n} more).</source>
        <translation>找不到 C-Eval 文件：{path}（另有 {n} 个）。</translation>
    </message>
    <message>
        <source>Unzip the complete ceval-exam.zip there, or choose fewer subjects.</source>
        <translation>请将完整的 ceval-exam.zip 解压到那里，或少选一些科目。</translation>
    </message>
    <message>
        <source>ceval-exam.zip cannot be downloaded from {source} by the app.</source>
        <translation>本应用无法从 {source} 下载 ceval-exam.zip。</translation>
    </message>
    <message>
        <source>Use {sources}, or download it from {page} and unzip it.</source>
        <translation>请使用 {sources}，或从 {page} 手动下载并解压。</translation>
    </message>
    <message>
        <source>{name} holds an unsafe path {path}.</source>
        <translation>{name} 中包含不安全的路径 {path}。</translation>
    </message>
    <message>
        <source>Download the official ceval-exam.zip again.</source>
        <translation>请重新下载官方 ceval-exam.zip。</translation>
    </message>
    <message>
        <source>{name} has no dev/ and val/ folders.</source>
        <translation>{name} 中没有 dev/ 和 val/ 文件夹。</translation>
    </message>
    <message>
        <source>Download the official ceval-exam.zip (dataset ceval/ceval-exam).</source>
        <translation>请下载官方 ceval-exam.zip（数据集 ceval/ceval-exam）。</translation>
    </message>
    <message>
        <source>{path} is not a complete zip file.</source>
        <translation>{path} 不是完整的 zip 文件。</translation>
    </message>
    <message>
        <source>Download ceval-exam.zip again.</source>
        <translation>请重新下载 ceval-exam.zip。</translation>
    </message>
    <message>
        <source>Unpacking ceval-exam.zip</source>
        <translation>正在解压 ceval-exam.zip</translation>
    </message>
    <message>
        <source>Did you mean {name}?</source>
        <translation>您是指 {name} 吗？</translation>
    </message>
    <message>
        <source>Use subject keys such as computer_network, a group (STEM, &apos;Social Science&apos;, Humanities, Other) or all.</source>
        <translation>请使用科目键（如 computer_network）、类别（STEM、&apos;Social Science&apos;、Humanities、Other）或 all。</translation>
    </message>
    <message>
        <source>Unknown C-Eval subject {name}.</source>
        <translation>未知的 C-Eval 科目 {name}。</translation>
    </message>
    <message>
        <source>llama.cpp could not load {name} ({error}).</source>
        <translation>llama.cpp 无法加载 {name}（{error}）。</translation>
    </message>
    <message>
        <source>Convert the model again; if it keeps failing, report the log.</source>
        <translation>请重新转换模型；如果仍然失败，请提交日志。</translation>
    </message>
    <message>
        <source>llama.cpp returned logits of shape {got}, transformers {expected}.</source>
        <translation>llama.cpp 返回的 logits 形状为 {got}，而 transformers 为 {expected}。</translation>
    </message>
    <message>
        <source>The GGUF vocabulary does not match the model; convert it again.</source>
        <translation>GGUF 词表与模型不一致；请重新转换。</translation>
    </message>
    <message>
        <source>The perplexity text is too short.</source>
        <translation>用于计算困惑度的文本太短。</translation>
    </message>
    <message>
        <source>Use a text of at least a few sentences.</source>
        <translation>请使用至少包含几句话的文本。</translation>
    </message>
    <message>
        <source>Perplexity of {name}</source>
        <translation>{name} 的困惑度</translation>
    </message>
    <message>
        <source>Loading the GGUF in llama.cpp</source>
        <translation>正在用 llama.cpp 加载 GGUF</translation>
    </message>
    <message>
        <source>Comparing tokenizers</source>
        <translation>正在比较分词器</translation>
    </message>
    <message>
        <source>Logits were not compared: a float32 transformers copy of this model does not fit in the free memory.</source>
        <translation>未比较 logits：该模型的 float32 transformers 副本超出了可用内存。</translation>
    </message>
    <message>
        <source>Comparing logits with transformers</source>
        <translation>正在与 transformers 比较 logits</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <source>The model host has been shut down.</source>
        <translation>模型宿主已关闭。</translation>
    </message>
    <message>
        <source>Restart the application.</source>
        <translation>请重新启动应用。</translation>
    </message>
    <message>
        <source>The model is busy: {n} requests are already waiting.</source>
        <translation>模型正忙：已有 {n} 个请求在等待。</translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation>请稍后再试。</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>请先加载模型。</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>Choose a folder you are allowed to write to (for example one in your home folder), or change the permissions of {path}.</source>
        <translation>请选择有写入权限的文件夹（例如主目录下的文件夹），或更改 {path} 的权限。</translation>
    </message>
    <message>
        <source>the operating system does not allow it</source>
        <translation>操作系统不允许此操作</translation>
    </message>
    <message>
        <source>Choose a folder in your home folder or on a data disk.</source>
        <translation>请选择主目录或数据盘中的文件夹。</translation>
    </message>
    <message>
        <source>the disk it is on is read-only</source>
        <translation>所在磁盘为只读</translation>
    </message>
    <message>
        <source>Choose a folder on a writable disk (a read-only mount, DVD or locked drive cannot hold it).</source>
        <translation>请选择可写磁盘上的文件夹（只读挂载、光盘或已锁定的驱动器无法保存）。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>Free some space on that disk, or choose a folder on a disk with more free space.</source>
        <translation>请释放该磁盘上的空间，或选择剩余空间更多的磁盘上的文件夹。</translation>
    </message>
    <message>
        <source>your disk quota is used up</source>
        <translation>您的磁盘配额已用完</translation>
    </message>
    <message>
        <source>Delete files you no longer need, or choose a folder outside your quota.</source>
        <translation>请删除不再需要的文件，或选择配额之外的文件夹。</translation>
    </message>
    <message>
        <source>something with that name already exists</source>
        <translation>同名项目已存在</translation>
    </message>
    <message>
        <source>Choose another name, or move the existing {kind} out of the way.</source>
        <translation>请换一个名称，或将已有的{kind}移走。</translation>
    </message>
    <message>
        <source>a part of this path is a file, not a folder</source>
        <translation>路径中的某一部分是文件，而不是文件夹</translation>
    </message>
    <message>
        <source>Choose another location, or rename the file that is in the way.</source>
        <translation>请选择其他位置，或重命名挡路的文件。</translation>
    </message>
    <message>
        <source>it is a folder, where a file is expected</source>
        <translation>这里需要文件，但它是一个文件夹</translation>
    </message>
    <message>
        <source>Give a file name (for example model.gguf) rather than a folder.</source>
        <translation>请给出文件名（例如 model.gguf），而不是文件夹。</translation>
    </message>
    <message>
        <source>it, or a folder on the way to it, does not exist or cannot hold files</source>
        <translation>它或其上级文件夹不存在，或无法存放文件</translation>
    </message>
    <message>
        <source>Choose an existing folder on a normal disk.</source>
        <translation>请选择普通磁盘上已存在的文件夹。</translation>
    </message>
    <message>
        <source>the name is too long for this file system</source>
        <translation>名称对此文件系统来说太长</translation>
    </message>
    <message>
        <source>Choose a shorter name, or a folder with a shorter path.</source>
        <translation>请使用更短的名称，或路径更短的文件夹。</translation>
    </message>
    <message>
        <source>too many files are open</source>
        <translation>打开的文件过多</translation>
    </message>
    <message>
        <source>Close other programs or jobs and try again.</source>
        <translation>请关闭其他程序或任务后重试。</translation>
    </message>
    <message>
        <source>the disk reported a read/write error</source>
        <translation>磁盘报告了读写错误</translation>
    </message>
    <message>
        <source>Check the disk (and its cable or network connection), then try again.</source>
        <translation>请检查磁盘（及其数据线或网络连接），然后重试。</translation>
    </message>
    <message>
        <source>the folder is not empty</source>
        <translation>文件夹不为空</translation>
    </message>
    <message>
        <source>Choose an empty or new folder, or remove what is in it.</source>
        <translation>请选择空文件夹或新文件夹，或清空其中的内容。</translation>
    </message>
    <message>
        <source>Check the path and the disk, then try again.</source>
        <translation>请检查路径和磁盘，然后重试。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>there is a file with that name where a folder is needed</source>
        <translation>此处需要文件夹，但已有同名文件</translation>
    </message>
    <message>
        <source>it</source>
        <translation>该位置</translation>
    </message>
    <message>
        <source>Cannot {action} {path}: {problem}.</source>
        <translation>无法{action} {path}：{problem}。</translation>
    </message>
    <message>
        <source>Cannot {action}: {problem}.</source>
        <translation>无法{action}：{problem}。</translation>
    </message>
    <message>
        <source>{path}: {problem}.</source>
        <translation>{path}：{problem}。</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}。</translation>
    </message>
</context>
</TS>
