<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name>ChatController</name>
    <message>
        <source>Load a model first: pick one above and press Load.</source>
        <translation>请先加载模型：在上方选择一个并点击“加载”。</translation>
    </message>
    <message>
        <source>Chat reply</source>
        <translation>对话回复</translation>
    </message>
    <message>
        <source>{n} older message(s) no longer fit in the model&apos;s context and were left out of this reply. The system prompt is kept.</source>
        <translation>有 {n} 条较早的消息超出模型上下文，本次回复未使用它们。系统提示词会保留。</translation>
    </message>
    <message>
        <source>{rate:.1f} tokens/s · first token {ttft:.2f} s · {n} tokens</source>
        <translation>{rate:.1f} token/秒 · 首个 token {ttft:.2f} 秒 · {n} 个 token</translation>
    </message>
    <message>
        <source>Loading failed: {reason}</source>
        <translation>加载失败：{reason}</translation>
    </message>
</context>
<context>
    <name>ChatList</name>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>开始新对话 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import a chat exported as JSON</source>
        <translation>导入以 JSON 导出的对话</translation>
    </message>
    <message>
        <source>Search chats (Ctrl+F)</source>
        <translation>搜索对话 (Ctrl+F)</translation>
    </message>
    <message>
        <source>No chats yet.</source>
        <translation>还没有对话。</translation>
    </message>
    <message>
        <source>No chat contains “{text}”.</source>
        <translation>没有对话包含“{text}”。</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Models ready to chat: GGUF files and merged models in your models folder, and models you opened before</source>
        <translation>可以对话的模型：模型文件夹中的 GGUF 文件和合并后的模型，以及之前打开过的模型</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>GGUF file…</source>
        <translation>GGUF 文件…</translation>
    </message>
    <message>
        <source>Hugging Face model folder…</source>
        <translation>Hugging Face 模型文件夹…</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Unload</source>
        <translation>卸载</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Show or hide the chat settings (Ctrl+Shift+S)</source>
        <translation>显示或隐藏对话设置 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>复制代码</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Type a message. Enter sends, Shift+Enter adds a line.</source>
        <translation>输入消息。Enter 发送，Shift+Enter 换行。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the reply (Esc); what was written is kept</source>
        <translation>停止回复 (Esc)；已生成的内容会保留</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Answer the last message again; the old answer is kept (Ctrl+R)</source>
        <translation>重新回答最后一条消息；旧回答会保留 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continue an answer that was cut off</source>
        <translation>继续被截断的回答</translation>
    </message>
    <message>
        <source>Context %v / %m</source>
        <translation>上下文 %v / %m</translation>
    </message>
    <message>
        <source>How much of the model&apos;s context the conversation fills (tokens)</source>
        <translation>对话占用了模型上下文的多少（token）</translation>
    </message>
    <message>
        <source>Chat with a model</source>
        <translation>与模型对话</translation>
    </message>
    <message>
        <source>Go to the Models page</source>
        <translation>前往模型页面</translation>
    </message>
    <message>
        <source>Try the starter model (English-only demo)</source>
        <translation>试用入门模型（仅英文演示）</translation>
    </message>
    <message>
        <source>Open a model…</source>
        <translation>打开模型…</translation>
    </message>
</context>
<context>
    <name>ChatsMixin</name>
    <message>
        <source>{rate:.1f} tokens/s</source>
        <translation>{rate:.1f} token/秒</translation>
    </message>
    <message>
        <source>{n} tokens</source>
        <translation>{n} 个 token</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>cut off (Continue to go on)</source>
        <translation>已截断（点击“继续”接着生成）</translation>
    </message>
    <message>
        <source>Rename chat</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation>已删除“{title}”。</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Import a chat</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Editing an earlier message: Send makes a new branch, the old one is kept (Esc cancels).</source>
        <translation>正在编辑之前的消息：发送后会创建新分支，旧分支会保留（Esc 取消）。</translation>
    </message>
</context>
<context>
    <name>ModelsMixin</name>
    <message>
        <source>SmolLM2-135M-Instruct (English-only demo)</source>
        <translation>SmolLM2-135M-Instruct（仅英文演示）</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>还没有模型</translation>
    </message>
    <message>
        <source>Pick a model above and press Load, or open any GGUF file or Hugging Face folder.</source>
        <translation>在上方选择模型并点击“加载”，或打开任意 GGUF 文件或 Hugging Face 文件夹。</translation>
    </message>
    <message>
        <source>You have no Chinese-LLaMA/Alpaca model yet. Get one on the Models page (download, merge, quantize), or try the app now with a small English-only starter model.</source>
        <translation>你还没有 Chinese-LLaMA/Alpaca 模型。请在模型页面获取（下载、合并、量化），或者现在用一个小型的仅英文入门模型试用本应用。</translation>
    </message>
    <message>
        <source>You have no model yet. Get a Chinese-Alpaca model on the Models page (download, merge, quantize), or open any GGUF file or Hugging Face folder.</source>
        <translation>你还没有模型。请在模型页面获取 Chinese-Alpaca 模型（下载、合并、量化），或打开任意 GGUF 文件或 Hugging Face 文件夹。</translation>
    </message>
    <message>
        <source>On the CPU only ({n} layers).</source>
        <translation>仅在 CPU 上运行（{n} 层）。</translation>
    </message>
    <message>
        <source>About {vram} of GPU memory for {k} of {n} layers.</source>
        <translation>{n} 层中的 {k} 层约需 {vram} 显存。</translation>
    </message>
    <message>
        <source>Open a GGUF model</source>
        <translation>打开 GGUF 模型</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>打开 Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <source>Wait for the reply to finish (or stop it) before changing the model.</source>
        <translation>请等待回复完成（或停止回复）后再更换模型。</translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation>正在加载 {name}…</translation>
    </message>
    <message>
        <source>Loading cancelled.</source>
        <translation>已取消加载。</translation>
    </message>
    <message>
        <source>{progress} · memory in use {rss}</source>
        <translation>{progress} · 已用内存 {rss}</translation>
    </message>
    <message>
        <source>Loading failed: {reason}</source>
        <translation>加载失败：{reason}</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>{name} · {kind} · {ctx} tokens</source>
        <translation>{name} · {kind} · {ctx} 个 token</translation>
    </message>
    <message>
        <source>(trained with {n})</source>
        <translation>（训练长度 {n}）</translation>
    </message>
    <message>
        <source>extended from {n} (RoPE scaling)</source>
        <translation>由 {n} 扩展（RoPE 缩放）</translation>
    </message>
    <message>
        <source>memory-mapped</source>
        <translation>内存映射</translation>
    </message>
    <message>
        <source>read into memory</source>
        <translation>读入内存</translation>
    </message>
    <message>
        <source>{name} was trained with a {trained}-token context; {chosen} tokens without long-context scaling garbles what lies past {trained}. Choose {trained} or less, or turn on Long context (NTK) in the settings.</source>
        <translation>{name} 训练时的上下文为 {trained} 词元；不开启长上下文缩放而使用 {chosen} 词元，超过 {trained} 的部分会变成乱码。请选择 {trained} 或更小，或在设置中开启“长上下文”（NTK）。</translation>
    </message>
    <message>
        <source>Base model: it continues your text rather than answering it. Use a Chinese-Alpaca model to chat.</source>
        <translation>基座模型：它会续写你的文字而不是回答。对话请使用 Chinese-Alpaca 模型。</translation>
    </message>
    <message>
        <source>This looks like a base model, not a chat model: it continues your text instead of answering it.</source>
        <translation>这看起来是基座模型而不是对话模型：它会续写你的文字而不是回答。</translation>
    </message>
    <message>
        <source>Template in use: {name}</source>
        <translation>当前模板：{name}</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Optional. For Alpaca it replaces the instruction header.</source>
        <translation>可选。对 Alpaca 模型，它会替换指令模板的开头说明。</translation>
    </message>
    <message>
        <source>Automatic (from the model)</source>
        <translation>自动（根据模型）</translation>
    </message>
    <message>
        <source>Chinese-Alpaca (upstream)</source>
        <translation>Chinese-Alpaca（上游模板）</translation>
    </message>
    <message>
        <source>Chinese-Alpaca (gradio demo multi-turn)</source>
        <translation>Chinese-Alpaca（gradio 演示多轮格式）</translation>
    </message>
    <message>
        <source>Base model (plain continuation)</source>
        <translation>基座模型（纯续写）</translation>
    </message>
    <message>
        <source>Chat template in the model</source>
        <translation>模型内置的对话模板</translation>
    </message>
    <message>
        <source>Custom (Jinja)…</source>
        <translation>自定义（Jinja）…</translation>
    </message>
    <message>
        <source>llama.cpp (upstream)</source>
        <translation>llama.cpp（上游）</translation>
    </message>
    <message>
        <source>inference_hf (upstream)</source>
        <translation>inference_hf（上游）</translation>
    </message>
    <message>
        <source>gradio demo (upstream)</source>
        <translation>gradio 演示（上游）</translation>
    </message>
    <message>
        <source>Precise (greedy)</source>
        <translation>精确（贪心）</translation>
    </message>
    <message>
        <source>Creative</source>
        <translation>创意</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>e.g. ### | User:</source>
        <translation>例如 ### | User:</translation>
    </message>
    <message>
        <source>Tokens the model reads at once. Above the length it was trained with, RoPE scaling stretches it (upstream: 8K with llama.cpp, 4K+ with transformers); quality may drop the further it goes.</source>
        <translation>模型一次读取的 token 数。超过训练长度时，RoPE 缩放会拉伸位置（上游：llama.cpp 可到 8K，transformers 可到 4K 以上）；拉得越长，质量可能越低。</translation>
    </message>
    <message>
        <source>NTK-aware (as upstream)</source>
        <translation>NTK 感知（同上游）</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>How positions are stretched when the context size is above the model&apos;s trained length (llama.cpp rope_freq_base / rope_freq_scale, transformers rope_scaling).</source>
        <translation>上下文长度超过模型训练长度时如何拉伸位置（llama.cpp rope_freq_base / rope_freq_scale，transformers rope_scaling）。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>As in Settings</source>
        <translation>同设置</translation>
    </message>
    <message>
        <source>Layers of this GGUF model that llama.cpp puts on the GPU (0: none). &apos;As in Settings&apos; follows the GPU switch on the Settings page (all layers or none). Remembered for each model.</source>
        <translation>llama.cpp 放到 GPU 上的此 GGUF 模型的层数（0：不放）。“同设置”跟随“设置”页面的 GPU 开关（全部层或不放）。每个模型分别记住。</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>最大生成 token 数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Stop strings</source>
        <translation>停止字符串</translation>
    </message>
    <message>
        <source>Model loading</source>
        <translation>模型加载</translation>
    </message>
    <message>
        <source>Context size</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <source>Long context</source>
        <translation>长上下文</translation>
    </message>
    <message>
        <source>LoRA (unmerged)</source>
        <translation>LoRA（不合并）</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <source>Loading options apply when the model is next loaded.</source>
        <translation>加载选项在下次加载模型时生效。</translation>
    </message>
    <message>
        <source>CUDA (NVIDIA GPU)</source>
        <translation>CUDA（NVIDIA GPU）</translation>
    </message>
    <message>
        <source>MPS (Apple GPU)</source>
        <translation>MPS（Apple GPU）</translation>
    </message>
    <message>
        <source>Where a Hugging Face model runs. Automatic: the GPU when there is one, else the CPU.</source>
        <translation>Hugging Face 模型运行的设备。自动：有 GPU 时用 GPU，否则用 CPU。</translation>
    </message>
    <message>
        <source>Number format of the weights. Automatic: float16 on a GPU, float32 on the CPU.</source>
        <translation>权重的数值格式。自动：GPU 上用 float16，CPU 上用 float32。</translation>
    </message>
    <message>
        <source>GGUF models keep the precision they were quantized to; GPU offload is set on the Settings page.</source>
        <translation>GGUF 模型保持其量化时的精度；GPU 卸载在“设置”页面中设置。</translation>
    </message>
    <message>
        <source>Choose a LoRA</source>
        <translation>选择 LoRA</translation>
    </message>
    <message>
        <source>LoRA (*.gguf adapter_config.json)</source>
        <translation>LoRA (*.gguf adapter_config.json)</translation>
    </message>
</context>
</TS>
