<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>ChatController</name>
    <message>
        <source>Load a model first: pick one above and press Load.</source>
        <translation>먼저 모델을 불러오세요: 위에서 고르고 불러오기를 누르세요.</translation>
    </message>
    <message>
        <source>Chat reply</source>
        <translation>대화 답변</translation>
    </message>
    <message>
        <source>{n} older message(s) no longer fit in the model&apos;s context and were left out of this reply. The system prompt is kept.</source>
        <translation>오래된 메시지 {n}개가 모델 컨텍스트에 들어가지 않아 이번 답변에서 제외되었습니다. 시스템 프롬프트는 유지됩니다.</translation>
    </message>
    <message>
        <source>{rate:.1f} tokens/s · first token {ttft:.2f} s · {n} tokens</source>
        <translation>{rate:.1f} 토큰/초 · 첫 토큰 {ttft:.2f}초 · {n} 토큰</translation>
    </message>
    <message>
        <source>Loading failed: {reason}</source>
        <translation>불러오기 실패: {reason}</translation>
    </message>
</context>
<context>
    <name>ChatList</name>
    <message>
        <source>New chat</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>새 대화 시작 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <source>Import a chat exported as JSON</source>
        <translation>JSON으로 내보낸 대화 가져오기</translation>
    </message>
    <message>
        <source>Search chats (Ctrl+F)</source>
        <translation>대화 검색 (Ctrl+F)</translation>
    </message>
    <message>
        <source>No chats yet.</source>
        <translation>아직 대화가 없습니다.</translation>
    </message>
    <message>
        <source>No chat contains “{text}”.</source>
        <translation>“{text}”을(를) 포함한 대화가 없습니다.</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Markdown으로 내보내기…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>JSON으로 내보내기…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>Chat</source>
        <translation>대화</translation>
    </message>
    <message>
        <source>Models ready to chat: GGUF files and merged models in your models folder, and models you opened before</source>
        <translation>대화할 수 있는 모델: 모델 폴더의 GGUF 파일과 병합된 모델, 이전에 열었던 모델</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>열기…</translation>
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
        <source>Load</source>
        <translation>불러오기</translation>
    </message>
    <message>
        <source>Unload</source>
        <translation>내리기</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>불러온 모델 없음</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Show or hide the chat settings (Ctrl+Shift+S)</source>
        <translation>대화 설정 보이기/숨기기 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>어시스턴트</translation>
    </message>
    <message>
        <source>System</source>
        <translation>시스템</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>코드 복사</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>클립보드에 복사했습니다.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Type a message. Enter sends, Shift+Enter adds a line.</source>
        <translation>메시지를 입력하세요. Enter는 보내기, Shift+Enter는 줄 바꿈입니다.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop the reply (Esc); what was written is kept</source>
        <translation>답변 중지 (Esc); 이미 작성된 내용은 유지됩니다</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <source>Answer the last message again; the old answer is kept (Ctrl+R)</source>
        <translation>마지막 메시지에 다시 답변합니다; 이전 답변은 유지됩니다 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Continue an answer that was cut off</source>
        <translation>잘린 답변 이어서 생성</translation>
    </message>
    <message>
        <source>Context %v / %m</source>
        <translation>컨텍스트 %v / %m</translation>
    </message>
    <message>
        <source>How much of the model&apos;s context the conversation fills (tokens)</source>
        <translation>대화가 모델 컨텍스트를 얼마나 차지하는지 (토큰)</translation>
    </message>
    <message>
        <source>Chat with a model</source>
        <translation>모델과 대화하기</translation>
    </message>
    <message>
        <source>Go to the Models page</source>
        <translation>모델 페이지로 이동</translation>
    </message>
    <message>
        <source>Try the starter model (English-only demo)</source>
        <translation>입문용 모델 사용해 보기 (영어 전용 데모)</translation>
    </message>
    <message>
        <source>Open a model…</source>
        <translation>모델 열기…</translation>
    </message>
</context>
<context>
    <name>ChatsMixin</name>
    <message>
        <source>{rate:.1f} tokens/s</source>
        <translation>{rate:.1f} 토큰/초</translation>
    </message>
    <message>
        <source>{n} tokens</source>
        <translation>{n} 토큰</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>cut off (Continue to go on)</source>
        <translation>잘림 (계속을 눌러 이어서 생성)</translation>
    </message>
    <message>
        <source>Rename chat</source>
        <translation>대화 이름 바꾸기</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation>“{title}”을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>대화 내보내기</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>{path}(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>Import a chat</source>
        <translation>대화 가져오기</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>가져오기 실패</translation>
    </message>
    <message>
        <source>Editing an earlier message: Send makes a new branch, the old one is kept (Esc cancels).</source>
        <translation>이전 메시지 편집 중: 보내면 새 분기가 만들어지고 이전 분기는 유지됩니다 (Esc로 취소).</translation>
    </message>
</context>
<context>
    <name>ModelsMixin</name>
    <message>
        <source>SmolLM2-135M-Instruct (English-only demo)</source>
        <translation>SmolLM2-135M-Instruct (영어 전용 데모)</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>아직 모델 없음</translation>
    </message>
    <message>
        <source>Pick a model above and press Load, or open any GGUF file or Hugging Face folder.</source>
        <translation>위에서 모델을 고르고 불러오기를 누르거나, GGUF 파일 또는 Hugging Face 폴더를 여세요.</translation>
    </message>
    <message>
        <source>You have no Chinese-LLaMA/Alpaca model yet. Get one on the Models page (download, merge, quantize), or try the app now with a small English-only starter model.</source>
        <translation>아직 Chinese-LLaMA/Alpaca 모델이 없습니다. 모델 페이지에서 받거나(다운로드, 병합, 양자화), 작은 영어 전용 입문용 모델로 지금 앱을 사용해 보세요.</translation>
    </message>
    <message>
        <source>You have no model yet. Get a Chinese-Alpaca model on the Models page (download, merge, quantize), or open any GGUF file or Hugging Face folder.</source>
        <translation>아직 모델이 없습니다. 모델 페이지에서 Chinese-Alpaca 모델을 받거나(다운로드, 병합, 양자화), GGUF 파일 또는 Hugging Face 폴더를 여세요.</translation>
    </message>
    <message>
        <source>On the CPU only ({n} layers).</source>
        <translation>CPU에서만 실행({n}개 층).</translation>
    </message>
    <message>
        <source>About {vram} of GPU memory for {k} of {n} layers.</source>
        <translation>{n}개 층 중 {k}개에 GPU 메모리 약 {vram}.</translation>
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
        <source>Wait for the reply to finish (or stop it) before changing the model.</source>
        <translation>모델을 바꾸기 전에 답변이 끝날 때까지 기다리거나 중지하세요.</translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation>{name} 불러오는 중…</translation>
    </message>
    <message>
        <source>Loading cancelled.</source>
        <translation>불러오기를 취소했습니다.</translation>
    </message>
    <message>
        <source>{progress} · memory in use {rss}</source>
        <translation>{progress} · 사용 중인 메모리 {rss}</translation>
    </message>
    <message>
        <source>Loading failed: {reason}</source>
        <translation>불러오기 실패: {reason}</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>불러온 모델 없음</translation>
    </message>
    <message>
        <source>{name} · {kind} · {ctx} tokens</source>
        <translation>{name} · {kind} · {ctx} 토큰</translation>
    </message>
    <message>
        <source>(trained with {n})</source>
        <translation>(학습 길이 {n})</translation>
    </message>
    <message>
        <source>extended from {n} (RoPE scaling)</source>
        <translation>{n}에서 확장됨 (RoPE 스케일링)</translation>
    </message>
    <message>
        <source>memory-mapped</source>
        <translation>메모리 매핑</translation>
    </message>
    <message>
        <source>read into memory</source>
        <translation>메모리로 읽음</translation>
    </message>
    <message>
        <source>{name} was trained with a {trained}-token context; {chosen} tokens without long-context scaling garbles what lies past {trained}. Choose {trained} or less, or turn on Long context (NTK) in the settings.</source>
        <translation>{name}은(는) {trained}토큰 컨텍스트로 학습되었습니다. 긴 컨텍스트 스케일링 없이 {chosen}토큰을 쓰면 {trained}을(를) 넘는 부분이 깨집니다. {trained} 이하를 선택하거나 설정에서 긴 컨텍스트(NTK)를 켜세요.</translation>
    </message>
    <message>
        <source>Base model: it continues your text rather than answering it. Use a Chinese-Alpaca model to chat.</source>
        <translation>기반 모델: 질문에 답하지 않고 글을 이어 씁니다. 대화하려면 Chinese-Alpaca 모델을 사용하세요.</translation>
    </message>
    <message>
        <source>This looks like a base model, not a chat model: it continues your text instead of answering it.</source>
        <translation>대화 모델이 아닌 기반 모델로 보입니다: 답하는 대신 글을 이어 씁니다.</translation>
    </message>
    <message>
        <source>Template in use: {name}</source>
        <translation>사용 중인 템플릿: {name}</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Optional. For Alpaca it replaces the instruction header.</source>
        <translation>선택 사항. Alpaca 모델에서는 지시문 템플릿의 머리말을 대신합니다.</translation>
    </message>
    <message>
        <source>Automatic (from the model)</source>
        <translation>자동 (모델에 따라)</translation>
    </message>
    <message>
        <source>Chinese-Alpaca (upstream)</source>
        <translation>Chinese-Alpaca (업스트림 템플릿)</translation>
    </message>
    <message>
        <source>Chinese-Alpaca (gradio demo multi-turn)</source>
        <translation>Chinese-Alpaca (gradio 데모 멀티턴)</translation>
    </message>
    <message>
        <source>Base model (plain continuation)</source>
        <translation>기반 모델 (단순 이어쓰기)</translation>
    </message>
    <message>
        <source>Chat template in the model</source>
        <translation>모델에 포함된 대화 템플릿</translation>
    </message>
    <message>
        <source>Custom (Jinja)…</source>
        <translation>사용자 지정 (Jinja)…</translation>
    </message>
    <message>
        <source>llama.cpp (upstream)</source>
        <translation>llama.cpp (업스트림)</translation>
    </message>
    <message>
        <source>inference_hf (upstream)</source>
        <translation>inference_hf (업스트림)</translation>
    </message>
    <message>
        <source>gradio demo (upstream)</source>
        <translation>gradio 데모 (업스트림)</translation>
    </message>
    <message>
        <source>Precise (greedy)</source>
        <translation>정확 (탐욕적)</translation>
    </message>
    <message>
        <source>Creative</source>
        <translation>창의적</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>사용자 지정</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>e.g. ### | User:</source>
        <translation>예: ### | User:</translation>
    </message>
    <message>
        <source>Tokens the model reads at once. Above the length it was trained with, RoPE scaling stretches it (upstream: 8K with llama.cpp, 4K+ with transformers); quality may drop the further it goes.</source>
        <translation>모델이 한 번에 읽는 토큰 수입니다. 학습된 길이를 넘으면 RoPE 스케일링으로 늘립니다(업스트림: llama.cpp 8K, transformers 4K 이상). 길수록 품질이 떨어질 수 있습니다.</translation>
    </message>
    <message>
        <source>NTK-aware (as upstream)</source>
        <translation>NTK 인식 (업스트림과 동일)</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>끄기</translation>
    </message>
    <message>
        <source>How positions are stretched when the context size is above the model&apos;s trained length (llama.cpp rope_freq_base / rope_freq_scale, transformers rope_scaling).</source>
        <translation>컨텍스트 크기가 모델의 학습 길이를 넘을 때 위치를 늘리는 방법 (llama.cpp rope_freq_base / rope_freq_scale, transformers rope_scaling).</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>As in Settings</source>
        <translation>설정과 같음</translation>
    </message>
    <message>
        <source>Layers of this GGUF model that llama.cpp puts on the GPU (0: none). &apos;As in Settings&apos; follows the GPU switch on the Settings page (all layers or none). Remembered for each model.</source>
        <translation>llama.cpp가 GPU에 올릴 이 GGUF 모델의 층 수(0: 없음). &apos;설정과 같음&apos;은 설정 페이지의 GPU 스위치(모든 층 또는 없음)를 따릅니다. 모델마다 기억됩니다.</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>프롬프트</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>시스템 프롬프트</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>템플릿</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>온도</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>반복 페널티</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>최대 생성 토큰 수</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Stop strings</source>
        <translation>중지 문자열</translation>
    </message>
    <message>
        <source>Model loading</source>
        <translation>모델 불러오기</translation>
    </message>
    <message>
        <source>Context size</source>
        <translation>컨텍스트 크기</translation>
    </message>
    <message>
        <source>Long context</source>
        <translation>긴 컨텍스트</translation>
    </message>
    <message>
        <source>LoRA (unmerged)</source>
        <translation>LoRA (병합하지 않음)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation>GPU 층 수</translation>
    </message>
    <message>
        <source>Loading options apply when the model is next loaded.</source>
        <translation>로드 옵션은 다음에 모델을 로드할 때 적용됩니다.</translation>
    </message>
    <message>
        <source>CUDA (NVIDIA GPU)</source>
        <translation>CUDA (NVIDIA GPU)</translation>
    </message>
    <message>
        <source>MPS (Apple GPU)</source>
        <translation>MPS (Apple GPU)</translation>
    </message>
    <message>
        <source>Where a Hugging Face model runs. Automatic: the GPU when there is one, else the CPU.</source>
        <translation>Hugging Face 모델을 실행할 장치입니다. 자동: GPU가 있으면 GPU, 없으면 CPU.</translation>
    </message>
    <message>
        <source>Number format of the weights. Automatic: float16 on a GPU, float32 on the CPU.</source>
        <translation>가중치의 숫자 형식입니다. 자동: GPU에서는 float16, CPU에서는 float32.</translation>
    </message>
    <message>
        <source>GGUF models keep the precision they were quantized to; GPU offload is set on the Settings page.</source>
        <translation>GGUF 모델은 양자화된 정밀도를 그대로 사용합니다. GPU 오프로드는 설정 페이지에서 지정합니다.</translation>
    </message>
    <message>
        <source>Choose a LoRA</source>
        <translation>LoRA 선택</translation>
    </message>
    <message>
        <source>LoRA (*.gguf adapter_config.json)</source>
        <translation>LoRA (*.gguf adapter_config.json)</translation>
    </message>
</context>
</TS>
