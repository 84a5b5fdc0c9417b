<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name>SettingsPage</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
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
        <source>e.g. http://127.0.0.1:7890 (empty: system proxy)</source>
        <translation>例如 http://127.0.0.1:7890（留空：使用系统代理）</translation>
    </message>
    <message>
        <source>Automatic ({n} cores)</source>
        <translation>自动（{n} 核）</translation>
    </message>
    <message>
        <source>Use the GPU when one is available (CUDA, Metal, Vulkan builds)</source>
        <translation>有可用 GPU 时使用 GPU（CUDA、Metal、Vulkan 版本）</translation>
    </message>
    <message>
        <source>Checking this computer&apos;s GPU support…</source>
        <translation>正在检查本机的 GPU 支持…</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Download source</source>
        <translation>下载源</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Found: {what}</source>
        <translation>已找到：{what}</translation>
    </message>
    <message>
        <source>No usable GPU found ({what}); everything runs on the CPU.</source>
        <translation>未找到可用的 GPU（{what}）；全部在 CPU 上运行。</translation>
    </message>
    <message>
        <source>Choose the models folder</source>
        <translation>选择模型文件夹</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>The new language applies the next time Alpaca Studio starts.</source>
        <translation>新语言将在下次启动 Alpaca Studio 时生效。</translation>
    </message>
</context>
</TS>
