<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>SettingsPage</name>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Hugging Face</source>
        <translation>Hugging Face</translation>
    </message>
    <message>
        <source>hf-mirror (mainland China)</source>
        <translation>hf-mirror (중국 본토)</translation>
    </message>
    <message>
        <source>ModelScope</source>
        <translation>ModelScope</translation>
    </message>
    <message>
        <source>e.g. http://127.0.0.1:7890 (empty: system proxy)</source>
        <translation>예: http://127.0.0.1:7890 (비워 두면 시스템 프록시)</translation>
    </message>
    <message>
        <source>Automatic ({n} cores)</source>
        <translation>자동 ({n}코어)</translation>
    </message>
    <message>
        <source>Use the GPU when one is available (CUDA, Metal, Vulkan builds)</source>
        <translation>사용 가능한 GPU가 있으면 사용 (CUDA, Metal, Vulkan 빌드)</translation>
    </message>
    <message>
        <source>Checking this computer&apos;s GPU support…</source>
        <translation>이 컴퓨터의 GPU 지원을 확인하는 중…</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>저장소</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>모델 폴더</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>다운로드</translation>
    </message>
    <message>
        <source>Download source</source>
        <translation>다운로드 소스</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>프록시</translation>
    </message>
    <message>
        <source>General</source>
        <translation>일반</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU 스레드</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>로그 폴더 열기</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>기본값 복원</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Found: {what}</source>
        <translation>찾음: {what}</translation>
    </message>
    <message>
        <source>No usable GPU found ({what}); everything runs on the CPU.</source>
        <translation>사용 가능한 GPU가 없습니다({what}). 모든 작업이 CPU에서 실행됩니다.</translation>
    </message>
    <message>
        <source>Choose the models folder</source>
        <translation>모델 폴더 선택</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>저장되지 않음: {reason}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>저장됨.</translation>
    </message>
    <message>
        <source>The new language applies the next time Alpaca Studio starts.</source>
        <translation>새 언어는 Alpaca Studio를 다음에 시작할 때 적용됩니다.</translation>
    </message>
</context>
</TS>
