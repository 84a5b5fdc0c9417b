<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name>ModelDetails</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Published SHA256</source>
        <translation>公布的 SHA256</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Verify files</source>
        <translation>校验文件</translation>
    </message>
    <message>
        <source>Files and published hashes</source>
        <translation>文件与公布的哈希值</translation>
    </message>
    <message>
        <source>Instruction model (ChatGPT-like): questions, writing, advice and multi-turn chat. It expects the Alpaca prompt template, which Alpaca Studio applies for you.</source>
        <translation>指令模型（类 ChatGPT）：问答、写作、建议与多轮对话。需要 Alpaca 提示模板，Alpaca Studio 会自动套用。</translation>
    </message>
    <message>
        <source>Pro fixes the too-short answers of the Plus version.</source>
        <translation>Pro 版改进了 Plus 版回复过短的问题。</translation>
    </message>
    <message>
        <source>Prefer the Pro version unless you want short answers.</source>
        <translation>除非偏好短回复，否则请优先使用 Pro 版。</translation>
    </message>
    <message>
        <source>Base model for text continuation: give it the start of a text and it writes on. Not meant for instructions or chat; without a stop it writes until the length limit.</source>
        <translation>用于文本续写的基座模型：给出上文，模型续写下文。不适合指令理解或聊天；若不控制终止，会一直写到长度上限。</translation>
    </message>
    <message>
        <source>Legacy model: superseded by the Plus/Pro models, still useful in some cases.</source>
        <translation>旧版模型：已被 Plus/Pro 取代，特定场景下仍可能有用。</translation>
    </message>
    <message>
        <source>⚠ {base} registered despite other hashes: {path}</source>
        <translation>⚠ {base} 已登记（哈希不一致）：{path}</translation>
    </message>
    <message>
        <source>✓ {base} registered: {path}</source>
        <translation>✓ 已登记 {base}：{path}</translation>
    </message>
    <message>
        <source>✗ Not registered yet: add your own copy.</source>
        <translation>✗ 尚未登记：请添加您自己的副本。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Needs&lt;/b&gt; the original {base}. {status}</source>
        <translation>&lt;b&gt;需要&lt;/b&gt;原版 {base}。{status}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Merge order:&lt;/b&gt; {chain}</source>
        <translation>&lt;b&gt;合并顺序：&lt;/b&gt;{chain}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Disk:&lt;/b&gt; about {disk} (LoRA {lora}, merged FP16 {fp16}, 4-bit GGUF {q4}).</source>
        <translation>&lt;b&gt;磁盘：&lt;/b&gt;约 {disk}（LoRA {lora}，合并后 FP16 {fp16}，4-bit GGUF {q4}）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Memory:&lt;/b&gt; {q4} to chat with the 4-bit model, {q8} at 8-bit, {fp16} at FP16.</source>
        <translation>&lt;b&gt;内存：&lt;/b&gt;4-bit 模型对话需 {q4}，8-bit 需 {q8}，FP16 需 {fp16}。</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>未下载</translation>
    </message>
    <message>
        <source>Partly downloaded ({size}); resume to finish</source>
        <translation>已部分下载（{size}）；继续下载即可完成</translation>
    </message>
    <message>
        <source>Downloaded, not verified yet</source>
        <translation>已下载，尚未校验</translation>
    </message>
    <message>
        <source>✓ Downloaded and verified</source>
        <translation>✓ 已下载并校验</translation>
    </message>
    <message>
        <source>✗ Failed: {why}</source>
        <translation>✗ 失败：{why}</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>原因不明</translation>
    </message>
    <message>
        <source>Merged: {path}</source>
        <translation>已合并：{path}</translation>
    </message>
    <message>
        <source>Converted to GGUF ({type}), not quantized yet: {path}</source>
        <translation>已转换为 GGUF（{type}），尚未量化：{path}</translation>
    </message>
    <message>
        <source>Quantized: {path}</source>
        <translation>已量化：{path}</translation>
    </message>
    <message>
        <source>instruction model</source>
        <translation>指令模型</translation>
    </message>
    <message>
        <source>base model</source>
        <translation>基座模型</translation>
    </message>
    <message>
        <source>{amount} of general text</source>
        <translation>通用语料 {amount}</translation>
    </message>
    <message>
        <source>{amount} instructions</source>
        <translation>指令数据 {amount}</translation>
    </message>
    <message>
        <source>{kind} · {size} · LoRA {lora} · vocabulary {vocab} · trained on {data}</source>
        <translation>{kind} · {size} · LoRA {lora} · 词表 {vocab} · 训练数据 {data}</translation>
    </message>
    <message>
        <source>⚠ The registered {base} differs from the published SHA256 ({files}). It was registered anyway; a model merged from it may be broken.</source>
        <translation>⚠ 已登记的 {base} 与公布的 SHA256 不一致（{files}）。它是在不一致的情况下仍被登记的；由它合并出的模型可能有问题。</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未校验</translation>
    </message>
    <message>
        <source>present</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Resume download</source>
        <translation>继续下载</translation>
    </message>
    <message>
        <source>Download again</source>
        <translation>重新下载</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>(legacy)</source>
        <translation>（旧版）</translation>
    </message>
    <message>
        <source>Instruction (chat)</source>
        <translation>指令（对话）</translation>
    </message>
    <message>
        <source>Base (continuation)</source>
        <translation>基座（续写）</translation>
    </message>
    <message>
        <source>Reading the models folder…</source>
        <translation>正在读取模型文件夹…</translation>
    </message>
    <message>
        <source>Downloading {details}</source>
        <translation>正在下载 {details}</translation>
    </message>
    <message>
        <source>Paused (partly downloaded)</source>
        <translation>已暂停（部分下载）</translation>
    </message>
    <message>
        <source>Downloaded (not verified)</source>
        <translation>已下载（未校验）</translation>
    </message>
    <message>
        <source>✓ Verified</source>
        <translation>✓ 已校验</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ 失败</translation>
    </message>
    <message>
        <source>✓ Merged</source>
        <translation>✓ 已合并</translation>
    </message>
    <message>
        <source>✓ Converted to GGUF ({type})</source>
        <translation>✓ 已转换为 GGUF（{type}）</translation>
    </message>
    <message>
        <source>✓ Quantized</source>
        <translation>✓ 已量化</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>未下载</translation>
    </message>
    <message>
        <source>✓ matches the published SHA256</source>
        <translation>✓ 与公布的 SHA256 一致</translation>
    </message>
    <message>
        <source>⚠ differs from the published SHA256, registered anyway</source>
        <translation>⚠ 与公布的 SHA256 不一致，已仍然登记</translation>
    </message>
    <message>
        <source>no published SHA256 for these files</source>
        <translation>这些文件没有公布的 SHA256</translation>
    </message>
    <message>
        <source>Base LLaMA: {list}</source>
        <translation>原版 LLaMA：{list}</translation>
    </message>
    <message>
        <source>No base LLaMA registered yet. The LoRAs are patches: they need your copy of the original LLaMA to merge into.</source>
        <translation>尚未登记原版 LLaMA。LoRA 只是“补丁”，需要与您自己的原版 LLaMA 合并才能使用。</translation>
    </message>
    <message>
        <source>Chat…</source>
        <translation>对话…</translation>
    </message>
    <message>
        <source>Quantize…</source>
        <translation>量化…</translation>
    </message>
    <message>
        <source>Download {name} (merged first)…</source>
        <translation>下载 {name}（需先合并）…</translation>
    </message>
    <message>
        <source>Add {base}…</source>
        <translation>添加 {base}…</translation>
    </message>
    <message>
        <source>Merge with {base}…</source>
        <translation>与 {base} 合并…</translation>
    </message>
    <message>
        <source>Download {name}</source>
        <translation>下载 {name}</translation>
    </message>
    <message>
        <source>{name} downloaded: {summary}</source>
        <translation>{name} 已下载：{summary}</translation>
    </message>
    <message>
        <source>{n} file(s): {ok} verified, {bad} mismatched, {unknown} unknown</source>
        <translation>共 {n} 个文件：{ok} 个校验通过，{bad} 个不一致，{unknown} 个未知</translation>
    </message>
    <message>
        <source>Verify {what}</source>
        <translation>校验 {what}</translation>
    </message>
    <message>
        <source>Choose a folder to verify</source>
        <translation>选择要校验的文件夹</translation>
    </message>
    <message>
        <source>Add base LLaMA {name}</source>
        <translation>添加原版 LLaMA {name}</translation>
    </message>
    <message>
        <source>Registered {name} ({status})</source>
        <translation>已登记 {name}（{status}）</translation>
    </message>
    <message>
        <source>Detected LLaMA-{size}: used for the {size} models.</source>
        <translation>检测到 LLaMA-{size}：用于 {size} 模型。</translation>
    </message>
    <message>
        <source>{name}: its shapes could not be read, so it is not used for any model.</source>
        <translation>{name}：无法读取其形状，因此不会用于任何模型。</translation>
    </message>
    <message>
        <source>{name}: not a {sizes} LLaMA (hidden size {hidden}, {layers} layers; the originals have {known}). The catalog&apos;s LoRAs are made for those sizes, so it is not used as the base of any model; choose it by hand on the Merge page for your own LoRAs.</source>
        <translation>{name}：不是 {sizes} 的 LLaMA（隐藏层大小 {hidden}，{layers} 层；原版为 {known}）。目录中的 LoRA 都是为这些尺寸制作的，因此它不会被用作任何模型的基础模型；如需合并你自己的 LoRA，请在“合并”页面手动选择它。</translation>
    </message>
    <message>
        <source>The base LLaMA differs from the published files</source>
        <translation>基础 LLaMA 与公布的文件不一致</translation>
    </message>
    <message>
        <source>{folder} does not match the published SHA256:</source>
        <translation>{folder} 与公布的 SHA256 不一致：</translation>
    </message>
    <message>
        <source>{file} ({entry})
expected {expected}
found {actual}</source>
        <translation>{file}（{entry}）
应为 {expected}
实际 {actual}</translation>
    </message>
    <message>
        <source>The file may be damaged or a different conversion, and a model merged from it may be broken. Register it anyway only if you know why it differs.</source>
        <translation>该文件可能已损坏或是另一种转换结果，由它合并出的模型可能有问题。只有在您清楚差异原因时才选择仍然登记。</translation>
    </message>
    <message>
        <source>Register anyway</source>
        <translation>仍然登记</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Remove base LLaMA</source>
        <translation>移除基础 LLaMA</translation>
    </message>
    <message>
        <source>Remove {name} from the list?</source>
        <translation>从列表中移除 {name}？</translation>
    </message>
    <message>
        <source>Alpaca Studio only forgets this registration: the files in {path} are not deleted, and you can add the folder again later.</source>
        <translation>Alpaca Studio 只会取消这条登记：{path} 中的文件不会被删除，之后也可以再次添加该文件夹。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Forgot the base LLaMA in {path}; its files were left in place.</source>
        <translation>已取消登记 {path} 中的基础 LLaMA；其文件保持原样。</translation>
    </message>
    <message>
        <source>Choose the original LLaMA folder</source>
        <translation>选择原版 LLaMA 文件夹</translation>
    </message>
</context>
<context>
    <name>ModelsView</name>
    <message>
        <source>All families</source>
        <translation>全部系列</translation>
    </message>
    <message>
        <source>Chinese-LLaMA (base)</source>
        <translation>Chinese-LLaMA（基座）</translation>
    </message>
    <message>
        <source>Chinese-Alpaca (chat)</source>
        <translation>Chinese-Alpaca（对话）</translation>
    </message>
    <message>
        <source>All sizes</source>
        <translation>全部规模</translation>
    </message>
    <message>
        <source>Show legacy models</source>
        <translation>显示旧版模型</translation>
    </message>
    <message>
        <source>Models the upstream project no longer recommends</source>
        <translation>上游项目已不再推荐的模型</translation>
    </message>
    <message>
        <source>Hugging Face</source>
        <translation>Hugging Face</translation>
    </message>
    <message>
        <source>hf-mirror (mainland China)</source>
        <translation>hf-mirror（中国大陆）</translation>
    </message>
    <message>
        <source>ModelScope</source>
        <translation>ModelScope（魔搭）</translation>
    </message>
    <message>
        <source>Mirror URL (optional)</source>
        <translation>镜像地址（可选）</translation>
    </message>
    <message>
        <source>Base URL of a mirror with the same layout as the chosen source</source>
        <translation>与所选下载源目录结构相同的镜像的基础地址</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Download the selected model (Ctrl+D)</source>
        <translation>下载所选模型（Ctrl+D）</translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>校验…</translation>
    </message>
    <message>
        <source>Check any folder of model files against the published SHA256 (Ctrl+Shift+V)</source>
        <translation>将任意文件夹中的模型文件与公布的 SHA256 比对（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <source>Add local base LLaMA…</source>
        <translation>添加本地原版 LLaMA…</translation>
    </message>
    <message>
        <source>Meta consolidated.*.pth + params.json, or an HF-format LLaMA folder</source>
        <translation>Meta 的 consolidated.*.pth + params.json，或 HF 格式的 LLaMA 文件夹</translation>
    </message>
    <message>
        <source>Remove base LLaMA…</source>
        <translation>移除基础 LLaMA…</translation>
    </message>
    <message>
        <source>Forget a registered base LLaMA; its files are not deleted</source>
        <translation>取消登记一个基础 LLaMA；不会删除它的文件</translation>
    </message>
    <message>
        <source>Verification results</source>
        <translation>校验结果</translation>
    </message>
    <message>
        <source>Download from</source>
        <translation>下载源</translation>
    </message>
</context>
<context>
    <name>VerifyResults</name>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Matches {entry}</source>
        <translation>与 {entry} 一致</translation>
    </message>
    <message>
        <source>Does not match {entry}: expected {expected}, got {actual}</source>
        <translation>与 {entry} 不一致：应为 {expected}，实为 {actual}</translation>
    </message>
    <message>
        <source>No published hash (SHA256 {sha})</source>
        <translation>无公布的哈希值（SHA256 {sha}）</translation>
    </message>
</context>
</TS>
