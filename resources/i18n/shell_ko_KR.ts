<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name></name>
    <message>
        <source>Copy details</source>
        <translation>세부 정보 복사</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>tensors</source>
        <translation>텐서</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>토큰</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>문항</translation>
    </message>
    <message>
        <source>files</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>shards</source>
        <translation>샤드</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>층</translation>
    </message>
    <message>
        <source>records</source>
        <translation>레코드 수</translation>
    </message>
    <message>
        <source>ETA {time}</source>
        <translation>남은 시간 {time}</translation>
    </message>
    <message>
        <source>{done}/{total} {unit}</source>
        <translation>{done}/{total} {unit}</translation>
    </message>
    <message>
        <source>{rate} {unit}/s</source>
        <translation>{rate} {unit}/초</translation>
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
        <source>Nothing to open there: drop a .gguf file, a model folder or a LoRA folder.</source>
        <translation>열 수 있는 항목이 없습니다: .gguf 파일, 모델 폴더 또는 LoRA 폴더를 끌어다 놓으세요.</translation>
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
    <name>MenuBar</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Open a GGUF model…</source>
        <translation>GGUF 모델 열기…</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder…</source>
        <translation>Hugging Face 모델 폴더 열기…</translation>
    </message>
    <message>
        <source>Verify a folder against the published SHA256…</source>
        <translation>공개된 SHA256으로 폴더 검증…</translation>
    </message>
    <message>
        <source>Add a local base LLaMA…</source>
        <translation>로컬 기본 LLaMA 추가…</translation>
    </message>
    <message>
        <source>Import a chat…</source>
        <translation>대화 가져오기…</translation>
    </message>
    <message>
        <source>Export the chat as Markdown…</source>
        <translation>대화를 Markdown으로 내보내기…</translation>
    </message>
    <message>
        <source>Export the chat as JSON…</source>
        <translation>대화를 JSON으로 내보내기…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <source>Rename the chat…</source>
        <translation>대화 이름 바꾸기…</translation>
    </message>
    <message>
        <source>Delete the chat</source>
        <translation>대화 삭제</translation>
    </message>
    <message>
        <source>Regenerate the reply</source>
        <translation>답변 다시 생성</translation>
    </message>
    <message>
        <source>Find in chats</source>
        <translation>대화에서 찾기</translation>
    </message>
    <message>
        <source>Download the selected model</source>
        <translation>선택한 모델 다운로드</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>설정…</translation>
    </message>
    <message>
        <source>Jobs and log panel</source>
        <translation>작업 및 로그 패널</translation>
    </message>
    <message>
        <source>Refresh: read the models folder again</source>
        <translation>새로 고침: 모델 폴더 다시 읽기</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <source>About Alpaca Studio</source>
        <translation>Alpaca Studio 정보</translation>
    </message>
    <message>
        <source>Open a chat first (Chat page, list on the left).</source>
        <translation>먼저 대화를 여세요 (대화 페이지 왼쪽 목록).</translation>
    </message>
    <message>
        <source>Reading the models folder again…</source>
        <translation>모델 폴더를 다시 읽는 중…</translation>
    </message>
    <message>
        <source>On job pages, Ctrl+Enter starts and Esc cancels. In Chat, Enter sends and Shift+Enter adds a line.</source>
        <translation>작업 페이지에서 Ctrl+Enter는 시작, Esc는 취소입니다. 대화에서 Enter는 보내기, Shift+Enter는 줄 바꿈입니다.</translation>
    </message>
    <message>
        <source>A desktop workbench for the Chinese-LLaMA and Chinese-Alpaca models: download, merge, quantize, chat, train, serve and evaluate, on your own computer.</source>
        <translation>Chinese-LLaMA 및 Chinese-Alpaca 모델을 위한 데스크톱 작업대: 내 컴퓨터에서 다운로드, 병합, 양자화, 대화, 학습, 서비스, 평가를 합니다.</translation>
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
