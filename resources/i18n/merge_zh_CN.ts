<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name>MergePage</name>
    <message>
        <source>Choose the LoRAs and the base model to see the plan.</source>
        <translation>选择 LoRA 和基座模型后即可查看合并计划。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Chat with it…</source>
        <translation>与它对话…</translation>
    </message>
    <message>
        <source>Quantize this model…</source>
        <translation>量化此模型…</translation>
    </message>
    <message>
        <source>Add LoRA folders (PEFT: adapter_config.json + adapter_model), including ones trained on the Train page. Plus/Pro: the LLaMA-Plus LoRA first; a reversed pair is put right automatically.</source>
        <translation>添加 LoRA 文件夹（PEFT：adapter_config.json + adapter_model），包括在“训练”页训练的 LoRA。Plus/Pro：先放 LLaMA-Plus LoRA；顺序颠倒时会自动纠正。</translation>
    </message>
    <message>
        <source>Not downloaded yet: {ids}. Download them on the Models page first.</source>
        <translation>尚未下载：{ids}。请先在“模型”页下载。</translation>
    </message>
    <message>
        <source>{name}: vocabulary {vocab}, merged into original {base}.</source>
        <translation>{name}：词表 {vocab}，合并进原版 {base}。</translation>
    </message>
    <message>
        <source>Choose a LoRA folder</source>
        <translation>选择 LoRA 文件夹</translation>
    </message>
    <message>
        <source>Choose the original LLaMA folder</source>
        <translation>选择原版 LLaMA 文件夹</translation>
    </message>
    <message>
        <source>Choose where the merged model goes</source>
        <translation>选择合并后模型的保存位置</translation>
    </message>
    <message>
        <source>Verification is not available in this build.</source>
        <translation>此版本不支持校验。</translation>
    </message>
    <message>
        <source>Verifying the weight files…</source>
        <translation>正在校验权重文件…</translation>
    </message>
    <message>
        <source>Verify {name}</source>
        <translation>校验 {name}</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>校验已取消。</translation>
    </message>
    <message>
        <source>✓ Verified: every weight file matches the published SHA256.</source>
        <translation>✓ 校验通过：所有权重文件均与公布的 SHA256 一致。</translation>
    </message>
    <message>
        <source>No published hashes for these files: they could not be verified.</source>
        <translation>这些文件没有公布的哈希值，无法校验。</translation>
    </message>
    <message>
        <source>✗ A weight file differs from the published SHA256: it may be damaged.</source>
        <translation>✗ 有权重文件与公布的 SHA256 不一致，文件可能已损坏。</translation>
    </message>
    <message>
        <source>Checking the inputs…</source>
        <translation>正在检查输入…</translation>
    </message>
    <message>
        <source>HF safetensors</source>
        <translation>HF safetensors</translation>
    </message>
    <message>
        <source>HF .bin</source>
        <translation>HF .bin</translation>
    </message>
    <message>
        <source>Meta .pth</source>
        <translation>Meta .pth</translation>
    </message>
    <message>
        <source>Base: {name} ({fmt}), vocabulary {vocab}</source>
        <translation>基座：{name}（{fmt}），词表 {vocab}</translation>
    </message>
    <message>
        <source>Step {n}: merge {name} → vocabulary {vocab}</source>
        <translation>第 {n} 步：合并 {name} → 词表 {vocab}</translation>
    </message>
    <message>
        <source>Hugging Face safetensors</source>
        <translation>Hugging Face safetensors</translation>
    </message>
    <message>
        <source>Meta consolidated.NN.pth</source>
        <translation>Meta consolidated.NN.pth</translation>
    </message>
    <message>
        <source>Output: {size} as {format}; {free} free on that disk</source>
        <translation>输出：{size}，格式 {format}；该磁盘剩余 {free}</translation>
    </message>
    <message>
        <source>Expected peak memory: {memory} (the model is processed one tensor at a time)</source>
        <translation>预计内存峰值：{memory}（模型逐个张量处理）</translation>
    </message>
    <message>
        <source>An earlier merge into this folder was stopped and left {size} of partial files; they are removed when the merge starts.</source>
        <translation>之前向此文件夹的合并被中断，留下了 {size} 的未完成文件；开始合并时会将其删除。</translation>
    </message>
    <message>
        <source>Remove them now</source>
        <translation>立即删除</translation>
    </message>
    <message>
        <source>The output folder {folder} already exists and is not empty.</source>
        <translation>输出文件夹 {folder} 已存在且不为空。</translation>
    </message>
    <message>
        <source>Use {name} instead</source>
        <translation>改用 {name}</translation>
    </message>
    <message>
        <source>Overwrite it</source>
        <translation>覆盖它</translation>
    </message>
    <message>
        <source>Order put right: {order} (the LLaMA-Plus LoRA first, then Alpaca).</source>
        <translation>已更正顺序：{order}（先 LLaMA-Plus LoRA，再 Alpaca）。</translation>
    </message>
    <message>
        <source>{name} needs {missing} merged first; this merge leaves it out, so the model would be broken.</source>
        <translation>{name} 需要先合并 {missing}；此次合并缺少它，得到的模型将会损坏。</translation>
    </message>
    <message>
        <source>Merge the full chain: {chain}</source>
        <translation>合并完整链：{chain}</translation>
    </message>
    <message>
        <source>This LoRA has the 49954-token Chinese-Alpaca vocabulary and goes straight onto a 32000-token LLaMA. That is right for the first Alpaca LoRAs, but Alpaca-Plus and Alpaca-Pro LoRAs need the Chinese-LLaMA-Plus LoRA merged first: add it above this one.</source>
        <translation>此 LoRA 使用 49954 词元的 Chinese-Alpaca 词表，并直接合并到 32000 词元的 LLaMA 上。这对第一代 Alpaca LoRA 是正确的，但 Alpaca-Plus 和 Alpaca-Pro LoRA 需要先合并 Chinese-LLaMA-Plus LoRA：请把它添加在此 LoRA 之前。</translation>
    </message>
    <message>
        <source>The merge cannot start:</source>
        <translation>无法开始合并：</translation>
    </message>
    <message>
        <source>Remove partial files</source>
        <translation>删除未完成的文件</translation>
    </message>
    <message>
        <source>Merge {name}</source>
        <translation>合并 {name}</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Done: {folder}</source>
        <translation>完成：{folder}</translation>
    </message>
    <message>
        <source>Merged model written to {folder}</source>
        <translation>合并后的模型已写入 {folder}</translation>
    </message>
</context>
<context>
    <name>MergeView</name>
    <message>
        <source>Custom LoRA folder(s)…</source>
        <translation>自定义 LoRA 文件夹…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>1. Model to build</source>
        <translation>1. 要生成的模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>LoRAs, in merge order</source>
        <translation>LoRA（按合并顺序）</translation>
    </message>
    <message>
        <source>Folder with config.json (HF) or consolidated.00.pth + params.json</source>
        <translation>包含 config.json（HF）或 consolidated.00.pth + params.json 的文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Compare the weight files with the published SHA256 hashes</source>
        <translation>将权重文件与官方公布的 SHA256 进行比对</translation>
    </message>
    <message>
        <source>2. Original LLaMA</source>
        <translation>2. 原版 LLaMA</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>基座模型</translation>
    </message>
    <message>
        <source>Hugging Face (safetensors) — for quantizing, chat and training</source>
        <translation>Hugging Face（safetensors）— 用于量化、对话和训练</translation>
    </message>
    <message>
        <source>Meta (consolidated.NN.pth) — for tools that want the original layout</source>
        <translation>Meta（consolidated.NN.pth）— 用于需要原始格式的工具</translation>
    </message>
    <message>
        <source>float16 (as published)</source>
        <translation>float16（与发布版相同）</translation>
    </message>
    <message>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <source>float32 (twice the size)</source>
        <translation>float32（体积翻倍）</translation>
    </message>
    <message>
        <source>3. Output</source>
        <translation>3. 输出</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Choose the LoRAs and the base model to see the plan.</source>
        <translation>选择 LoRA 和基座模型后即可查看合并计划。</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>将要执行的操作</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Start the merge (Ctrl+Enter)</source>
        <translation>开始合并（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Stop the merge; nothing is left behind (Esc)</source>
        <translation>停止合并，不会留下任何文件（Esc）</translation>
    </message>
    <message>
        <source>The Chinese LLaMA/Alpaca releases are LoRA patches. Merging one (or, for Plus and Pro, two in order) into the original LLaMA gives the full model. The merge runs tensor by tensor, so it needs little memory.</source>
        <translation>中文 LLaMA/Alpaca 发布的是 LoRA 补丁。将其（Plus 和 Pro 需按顺序合并两个）合并进原版 LLaMA 即可得到完整模型。合并逐个张量进行，因此占用内存很少。</translation>
    </message>
</context>
</TS>
