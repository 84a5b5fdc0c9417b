<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>ServerPage</name>
    <message>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>The server could not start</source>
        <translation>서버를 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>API server</source>
        <translation>API 서버</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source>Open a GGUF model</source>
        <translation>GGUF 모델 열기</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 모델 (*.gguf);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>Hugging Face 모델 폴더 열기</translation>
    </message>
    <message>
        <source>The model could not be loaded</source>
        <translation>모델을 불러올 수 없습니다</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>No model loaded: load one here or on the Chat page</source>
        <translation>불러온 모델 없음: 여기나 채팅 페이지에서 불러오세요</translation>
    </message>
    <message>
        <source>{name} (as &quot;{id}&quot;)</source>
        <translation>{name} (모델 이름 &quot;{id}&quot;)</translation>
    </message>
    <message>
        <source>The server stopped</source>
        <translation>서버가 멈췄습니다</translation>
    </message>
    <message>
        <source>client left</source>
        <translation>클라이언트 연결 끊김</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
    <message>
        <source>Listening on {host} makes the server reachable from other machines: set an API key first.</source>
        <translation>{host}에서 수신하면 다른 컴퓨터에서 서버에 접근할 수 있습니다. 먼저 API 키를 설정하세요.</translation>
    </message>
    <message>
        <source>Reachable from other machines on the network; every request needs the API key.</source>
        <translation>네트워크의 다른 컴퓨터에서 접근할 수 있습니다. 모든 요청에 API 키가 필요합니다.</translation>
    </message>
    <message>
        <source>No model is loaded: requests are answered with an error until one is.</source>
        <translation>불러온 모델이 없습니다. 모델을 불러올 때까지 요청에 오류로 응답합니다.</translation>
    </message>
    <message>
        <source>Running at {url}</source>
        <translation>{url}에서 실행 중</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>클립보드에 복사했습니다.</translation>
    </message>
</context>
<context>
    <name>ServerView</name>
    <message>
        <source>API server</source>
        <translation>API 서버</translation>
    </message>
    <message>
        <source>Serves the model loaded in the app through the OpenAI API, so chat clients, IDE plugins and agent frameworks can use it. Requests from the server and from the Chat page take turns on the one model in memory.</source>
        <translation>앱에 불러온 모델을 OpenAI API로 제공하여 채팅 클라이언트, IDE 플러그인, 에이전트 프레임워크에서 사용할 수 있게 합니다. 서버와 채팅 페이지의 요청은 메모리에 있는 하나의 모델을 차례로 사용합니다.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>불러온 모델 없음</translation>
    </message>
    <message>
        <source>Load another…</source>
        <translation>다른 모델 불러오기…</translation>
    </message>
    <message>
        <source>GGUF file…</source>
        <translation>GGUF 파일…</translation>
    </message>
    <message>
        <source>Hugging Face model folder…</source>
        <translation>Hugging Face 모델 폴더…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>127.0.0.1: this computer only. 0.0.0.0: every network interface (needs an API key).</source>
        <translation>127.0.0.1: 이 컴퓨터만. 0.0.0.0: 모든 네트워크 인터페이스(API 키 필요).</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>none (this computer only)</source>
        <translation>없음(이 컴퓨터만)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 키</translation>
    </message>
    <message>
        <source>Start server</source>
        <translation>서버 시작</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Refused (queue full)</source>
        <translation>거부됨(대기열 가득 참)</translation>
    </message>
    <message>
        <source>Tokens generated</source>
        <translation>생성한 토큰</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Client examples</source>
        <translation>클라이언트 예제</translation>
    </message>
    <message>
        <source>Python (openai)</source>
        <translation>Python (openai)</translation>
    </message>
    <message>
        <source>Copy example</source>
        <translation>예제 복사</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>요청 기록</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>엔드포인트</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>토큰</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
</context>
</TS>
