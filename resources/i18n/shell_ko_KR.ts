<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name></name>
    <message>
        <source>Copy details</source>
        <translation>세부 정보 복사</translation>
    </message>
</context>
<context>
    <name>JobRow</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>No jobs yet. Downloads, merges and conversions appear here.</source>
        <translation>아직 작업이 없습니다. 다운로드, 병합, 변환 작업이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>끝난 작업 지우기</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>Open log folder</source>
        <translation>로그 폴더 열기</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
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
        <translation>작업</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Show or hide the jobs panel</source>
        <translation>작업 패널 표시/숨기기</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>{title} failed</source>
        <translation>{title} 실패</translation>
    </message>
    <message>
        <source>{n} job(s) running</source>
        <translation>작업 {n}개 실행 중</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Jobs are running</source>
        <translation>실행 중인 작업이 있습니다</translation>
    </message>
    <message>
        <source>{n} job(s) are still running. Cancel them and quit?</source>
        <translation>작업 {n}개가 아직 실행 중입니다. 취소하고 종료할까요?</translation>
    </message>
</context>
<context>
    <name>RunBar</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작 중…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소 중…</translation>
    </message>
    <message>
        <source>Failed: {message}</source>
        <translation>실패: {message}</translation>
    </message>
</context>
</TS>
