<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name>DataPreview</name>
    <message>
        <source>Choose the base model and the data to see what training will read.</source>
        <translation>选择基座模型和数据，即可看到训练将读取的内容。</translation>
    </message>
    <message>
        <source>Tokens per record</source>
        <translation>每条记录的词元数</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;{p}&quot;&gt;&amp;nbsp;grey: prompt, masked (-100), not trained on&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;{r}&quot;&gt;&amp;nbsp;green: response, trained on&amp;nbsp;&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;{p}&quot;&gt;&amp;nbsp;灰色：提示部分，已屏蔽（-100），不参与训练&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;{r}&quot;&gt;&amp;nbsp;绿色：回复部分，参与训练&amp;nbsp;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Reading the data…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>{n} records, {tokens} tokens. {cut} of them are longer than {length} tokens and get truncated.</source>
        <translation>{n} 条记录，共 {tokens} 个词元。其中 {cut} 条超过 {length} 个词元，会被截断。</translation>
    </message>
    <message>
        <source>{n} blocks of {length} tokens ({tokens} tokens in all; the remainder is dropped, as upstream does).</source>
        <translation>{n} 个长度为 {length} 的词元块（共 {tokens} 个词元；与上游一样，余下部分被丢弃）。</translation>
    </message>
    <message>
        <source>records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Record {i}: {tokens} tokens, {masked} masked</source>
        <translation>记录 {i}：{tokens} 个词元，{masked} 个被屏蔽</translation>
    </message>
    <message>
        <source>Block {i}: {tokens} tokens</source>
        <translation>词元块 {i}：{tokens} 个词元</translation>
    </message>
</context>
<context>
    <name>HardwarePanel</name>
    <message>
        <source>Choose a base model to see what this computer can train.</source>
        <translation>选择基座模型，即可看到这台电脑能训练什么。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Gradient checkpointing</source>
        <translation>梯度检查点</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Use QLoRA (4-bit base)</source>
        <translation>使用 QLoRA（4 位基座模型）</translation>
    </message>
    <message>
        <source>Checking memory…</source>
        <translation>正在检查内存…</translation>
    </message>
    <message>
        <source>{params} parameters</source>
        <translation>{params} 参数</translation>
    </message>
    <message>
        <source>{needed} needed, {free} free</source>
        <translation>需要 {needed}，可用 {free}</translation>
    </message>
    <message>
        <source>micro-batch {micro} × accumulation {accum} = {total} per update</source>
        <translation>微批次 {micro} × 累积 {accum} = 每次更新 {total} 条</translation>
    </message>
    <message>
        <source>On: less memory, about a third slower</source>
        <translation>开启：省内存，约慢三分之一</translation>
    </message>
    <message>
        <source>Off: fits without it</source>
        <translation>关闭：不用也放得下</translation>
    </message>
    <message>
        <source>The bf16 base does not fit in free memory. QLoRA loads it in 4 bits.</source>
        <translation>bf16 基座模型放不进可用内存。QLoRA 以 4 位加载它。</translation>
    </message>
    <message>
        <source>The base does not fit in free memory. QLoRA would need CUDA and bitsandbytes; choose a smaller model, a shorter max length, or another computer.</source>
        <translation>基座模型放不进可用内存。QLoRA 需要 CUDA 和 bitsandbytes；请选择更小的模型、更短的最大长度，或换一台电脑。</translation>
    </message>
    <message>
        <source>Not enough free memory for these settings.</source>
        <translation>可用内存不足以运行这些设置。</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>This folder holds an earlier run: Resume continues it, or choose another folder for a new run.</source>
        <translation>此文件夹里有之前的训练：点“继续”接着训练，或为新的训练另选文件夹。</translation>
    </message>
    <message>
        <source>Fix the inputs marked in red to see the data.</source>
        <translation>请先修正标红的输入，再查看数据。</translation>
    </message>
    <message>
        <source>Resume training {name}</source>
        <translation>继续训练 {name}</translation>
    </message>
    <message>
        <source>Train {name}</source>
        <translation>训练 {name}</translation>
    </message>
    <message>
        <source>Starting the training process…</source>
        <translation>正在启动训练进程…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Stopping: saving a checkpoint…</source>
        <translation>正在停止：保存检查点…</translation>
    </message>
    <message>
        <source>Stopped; a checkpoint was saved. Resume continues from it.</source>
        <translation>已停止；检查点已保存。点“继续”即可从这里接着训练。</translation>
    </message>
    <message>
        <source>Done: the LoRA is in {path}</source>
        <translation>完成：LoRA 位于 {path}</translation>
    </message>
    <message>
        <source>Last run finished: the LoRA is in {path}</source>
        <translation>上次训练已完成：LoRA 位于 {path}</translation>
    </message>
    <message>
        <source>The last run stopped at step {step}; Resume continues it.</source>
        <translation>上次训练停在第 {step} 步；点“继续”接着训练。</translation>
    </message>
</context>
<context>
    <name>RunInputs</name>
    <message>
        <source>Choose a base model…</source>
        <translation>选择基座模型…</translation>
    </message>
    <message>
        <source>Same as the base model</source>
        <translation>与基座模型相同</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>registered base</source>
        <translation>已登记的基座模型</translation>
    </message>
    <message>
        <source>LoRA tokenizer</source>
        <translation>LoRA 分词器</translation>
    </message>
    <message>
        <source>Other folder…</source>
        <translation>其他文件夹…</translation>
    </message>
    <message>
        <source>Choose the base model folder</source>
        <translation>选择基座模型文件夹</translation>
    </message>
    <message>
        <source>Choose a folder with tokenizer.model</source>
        <translation>选择含有 tokenizer.model 的文件夹</translation>
    </message>
    <message>
        <source>Alpaca JSON (*.json *.jsonl)</source>
        <translation>Alpaca JSON（*.json *.jsonl）</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件（*.txt）</translation>
    </message>
    <message>
        <source>Choose the training data</source>
        <translation>选择训练数据</translation>
    </message>
    <message>
        <source>Choose the folder with the training data</source>
        <translation>选择存放训练数据的文件夹</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>选择输出文件夹</translation>
    </message>
    <message>
        <source>Choose a LoRA folder to continue from</source>
        <translation>选择要继续训练的 LoRA 文件夹</translation>
    </message>
</context>
<context>
    <name>RunTabView</name>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>1. Model</source>
        <translation>1. 模型</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>基座模型</translation>
    </message>
    <message>
        <source>A Hugging Face LLaMA: a merged model or a registered base from the Models page.</source>
        <translation>Hugging Face 格式的 LLaMA：已合并的模型，或在“模型”页登记的基座模型。</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <source>Instruction tuning needs the Chinese-Alpaca tokenizer (49954 tokens).</source>
        <translation>指令精调需要 Chinese-Alpaca 分词器（49954 个词元）。</translation>
    </message>
    <message>
        <source>LLaMA&apos;s own, or the Chinese one (49953) to teach LLaMA the new Chinese pieces.</source>
        <translation>LLaMA 自带的分词器，或中文分词器（49953），让 LLaMA 学会新增的中文词。</translation>
    </message>
    <message>
        <source>Alpaca-format .json file(s) or a folder of them</source>
        <translation>Alpaca 格式的 .json 文件或其所在文件夹</translation>
    </message>
    <message>
        <source>.txt file(s) or a folder of them</source>
        <translation>.txt 文件或其所在文件夹</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>2. Data</source>
        <translation>2. 数据</translation>
    </message>
    <message>
        <source>Records with instruction, input and output, as upstream&apos;s alpaca_data_zh_51k.json.</source>
        <translation>包含 instruction、input、output 的记录，格式同上游的 alpaca_data_zh_51k.json。</translation>
    </message>
    <message>
        <source>Plain text, one example per line; lines are joined and cut into blocks.</source>
        <translation>纯文本，每行一个样本；各行拼接后切成块。</translation>
    </message>
    <message>
        <source>By epochs</source>
        <translation>按轮数</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Load the base in 4 bits (QLoRA)</source>
        <translation>以 4 位加载基座模型（QLoRA）</translation>
    </message>
    <message>
        <source>Optional: a LoRA folder to continue training</source>
        <translation>可选：在已有 LoRA 上继续训练</translation>
    </message>
    <message>
        <source>3. Training settings</source>
        <translation>3. 训练设置</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>How big each update is. Upstream: 2e-4 for pre-training, 1e-4 for instruction tuning.</source>
        <translation>每次更新的幅度。上游：预训练 2e-4，指令精调 1e-4。</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>LoRA 秩</translation>
    </message>
    <message>
        <source>Size of the LoRA matrices: higher learns more and uses more memory. Upstream: 8.</source>
        <translation>LoRA 矩阵的大小：越大学得越多，也越占内存。上游：8。</translation>
    </message>
    <message>
        <source>LoRA alpha</source>
        <translation>LoRA alpha</translation>
    </message>
    <message>
        <source>Scales the LoRA update (the effect is alpha / rank). Upstream: 32.</source>
        <translation>缩放 LoRA 更新（实际效果为 alpha / 秩）。上游：32。</translation>
    </message>
    <message>
        <source>LoRA dropout</source>
        <translation>LoRA dropout</translation>
    </message>
    <message>
        <source>Drops LoRA inputs at random while training, against overfitting. Upstream: 0.05.</source>
        <translation>训练时随机丢弃 LoRA 输入，防止过拟合。上游：0.05。</translation>
    </message>
    <message>
        <source>Max length</source>
        <translation>最大长度</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>块大小</translation>
    </message>
    <message>
        <source>Tokens per record; longer records are cut. Upstream: 512.</source>
        <translation>每条记录的词元数；更长的记录会被截断。上游：512。</translation>
    </message>
    <message>
        <source>Tokens per training block; the text is joined and cut into blocks. Upstream: 512.</source>
        <translation>每个训练块的词元数；文本拼接后切成块。上游：512。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Passes over the data. Upstream: 1.</source>
        <translation>遍历数据的次数。上游：1。</translation>
    </message>
    <message>
        <source>Max steps</source>
        <translation>最大步数</translation>
    </message>
    <message>
        <source>Stop after this many optimizer steps instead of counting epochs.</source>
        <translation>达到这么多优化步后停止，而不按轮数计算。</translation>
    </message>
    <message>
        <source>Micro-batch</source>
        <translation>微批次</translation>
    </message>
    <message>
        <source>Records per forward pass; automatic picks the largest that fits in memory.</source>
        <translation>每次前向计算的记录数；自动时选内存放得下的最大值。</translation>
    </message>
    <message>
        <source>Accumulation</source>
        <translation>梯度累积</translation>
    </message>
    <message>
        <source>Micro-batches added up per update; automatic keeps upstream&apos;s effective batch.</source>
        <translation>每次更新累加的微批次数；自动时保持上游的有效批次大小。</translation>
    </message>
    <message>
        <source>Save every</source>
        <translation>保存间隔</translation>
    </message>
    <message>
        <source>Steps between checkpoints; Stop and Resume continue from the last one.</source>
        <translation>两个检查点之间的步数；停止后“继续”从最近的检查点接着训练。</translation>
    </message>
    <message>
        <source>Trains a 7B model on a 12–16 GB GPU; needs CUDA and bitsandbytes.</source>
        <translation>可在 12–16 GB 显存的 GPU 上训练 7B 模型；需要 CUDA 和 bitsandbytes。</translation>
    </message>
    <message>
        <source>Continue from</source>
        <translation>继续自</translation>
    </message>
    <message>
        <source>Upstream&apos;s --peft_path: train further on an existing LoRA (its rank and alpha are kept).</source>
        <translation>即上游的 --peft_path：在已有 LoRA 上继续训练（保留它的秩和 alpha）。</translation>
    </message>
    <message>
        <source>4. Output</source>
        <translation>4. 输出</translation>
    </message>
    <message>
        <source>Checkpoints, metrics.jsonl and the final LoRA (lora/) go here.</source>
        <translation>检查点、metrics.jsonl 和最终的 LoRA（lora/）都保存在这里。</translation>
    </message>
    <message>
        <source>Data preview</source>
        <translation>数据预览</translation>
    </message>
    <message>
        <source>Hardware check</source>
        <translation>硬件检查</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <source>Start training in a separate process (Ctrl+Enter)</source>
        <translation>在单独的进程中开始训练（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Stop after the current step; a checkpoint is saved (Esc)</source>
        <translation>当前步结束后停止；会保存检查点（Esc）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continue from the last checkpoint</source>
        <translation>从最近的检查点继续</translation>
    </message>
    <message>
        <source>Merge this LoRA…</source>
        <translation>合并此 LoRA…</translation>
    </message>
    <message>
        <source>Chat with this LoRA…</source>
        <translation>用此 LoRA 对话…</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <source>Vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>Pre-training</source>
        <translation>预训练</translation>
    </message>
    <message>
        <source>Instruction tuning</source>
        <translation>指令精调</translation>
    </message>
    <message>
        <source>Upstream&apos;s training recipe without a terminal: expand the vocabulary, continue pre-training with LoRA, then instruction-tune. Each run goes to a LoRA folder that the Merge and Chat pages open.</source>
        <translation>无需终端即可使用上游的训练流程：扩充词表、用 LoRA 继续预训练，再做指令精调。每次训练得到一个 LoRA 文件夹，“合并”和“对话”页面都能直接打开。</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>Stop training and quit? A checkpoint is saved first; Resume continues from it next time.</source>
        <translation>停止训练并退出？会先保存检查点；下次点“继续”即可接着训练。</translation>
    </message>
    <message>
        <source>Stopping: saving a checkpoint…</source>
        <translation>正在停止：保存检查点…</translation>
    </message>
</context>
<context>
    <name>TrainingCharts</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>每秒词元数</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>词元/秒</translation>
    </message>
    <message>
        <source>No run yet. The charts fill in as training logs its steps.</source>
        <translation>还没有训练。训练记录每一步时，图表会随之更新。</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Mouse wheel zooms, dragging pans; this shows every step again</source>
        <translation>滚轮缩放，拖动平移；点此重新显示全部步数</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <source>Waiting for the first step…</source>
        <translation>正在等待第一步…</translation>
    </message>
    <message>
        <source>Step {step} of {total}</source>
        <translation>第 {step} 步，共 {total} 步</translation>
    </message>
    <message>
        <source>loss {loss}</source>
        <translation>损失 {loss}</translation>
    </message>
    <message>
        <source>{rate} tokens/s</source>
        <translation>{rate} 词元/秒</translation>
    </message>
    <message>
        <source>GPU memory {gb} GB</source>
        <translation>显存 {gb} GB</translation>
    </message>
    <message>
        <source>ETA {eta}</source>
        <translation>剩余 {eta}</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Save the charts</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片（*.png）</translation>
    </message>
</context>
<context>
    <name>VocabController</name>
    <message>
        <source>Choose text files</source>
        <translation>选择文本文件</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件（*.txt）;;所有文件（*）</translation>
    </message>
    <message>
        <source>Save the SentencePiece model</source>
        <translation>保存 SentencePiece 模型</translation>
    </message>
    <message>
        <source>SentencePiece models (*.model)</source>
        <translation>SentencePiece 模型（*.model）</translation>
    </message>
    <message>
        <source>SentencePiece models (*.model);;All files (*)</source>
        <translation>SentencePiece 模型（*.model）;;所有文件（*）</translation>
    </message>
    <message>
        <source>Choose LLaMA&apos;s tokenizer.model</source>
        <translation>选择 LLaMA 的 tokenizer.model</translation>
    </message>
    <message>
        <source>Choose the Chinese SentencePiece model</source>
        <translation>选择中文 SentencePiece 模型</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>选择输出文件夹</translation>
    </message>
    <message>
        <source>Choose one or more text files to learn the vocabulary from.</source>
        <translation>请选择一个或多个用于学习词表的文本文件。</translation>
    </message>
    <message>
        <source>Choose where to save the SentencePiece model.</source>
        <translation>请选择 SentencePiece 模型的保存位置。</translation>
    </message>
    <message>
        <source>Training the SentencePiece model…</source>
        <translation>正在训练 SentencePiece 模型…</translation>
    </message>
    <message>
        <source>Learn a vocabulary of {n} pieces</source>
        <translation>学习 {n} 个词的词表</translation>
    </message>
    <message>
        <source>Saved {file}. It is filled in below as the Chinese pieces.</source>
        <translation>已保存 {file}，并已填入下方的“中文词”。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>LLaMA tokenizer</source>
        <translation>LLaMA 分词器</translation>
    </message>
    <message>
        <source>Chinese pieces</source>
        <translation>中文词</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Choose: {fields}.</source>
        <translation>请选择：{fields}。</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <source>Merge vocabularies into {name}</source>
        <translation>合并词表到 {name}</translation>
    </message>
    <message>
        <source>Merged: {size} pieces ({added} added). The tokenizer for training is {folder}.</source>
        <translation>已合并：共 {size} 个词（新增 {added} 个）。训练用的分词器在 {folder}。</translation>
    </message>
</context>
<context>
    <name>VocabView</name>
    <message>
        <source>One or more .txt files; several separated by ;</source>
        <translation>一个或多个 .txt 文件；多个之间用 ; 分隔</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Train vocabulary</source>
        <translation>训练词表</translation>
    </message>
    <message>
        <source>1. Learn a Chinese vocabulary from your text (optional)</source>
        <translation>1. 从你的文本学习中文词表（可选）</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Plain text in the language you will train on; more text gives better pieces.</source>
        <translation>与将要训练的语言相同的纯文本；文本越多，切出的词越好。</translation>
    </message>
    <message>
        <source>Vocabulary size</source>
        <translation>词表大小</translation>
    </message>
    <message>
        <source>Pieces to learn. Upstream&apos;s chinese_sp.model has 20000.</source>
        <translation>要学习的词数。上游的 chinese_sp.model 有 20000 个。</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>LLaMA&apos;s tokenizer.model (32000 pieces)</source>
        <translation>LLaMA 的 tokenizer.model（32000 个词）</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>A Chinese SentencePiece .model</source>
        <translation>中文 SentencePiece .model 文件</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Merge vocabularies</source>
        <translation>合并词表</translation>
    </message>
    <message>
        <source>Pre-train with it…</source>
        <translation>用它预训练…</translation>
    </message>
    <message>
        <source>Opens the Pre-training tab with this tokenizer chosen</source>
        <translation>打开“预训练”标签页，并选好这个分词器</translation>
    </message>
    <message>
        <source>2. Merge it into LLaMA&apos;s vocabulary</source>
        <translation>2. 合并进 LLaMA 的词表</translation>
    </message>
    <message>
        <source>LLaMA tokenizer</source>
        <translation>LLaMA 分词器</translation>
    </message>
    <message>
        <source>Chinese pieces</source>
        <translation>中文词</translation>
    </message>
    <message>
        <source>Upstream&apos;s merge: the pieces LLaMA lacks are appended in order (32000 + chinese_sp = 49953).</source>
        <translation>上游的合并方法：按顺序追加 LLaMA 没有的词（32000 + chinese_sp = 49953）。</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Gets tokenizer.model and the Hugging Face tokenizer files; use it as the Tokenizer for pre-training.</source>
        <translation>生成 tokenizer.model 和 Hugging Face 分词器文件；预训练时把它选作分词器。</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>合并前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>合并后</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Pieces added</source>
        <translation>新增词数</translation>
    </message>
    <message>
        <source>Chinese: tokens per 1,000 characters</source>
        <translation>中文：每 1000 字的词元数</translation>
    </message>
    <message>
        <source>English: tokens per 1,000 characters</source>
        <translation>英文：每 1000 字符的词元数</translation>
    </message>
    <message>
        <source>Tokens per 1,000 characters (fewer is better)</source>
        <translation>每 1000 字符的词元数（越少越好）</translation>
    </message>
    <message>
        <source>Merge to compare the new vocabulary with LLaMA&apos;s: Chinese text takes about half as many tokens.</source>
        <translation>合并后即可与 LLaMA 原词表对比：中文文本所需词元约减少一半。</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>编码效率</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>before</source>
        <translation>合并前</translation>
    </message>
    <message>
        <source>after</source>
        <translation>合并后</translation>
    </message>
    <message>
        <source>Chinese text needs {ratio}× fewer tokens with the merged vocabulary.</source>
        <translation>使用合并后的词表，中文文本所需词元减少到 1/{ratio}。</translation>
    </message>
</context>
</TS>
