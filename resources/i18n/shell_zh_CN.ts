<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name></name>
    <message>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>tensors</source>
        <translation>张量</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>题</translation>
    </message>
    <message>
        <source>files</source>
        <translation>个文件</translation>
    </message>
    <message>
        <source>shards</source>
        <translation>个分片</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>ETA {time}</source>
        <translation>剩余 {time}</translation>
    </message>
    <message>
        <source>{done}/{total} {unit}</source>
        <translation>{done}/{total} {unit}</translation>
    </message>
    <message>
        <source>{rate} {unit}/s</source>
        <translation>{rate} {unit}/秒</translation>
    </message>
</context>
<context>
    <name>JobRow</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>No jobs yet. Downloads, merges and conversions appear here.</source>
        <translation>暂无任务。下载、合并和转换任务会显示在这里。</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>清除已结束</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Alpaca Studio</source>
        <translation>Alpaca Studio</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Nothing to open there: drop a .gguf file, a model folder or a LoRA folder.</source>
        <translation>这里没有可打开的内容：请拖入 .gguf 文件、模型文件夹或 LoRA 文件夹。</translation>
    </message>
    <message>
        <source>{title} failed</source>
        <translation>{title} 失败</translation>
    </message>
    <message>
        <source>{n} job(s) running</source>
        <translation>{n} 个任务运行中</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Jobs are running</source>
        <translation>有任务正在运行</translation>
    </message>
    <message>
        <source>{n} job(s) are still running. Cancel them and quit?</source>
        <translation>仍有 {n} 个任务在运行。取消它们并退出吗？</translation>
    </message>
</context>
<context>
    <name>MenuBar</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open a GGUF model…</source>
        <translation>打开 GGUF 模型…</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder…</source>
        <translation>打开 Hugging Face 模型文件夹…</translation>
    </message>
    <message>
        <source>Verify a folder against the published SHA256…</source>
        <translation>按公布的 SHA256 校验文件夹…</translation>
    </message>
    <message>
        <source>Add a local base LLaMA…</source>
        <translation>添加本地基础 LLaMA…</translation>
    </message>
    <message>
        <source>Import a chat…</source>
        <translation>导入对话…</translation>
    </message>
    <message>
        <source>Export the chat as Markdown…</source>
        <translation>将对话导出为 Markdown…</translation>
    </message>
    <message>
        <source>Export the chat as JSON…</source>
        <translation>将对话导出为 JSON…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Rename the chat…</source>
        <translation>重命名对话…</translation>
    </message>
    <message>
        <source>Delete the chat</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <source>Regenerate the reply</source>
        <translation>重新生成回复</translation>
    </message>
    <message>
        <source>Find in chats</source>
        <translation>在对话中查找</translation>
    </message>
    <message>
        <source>Download the selected model</source>
        <translation>下载所选模型</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Jobs and log panel</source>
        <translation>任务和日志面板</translation>
    </message>
    <message>
        <source>Refresh: read the models folder again</source>
        <translation>刷新：重新读取模型文件夹</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About Alpaca Studio</source>
        <translation>关于 Alpaca Studio</translation>
    </message>
    <message>
        <source>Open a chat first (Chat page, list on the left).</source>
        <translation>请先打开一个对话（对话页面左侧列表）。</translation>
    </message>
    <message>
        <source>Reading the models folder again…</source>
        <translation>正在重新读取模型文件夹…</translation>
    </message>
    <message>
        <source>On job pages, Ctrl+Enter starts and Esc cancels. In Chat, Enter sends and Shift+Enter adds a line.</source>
        <translation>在任务页面上，Ctrl+Enter 开始，Esc 取消。在对话中，Enter 发送，Shift+Enter 换行。</translation>
    </message>
    <message>
        <source>A desktop workbench for the Chinese-LLaMA and Chinese-Alpaca models: download, merge, quantize, chat, train, serve and evaluate, on your own computer.</source>
        <translation>面向 Chinese-LLaMA 和 Chinese-Alpaca 模型的桌面工作台：在你自己的电脑上下载、合并、量化、对话、训练、提供服务和评测。</translation>
    </message>
</context>
<context>
    <name>RunBar</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Failed: {message}</source>
        <translation>失败：{message}</translation>
    </message>
</context>
</TS>
