<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>ModelDetails</name>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Published SHA256</source>
        <translation>공개된 SHA256</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>검사</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>다운로드</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 중지</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Verify files</source>
        <translation>파일 검증</translation>
    </message>
    <message>
        <source>Files and published hashes</source>
        <translation>파일과 공개된 해시</translation>
    </message>
    <message>
        <source>Instruction model (ChatGPT-like): questions, writing, advice and multi-turn chat. It expects the Alpaca prompt template, which Alpaca Studio applies for you.</source>
        <translation>지시 모델 (ChatGPT 유사): 질문, 글쓰기, 조언, 다중 턴 대화. Alpaca 프롬프트 템플릿이 필요하며 Alpaca Studio가 자동으로 적용합니다.</translation>
    </message>
    <message>
        <source>Pro fixes the too-short answers of the Plus version.</source>
        <translation>Pro는 Plus 버전의 너무 짧은 답변 문제를 개선했습니다.</translation>
    </message>
    <message>
        <source>Prefer the Pro version unless you want short answers.</source>
        <translation>짧은 답변을 원하지 않는다면 Pro 버전을 권장합니다.</translation>
    </message>
    <message>
        <source>Base model for text continuation: give it the start of a text and it writes on. Not meant for instructions or chat; without a stop it writes until the length limit.</source>
        <translation>텍스트 이어 쓰기용 기반 모델: 글의 앞부분을 주면 이어서 씁니다. 지시나 대화용이 아니며, 멈추지 않으면 길이 제한까지 계속 씁니다.</translation>
    </message>
    <message>
        <source>Legacy model: superseded by the Plus/Pro models, still useful in some cases.</source>
        <translation>이전 모델: Plus/Pro 모델로 대체되었지만 일부 경우에는 여전히 유용합니다.</translation>
    </message>
    <message>
        <source>⚠ {base} registered despite other hashes: {path}</source>
        <translation>⚠ {base} 등록됨(해시 불일치): {path}</translation>
    </message>
    <message>
        <source>✓ {base} registered: {path}</source>
        <translation>✓ {base} 등록됨: {path}</translation>
    </message>
    <message>
        <source>✗ Not registered yet: add your own copy.</source>
        <translation>✗ 아직 등록되지 않음: 가지고 있는 사본을 추가하세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Needs&lt;/b&gt; the original {base}. {status}</source>
        <translation>원본 {base}이(가) &lt;b&gt;필요합니다&lt;/b&gt;. {status}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Merge order:&lt;/b&gt; {chain}</source>
        <translation>&lt;b&gt;병합 순서:&lt;/b&gt; {chain}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Disk:&lt;/b&gt; about {disk} (LoRA {lora}, merged FP16 {fp16}, 4-bit GGUF {q4}).</source>
        <translation>&lt;b&gt;디스크:&lt;/b&gt; 약 {disk} (LoRA {lora}, 병합된 FP16 {fp16}, 4-bit GGUF {q4}).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Memory:&lt;/b&gt; {q4} to chat with the 4-bit model, {q8} at 8-bit, {fp16} at FP16.</source>
        <translation>&lt;b&gt;메모리:&lt;/b&gt; 4-bit 모델로 대화 시 {q4}, 8-bit {q8}, FP16 {fp16}.</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>다운로드 안 됨</translation>
    </message>
    <message>
        <source>Partly downloaded ({size}); resume to finish</source>
        <translation>일부 다운로드됨 ({size}); 재개하여 완료하세요</translation>
    </message>
    <message>
        <source>Downloaded, not verified yet</source>
        <translation>다운로드됨, 아직 검증 안 됨</translation>
    </message>
    <message>
        <source>✓ Downloaded and verified</source>
        <translation>✓ 다운로드 및 검증 완료</translation>
    </message>
    <message>
        <source>✗ Failed: {why}</source>
        <translation>✗ 실패: {why}</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>알 수 없는 이유</translation>
    </message>
    <message>
        <source>Merged: {path}</source>
        <translation>병합됨: {path}</translation>
    </message>
    <message>
        <source>Converted to GGUF ({type}), not quantized yet: {path}</source>
        <translation>GGUF({type})로 변환됨, 아직 양자화되지 않음: {path}</translation>
    </message>
    <message>
        <source>Quantized: {path}</source>
        <translation>양자화됨: {path}</translation>
    </message>
    <message>
        <source>instruction model</source>
        <translation>지시 모델</translation>
    </message>
    <message>
        <source>base model</source>
        <translation>기반 모델</translation>
    </message>
    <message>
        <source>{amount} of general text</source>
        <translation>일반 텍스트 {amount}</translation>
    </message>
    <message>
        <source>{amount} instructions</source>
        <translation>지시 데이터 {amount}</translation>
    </message>
    <message>
        <source>{kind} · {size} · LoRA {lora} · vocabulary {vocab} · trained on {data}</source>
        <translation>{kind} · {size} · LoRA {lora} · 어휘 {vocab} · 학습 데이터 {data}</translation>
    </message>
    <message>
        <source>⚠ The registered {base} differs from the published SHA256 ({files}). It was registered anyway; a model merged from it may be broken.</source>
        <translation>⚠ 등록된 {base}이(가) 공개된 SHA256과 다릅니다({files}). 불일치를 알고도 등록했으므로 이것으로 병합한 모델이 손상되었을 수 있습니다.</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>검사 안 됨</translation>
    </message>
    <message>
        <source>present</source>
        <translation>있음</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Resume download</source>
        <translation>다운로드 재개</translation>
    </message>
    <message>
        <source>Download again</source>
        <translation>다시 다운로드</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>(legacy)</source>
        <translation>(이전)</translation>
    </message>
    <message>
        <source>Instruction (chat)</source>
        <translation>지시 (대화)</translation>
    </message>
    <message>
        <source>Base (continuation)</source>
        <translation>기반 (이어 쓰기)</translation>
    </message>
    <message>
        <source>Reading the models folder…</source>
        <translation>모델 폴더를 읽는 중…</translation>
    </message>
    <message>
        <source>Downloading {details}</source>
        <translation>다운로드 중 {details}</translation>
    </message>
    <message>
        <source>Paused (partly downloaded)</source>
        <translation>일시 중지됨 (일부 다운로드)</translation>
    </message>
    <message>
        <source>Downloaded (not verified)</source>
        <translation>다운로드됨 (검증 안 됨)</translation>
    </message>
    <message>
        <source>✓ Verified</source>
        <translation>✓ 검증됨</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ 실패</translation>
    </message>
    <message>
        <source>✓ Merged</source>
        <translation>✓ 병합됨</translation>
    </message>
    <message>
        <source>✓ Converted to GGUF ({type})</source>
        <translation>✓ GGUF({type})로 변환됨</translation>
    </message>
    <message>
        <source>✓ Quantized</source>
        <translation>✓ 양자화됨</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>다운로드 안 됨</translation>
    </message>
    <message>
        <source>✓ matches the published SHA256</source>
        <translation>✓ 공개된 SHA256과 일치</translation>
    </message>
    <message>
        <source>⚠ differs from the published SHA256, registered anyway</source>
        <translation>⚠ 공개된 SHA256과 다르지만 등록됨</translation>
    </message>
    <message>
        <source>no published SHA256 for these files</source>
        <translation>이 파일들에 대한 공개된 SHA256 없음</translation>
    </message>
    <message>
        <source>Base LLaMA: {list}</source>
        <translation>원본 LLaMA: {list}</translation>
    </message>
    <message>
        <source>No base LLaMA registered yet. The LoRAs are patches: they need your copy of the original LLaMA to merge into.</source>
        <translation>등록된 원본 LLaMA가 없습니다. LoRA는 패치이므로 직접 가진 원본 LLaMA와 병합해야 합니다.</translation>
    </message>
    <message>
        <source>Chat…</source>
        <translation>대화…</translation>
    </message>
    <message>
        <source>Quantize…</source>
        <translation>양자화…</translation>
    </message>
    <message>
        <source>Download {name} (merged first)…</source>
        <translation>{name} 다운로드 (먼저 병합 필요)…</translation>
    </message>
    <message>
        <source>Add {base}…</source>
        <translation>{base} 추가…</translation>
    </message>
    <message>
        <source>Merge with {base}…</source>
        <translation>{base}와 병합…</translation>
    </message>
    <message>
        <source>Download {name}</source>
        <translation>{name} 다운로드</translation>
    </message>
    <message>
        <source>{name} downloaded: {summary}</source>
        <translation>{name} 다운로드 완료: {summary}</translation>
    </message>
    <message>
        <source>{n} file(s): {ok} verified, {bad} mismatched, {unknown} unknown</source>
        <translation>파일 {n}개: 검증됨 {ok}, 불일치 {bad}, 알 수 없음 {unknown}</translation>
    </message>
    <message>
        <source>Verify {what}</source>
        <translation>{what} 검증</translation>
    </message>
    <message>
        <source>Choose a folder to verify</source>
        <translation>검증할 폴더 선택</translation>
    </message>
    <message>
        <source>Add base LLaMA {name}</source>
        <translation>원본 LLaMA {name} 추가</translation>
    </message>
    <message>
        <source>Registered {name} ({status})</source>
        <translation>{name} 등록됨 ({status})</translation>
    </message>
    <message>
        <source>Detected LLaMA-{size}: used for the {size} models.</source>
        <translation>LLaMA-{size} 감지됨: {size} 모델에 사용됩니다.</translation>
    </message>
    <message>
        <source>{name}: its shapes could not be read, so it is not used for any model.</source>
        <translation>{name}: 형태를 읽을 수 없어 어떤 모델에도 사용되지 않습니다.</translation>
    </message>
    <message>
        <source>{name}: not a {sizes} LLaMA (hidden size {hidden}, {layers} layers; the originals have {known}). The catalog&apos;s LoRAs are made for those sizes, so it is not used as the base of any model; choose it by hand on the Merge page for your own LoRAs.</source>
        <translation>{name}: {sizes} LLaMA가 아닙니다 (은닉 크기 {hidden}, {layers}개 층; 원본은 {known}). 카탈로그의 LoRA는 이 크기용으로 만들어졌으므로 어떤 모델의 기본 모델로도 쓰이지 않습니다. 직접 만든 LoRA에는 병합 페이지에서 직접 선택하세요.</translation>
    </message>
    <message>
        <source>The base LLaMA differs from the published files</source>
        <translation>기본 LLaMA가 공개된 파일과 다릅니다</translation>
    </message>
    <message>
        <source>{folder} does not match the published SHA256:</source>
        <translation>{folder}이(가) 공개된 SHA256과 일치하지 않습니다:</translation>
    </message>
    <message>
        <source>{file} ({entry})
expected {expected}
found {actual}</source>
        <translation>{file} ({entry})
예상 {expected}
실제 {actual}</translation>
    </message>
    <message>
        <source>The file may be damaged or a different conversion, and a model merged from it may be broken. Register it anyway only if you know why it differs.</source>
        <translation>파일이 손상되었거나 다른 방식으로 변환된 것일 수 있으며, 이것으로 병합한 모델이 손상될 수 있습니다. 다른 이유를 알고 있을 때만 그래도 등록하세요.</translation>
    </message>
    <message>
        <source>Register anyway</source>
        <translation>그래도 등록</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Remove base LLaMA</source>
        <translation>기본 LLaMA 제거</translation>
    </message>
    <message>
        <source>Remove {name} from the list?</source>
        <translation>{name}을(를) 목록에서 제거할까요?</translation>
    </message>
    <message>
        <source>Alpaca Studio only forgets this registration: the files in {path} are not deleted, and you can add the folder again later.</source>
        <translation>Alpaca Studio는 이 등록만 지웁니다. {path}의 파일은 삭제되지 않으며 나중에 폴더를 다시 추가할 수 있습니다.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Forgot the base LLaMA in {path}; its files were left in place.</source>
        <translation>{path}의 기본 LLaMA 등록을 지웠습니다. 파일은 그대로 있습니다.</translation>
    </message>
    <message>
        <source>Choose the original LLaMA folder</source>
        <translation>원본 LLaMA 폴더 선택</translation>
    </message>
</context>
<context>
    <name>ModelsView</name>
    <message>
        <source>All families</source>
        <translation>모든 계열</translation>
    </message>
    <message>
        <source>Chinese-LLaMA (base)</source>
        <translation>Chinese-LLaMA (기반)</translation>
    </message>
    <message>
        <source>Chinese-Alpaca (chat)</source>
        <translation>Chinese-Alpaca (대화)</translation>
    </message>
    <message>
        <source>All sizes</source>
        <translation>모든 크기</translation>
    </message>
    <message>
        <source>Show legacy models</source>
        <translation>이전 모델 표시</translation>
    </message>
    <message>
        <source>Models the upstream project no longer recommends</source>
        <translation>원 프로젝트에서 더 이상 권장하지 않는 모델</translation>
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
        <source>Mirror URL (optional)</source>
        <translation>미러 URL (선택)</translation>
    </message>
    <message>
        <source>Base URL of a mirror with the same layout as the chosen source</source>
        <translation>선택한 소스와 같은 구조를 가진 미러의 기본 URL</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Download the selected model (Ctrl+D)</source>
        <translation>선택한 모델 다운로드 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>검증…</translation>
    </message>
    <message>
        <source>Check any folder of model files against the published SHA256 (Ctrl+Shift+V)</source>
        <translation>임의 폴더의 모델 파일을 공개된 SHA256과 대조 (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <source>Add local base LLaMA…</source>
        <translation>로컬 원본 LLaMA 추가…</translation>
    </message>
    <message>
        <source>Meta consolidated.*.pth + params.json, or an HF-format LLaMA folder</source>
        <translation>Meta의 consolidated.*.pth + params.json 또는 HF 형식 LLaMA 폴더</translation>
    </message>
    <message>
        <source>Remove base LLaMA…</source>
        <translation>기본 LLaMA 제거…</translation>
    </message>
    <message>
        <source>Forget a registered base LLaMA; its files are not deleted</source>
        <translation>등록된 기본 LLaMA를 목록에서 제외합니다. 파일은 삭제되지 않습니다</translation>
    </message>
    <message>
        <source>Verification results</source>
        <translation>검증 결과</translation>
    </message>
    <message>
        <source>Download from</source>
        <translation>다운로드 소스</translation>
    </message>
</context>
<context>
    <name>VerifyResults</name>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>Matches {entry}</source>
        <translation>{entry}와 일치</translation>
    </message>
    <message>
        <source>Does not match {entry}: expected {expected}, got {actual}</source>
        <translation>{entry}와 불일치: 예상 {expected}, 실제 {actual}</translation>
    </message>
    <message>
        <source>No published hash (SHA256 {sha})</source>
        <translation>공개된 해시 없음 (SHA256 {sha})</translation>
    </message>
</context>
</TS>
