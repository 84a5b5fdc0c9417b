<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name></name>
    <message>
        <source>STEM</source>
        <translation>理工（STEM）</translation>
    </message>
    <message>
        <source>Social Science</source>
        <translation>社会科学</translation>
    </message>
    <message>
        <source>Humanities</source>
        <translation>人文科学</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>EvalPage</name>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Results and comparison</source>
        <translation>结果与对比</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评测</translation>
    </message>
    <message>
        <source>Start (Ctrl+Enter)</source>
        <translation>开始（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Stop; answered questions are kept and the run continues when started again (Esc)</source>
        <translation>停止；已回答的题目会保留，再次开始时继续（Esc）</translation>
    </message>
    <message>
        <source>Measures a model on C-Eval (52 subjects, 4 groups) exactly as the upstream project does: did quantization cost accuracy, did fine-tuning help?</source>
        <translation>按上游项目的方式在 C-Eval（52 个学科，4 个类别）上评测模型：量化是否损失了准确率？微调是否有帮助？</translation>
    </message>
    <message>
        <source>Choose a GGUF model</source>
        <translation>选择 GGUF 模型</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder</source>
        <translation>选择 Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <source>Choose a GGUF LoRA file</source>
        <translation>选择 GGUF LoRA 文件</translation>
    </message>
    <message>
        <source>GGUF LoRA files (*.gguf)</source>
        <translation>GGUF LoRA 文件 (*.gguf)</translation>
    </message>
    <message>
        <source>Choose a LoRA folder</source>
        <translation>选择 LoRA 文件夹</translation>
    </message>
    <message>
        <source>Choose the unzipped ceval-exam folder</source>
        <translation>选择解压后的 ceval-exam 文件夹</translation>
    </message>
    <message>
        <source>{folder} has no {split}/ folder: choose the unzipped ceval-exam folder.</source>
        <translation>{folder} 中没有 {split}/ 文件夹：请选择解压后的 ceval-exam 文件夹。</translation>
    </message>
    <message>
        <source>Count C-Eval questions</source>
        <translation>统计 C-Eval 题目</translation>
    </message>
    <message>
        <source>{n} questions</source>
        <translation>{n} 道题</translation>
    </message>
    <message>
        <source>Download C-Eval data</source>
        <translation>下载 C-Eval 数据</translation>
    </message>
    <message>
        <source>Download failed: {message}</source>
        <translation>下载失败：{message}</translation>
    </message>
    <message>
        <source>C-Eval {name}</source>
        <translation>C-Eval {name}</translation>
    </message>
    <message>
        <source>Stopped. Start again with the same settings to continue.</source>
        <translation>已停止。使用相同设置再次开始即可继续。</translation>
    </message>
    <message>
        <source>Predicted {n} questions: submission.json is ready to submit.</source>
        <translation>已预测 {n} 道题：submission.json 可以提交了。</translation>
    </message>
    <message>
        <source>Accuracy {score:.1f}% ({correct}/{num}), {rate:.2f} questions/s.</source>
        <translation>准确率 {score:.1f}%（{correct}/{num}），每秒 {rate:.2f} 题。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>ProgressTable</name>
    <message>
        <source>Subject</source>
        <translation>学科</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题数</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>进行中…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Check the runs to compare</source>
        <translation>勾选要对比的运行</translation>
    </message>
    <message>
        <source>Upstream&apos;s published C-Eval scores (All), from the Chinese-LLaMA-Alpaca technical report</source>
        <translation>上游公布的 C-Eval 成绩（总计），来自 Chinese-LLaMA-Alpaca 技术报告</translation>
    </message>
    <message>
        <source>Your runs</source>
        <translation>你的运行</translation>
    </message>
    <message>
        <source>Published by upstream (same split and shots)</source>
        <translation>上游公布的成绩（相同数据集和示例数）</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save this table as a CSV file</source>
        <translation>将此表保存为 CSV 文件</translation>
    </message>
    <message>
        <source>No runs yet: a finished evaluation appears here.</source>
        <translation>还没有运行：完成的评测会显示在这里。</translation>
    </message>
    <message>
        <source>{split}, {shots}-shot</source>
        <translation>{split}，{shots}-shot</translation>
    </message>
    <message>
        <source>template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>All</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>STEM</source>
        <translation>理工（STEM）</translation>
    </message>
    <message>
        <source>Social Science</source>
        <translation>社会科学</translation>
    </message>
    <message>
        <source>Humanities</source>
        <translation>人文科学</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>学科</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>导出对比</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>SetupForm</name>
    <message>
        <source>A .gguf file or a Hugging Face model folder</source>
        <translation>.gguf 文件或 Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Choose a GGUF file</source>
        <translation>选择 GGUF 文件</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder</source>
        <translation>选择 Hugging Face 模型文件夹</translation>
    </message>
    <message>
        <source>Optional: a LoRA applied without merging</source>
        <translation>可选：不合并直接加载的 LoRA</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>1. Model</source>
        <translation>1. 模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>The unzipped ceval-exam folder (dev/, val/, test/)</source>
        <translation>解压后的 ceval-exam 文件夹（dev/、val/、test/）</translation>
    </message>
    <message>
        <source>Download C-Eval data</source>
        <translation>下载 C-Eval 数据</translation>
    </message>
    <message>
        <source>Download ceval-exam.zip from the source chosen in Settings and unpack it</source>
        <translation>从“设置”中选择的下载源下载 ceval-exam.zip 并解压</translation>
    </message>
    <message>
        <source>C-Eval is published as ceval-exam.zip in the dataset ceval/ceval-exam on &lt;a href=&quot;{hf}&quot;&gt;Hugging Face&lt;/a&gt;, &lt;a href=&quot;{mirror}&quot;&gt;hf-mirror&lt;/a&gt; and &lt;a href=&quot;{ms}&quot;&gt;ModelScope&lt;/a&gt;. Download and unzip it, or let the app do it.</source>
        <translation>C-Eval 以 ceval-exam.zip 的形式发布在 &lt;a href=&quot;{hf}&quot;&gt;Hugging Face&lt;/a&gt;、&lt;a href=&quot;{mirror}&quot;&gt;hf-mirror&lt;/a&gt; 和 &lt;a href=&quot;{ms}&quot;&gt;ModelScope&lt;/a&gt; 的数据集 ceval/ceval-exam 中。可自行下载解压，也可以让本应用代劳。</translation>
    </message>
    <message>
        <source>2. C-Eval data</source>
        <translation>2. C-Eval 数据</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>3. Subjects</source>
        <translation>3. 学科</translation>
    </message>
    <message>
        <source>Validation (scored, 1346 questions)</source>
        <translation>验证集（计分，1346 道题）</translation>
    </message>
    <message>
        <source>Test (predictions for the C-Eval submission)</source>
        <translation>测试集（生成用于提交 C-Eval 的预测）</translation>
    </message>
    <message>
        <source>0 (zero-shot)</source>
        <translation>0（zero-shot）</translation>
    </message>
    <message>
        <source>Solved dev examples before each question (upstream: 5)</source>
        <translation>每道题前给出的 dev 示例数（上游：5）</translation>
    </message>
    <message>
        <source>Chain of thought (free-text answers)</source>
        <translation>思维链（自由文本回答）</translation>
    </message>
    <message>
        <source>Instruction template (for Chinese-Alpaca models)</source>
        <translation>指令模板（用于 Chinese-Alpaca 模型）</translation>
    </message>
    <message>
        <source>Tokens the model reads at once; a few-shot prompt longer than this stops the run with a message</source>
        <translation>模型一次读取的 token 数；few-shot 提示超过此长度时会停止运行并给出提示</translation>
    </message>
    <message>
        <source>Name in comparisons (default: the model&apos;s file name)</source>
        <translation>对比中显示的名称（默认：模型文件名）</translation>
    </message>
    <message>
        <source>4. Settings</source>
        <translation>4. 设置</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Few-shot</source>
        <translation>Few-shot</translation>
    </message>
    <message>
        <source>Context (tokens)</source>
        <translation>上下文（token）</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>运行名称</translation>
    </message>
    <message>
        <source>Upstream reports Chinese-Alpaca zero-shot with the template (Alpaca-Plus-7B: 36.7 on val) and Chinese-LLaMA 5-shot without it.</source>
        <translation>上游报告的 Chinese-Alpaca 成绩为使用模板的 zero-shot（Alpaca-Plus-7B 验证集 36.7），Chinese-LLaMA 为不使用模板的 5-shot。</translation>
    </message>
</context>
</TS>
