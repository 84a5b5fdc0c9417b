<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name>ServerPage</name>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>The server could not start</source>
        <translation>服务器无法启动</translation>
    </message>
    <message>
        <source>API server</source>
        <translation>API 服务器</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
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
        <source>The model could not be loaded</source>
        <translation>无法加载模型</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No model loaded: load one here or on the Chat page</source>
        <translation>未加载模型：请在此处或“对话”页面加载</translation>
    </message>
    <message>
        <source>{name} (as &quot;{id}&quot;)</source>
        <translation>{name}（模型名“{id}”）</translation>
    </message>
    <message>
        <source>The server stopped</source>
        <translation>服务器已停止运行</translation>
    </message>
    <message>
        <source>client left</source>
        <translation>客户端已断开</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>Listening on {host} makes the server reachable from other machines: set an API key first.</source>
        <translation>监听 {host} 会让其他机器可以访问服务器：请先设置 API 密钥。</translation>
    </message>
    <message>
        <source>Reachable from other machines on the network; every request needs the API key.</source>
        <translation>网络中的其他机器可以访问；每个请求都需要 API 密钥。</translation>
    </message>
    <message>
        <source>No model is loaded: requests are answered with an error until one is.</source>
        <translation>未加载模型：加载之前，所有请求都会返回错误。</translation>
    </message>
    <message>
        <source>Running at {url}</source>
        <translation>运行于 {url}</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>ServerView</name>
    <message>
        <source>API server</source>
        <translation>API 服务器</translation>
    </message>
    <message>
        <source>Serves the model loaded in the app through the OpenAI API, so chat clients, IDE plugins and agent frameworks can use it. Requests from the server and from the Chat page take turns on the one model in memory.</source>
        <translation>通过 OpenAI API 提供应用中已加载的模型，供聊天客户端、IDE 插件和智能体框架使用。服务器和“对话”页面的请求轮流使用内存中的同一个模型。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>Load another…</source>
        <translation>加载其他模型…</translation>
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
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>127.0.0.1: this computer only. 0.0.0.0: every network interface (needs an API key).</source>
        <translation>127.0.0.1：仅本机。0.0.0.0：所有网络接口（需要 API 密钥）。</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>none (this computer only)</source>
        <translation>无（仅限本机）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Start server</source>
        <translation>启动服务器</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Refused (queue full)</source>
        <translation>已拒绝（队列已满）</translation>
    </message>
    <message>
        <source>Tokens generated</source>
        <translation>已生成词元</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Client examples</source>
        <translation>客户端示例</translation>
    </message>
    <message>
        <source>Python (openai)</source>
        <translation>Python（openai）</translation>
    </message>
    <message>
        <source>Copy example</source>
        <translation>复制示例</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>请求日志</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
</TS>
