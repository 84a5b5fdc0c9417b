<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>MergePage</name>
    <message>
        <source>Choose the LoRAs and the base model to see the plan.</source>
        <translation>LoRA와 기반 모델을 선택하면 병합 계획이 표시됩니다.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>병합</translation>
    </message>
    <message>
        <source>Chat with it…</source>
        <translation>이 모델과 채팅…</translation>
    </message>
    <message>
        <source>Quantize this model…</source>
        <translation>이 모델 양자화…</translation>
    </message>
    <message>
        <source>Add LoRA folders (PEFT: adapter_config.json + adapter_model), including ones trained on the Train page. Plus/Pro: the LLaMA-Plus LoRA first; a reversed pair is put right automatically.</source>
        <translation>LoRA 폴더(PEFT: adapter_config.json + adapter_model)를 추가하세요. 학습 페이지에서 학습한 LoRA도 됩니다. Plus/Pro: LLaMA-Plus LoRA가 먼저이며, 순서가 바뀌면 자동으로 바로잡습니다.</translation>
    </message>
    <message>
        <source>Not downloaded yet: {ids}. Download them on the Models page first.</source>
        <translation>아직 다운로드되지 않음: {ids}. 먼저 모델 페이지에서 다운로드하세요.</translation>
    </message>
    <message>
        <source>{name}: vocabulary {vocab}, merged into original {base}.</source>
        <translation>{name}: 어휘 {vocab}, 원본 {base}에 병합.</translation>
    </message>
    <message>
        <source>Choose a LoRA folder</source>
        <translation>LoRA 폴더 선택</translation>
    </message>
    <message>
        <source>Choose the original LLaMA folder</source>
        <translation>원본 LLaMA 폴더 선택</translation>
    </message>
    <message>
        <source>Choose where the merged model goes</source>
        <translation>병합된 모델을 저장할 위치 선택</translation>
    </message>
    <message>
        <source>Verification is not available in this build.</source>
        <translation>이 빌드에서는 검증을 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>Verifying the weight files…</source>
        <translation>가중치 파일 검증 중…</translation>
    </message>
    <message>
        <source>Verify {name}</source>
        <translation>{name} 검증</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>검증이 취소되었습니다.</translation>
    </message>
    <message>
        <source>✓ Verified: every weight file matches the published SHA256.</source>
        <translation>✓ 검증됨: 모든 가중치 파일이 공개된 SHA256과 일치합니다.</translation>
    </message>
    <message>
        <source>No published hashes for these files: they could not be verified.</source>
        <translation>이 파일들은 공개된 해시가 없어 검증할 수 없습니다.</translation>
    </message>
    <message>
        <source>✗ A weight file differs from the published SHA256: it may be damaged.</source>
        <translation>✗ 공개된 SHA256과 다른 가중치 파일이 있습니다. 손상되었을 수 있습니다.</translation>
    </message>
    <message>
        <source>Checking the inputs…</source>
        <translation>입력 확인 중…</translation>
    </message>
    <message>
        <source>HF safetensors</source>
        <translation>HF safetensors</translation>
    </message>
    <message>
        <source>HF .bin</source>
        <translation>HF .bin</translation>
    </message>
    <message>
        <source>Meta .pth</source>
        <translation>Meta .pth</translation>
    </message>
    <message>
        <source>Base: {name} ({fmt}), vocabulary {vocab}</source>
        <translation>기반: {name} ({fmt}), 어휘 {vocab}</translation>
    </message>
    <message>
        <source>Step {n}: merge {name} → vocabulary {vocab}</source>
        <translation>{n}단계: {name} 병합 → 어휘 {vocab}</translation>
    </message>
    <message>
        <source>Hugging Face safetensors</source>
        <translation>Hugging Face safetensors</translation>
    </message>
    <message>
        <source>Meta consolidated.NN.pth</source>
        <translation>Meta consolidated.NN.pth</translation>
    </message>
    <message>
        <source>Output: {size} as {format}; {free} free on that disk</source>
        <translation>출력: {size}, 형식 {format}; 해당 디스크 여유 공간 {free}</translation>
    </message>
    <message>
        <source>Expected peak memory: {memory} (the model is processed one tensor at a time)</source>
        <translation>예상 최대 메모리: {memory} (모델을 텐서 단위로 처리)</translation>
    </message>
    <message>
        <source>An earlier merge into this folder was stopped and left {size} of partial files; they are removed when the merge starts.</source>
        <translation>이 폴더로 진행하던 이전 병합이 중단되어 {size}의 미완성 파일이 남아 있습니다. 병합을 시작하면 삭제됩니다.</translation>
    </message>
    <message>
        <source>Remove them now</source>
        <translation>지금 삭제</translation>
    </message>
    <message>
        <source>The output folder {folder} already exists and is not empty.</source>
        <translation>출력 폴더 {folder}이(가) 이미 있고 비어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Use {name} instead</source>
        <translation>대신 {name} 사용</translation>
    </message>
    <message>
        <source>Overwrite it</source>
        <translation>덮어쓰기</translation>
    </message>
    <message>
        <source>Order put right: {order} (the LLaMA-Plus LoRA first, then Alpaca).</source>
        <translation>순서를 바로잡았습니다: {order} (LLaMA-Plus LoRA 먼저, 그다음 Alpaca).</translation>
    </message>
    <message>
        <source>{name} needs {missing} merged first; this merge leaves it out, so the model would be broken.</source>
        <translation>{name}은(는) {missing}을(를) 먼저 병합해야 합니다. 이 병합에는 빠져 있어 모델이 손상됩니다.</translation>
    </message>
    <message>
        <source>Merge the full chain: {chain}</source>
        <translation>전체 체인 병합: {chain}</translation>
    </message>
    <message>
        <source>This LoRA has the 49954-token Chinese-Alpaca vocabulary and goes straight onto a 32000-token LLaMA. That is right for the first Alpaca LoRAs, but Alpaca-Plus and Alpaca-Pro LoRAs need the Chinese-LLaMA-Plus LoRA merged first: add it above this one.</source>
        <translation>이 LoRA는 49954개 토큰의 Chinese-Alpaca 어휘를 가지며 32000개 토큰의 LLaMA에 바로 병합됩니다. 1세대 Alpaca LoRA에는 맞지만, Alpaca-Plus와 Alpaca-Pro LoRA는 Chinese-LLaMA-Plus LoRA를 먼저 병합해야 합니다: 이 LoRA 위에 추가하세요.</translation>
    </message>
    <message>
        <source>The merge cannot start:</source>
        <translation>병합을 시작할 수 없습니다:</translation>
    </message>
    <message>
        <source>Remove partial files</source>
        <translation>미완성 파일 삭제</translation>
    </message>
    <message>
        <source>Merge {name}</source>
        <translation>{name} 병합</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>취소되었습니다. 아무것도 기록되지 않았습니다.</translation>
    </message>
    <message>
        <source>Done: {folder}</source>
        <translation>완료: {folder}</translation>
    </message>
    <message>
        <source>Merged model written to {folder}</source>
        <translation>병합된 모델을 {folder}에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>MergeView</name>
    <message>
        <source>Custom LoRA folder(s)…</source>
        <translation>사용자 LoRA 폴더…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>1. Model to build</source>
        <translation>1. 만들 모델</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>LoRAs, in merge order</source>
        <translation>LoRA (병합 순서대로)</translation>
    </message>
    <message>
        <source>Folder with config.json (HF) or consolidated.00.pth + params.json</source>
        <translation>config.json(HF) 또는 consolidated.00.pth + params.json이 있는 폴더</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Compare the weight files with the published SHA256 hashes</source>
        <translation>가중치 파일을 공개된 SHA256 해시와 비교합니다</translation>
    </message>
    <message>
        <source>2. Original LLaMA</source>
        <translation>2. 원본 LLaMA</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>기반 모델</translation>
    </message>
    <message>
        <source>Hugging Face (safetensors) — for quantizing, chat and training</source>
        <translation>Hugging Face (safetensors) — 양자화, 채팅, 학습용</translation>
    </message>
    <message>
        <source>Meta (consolidated.NN.pth) — for tools that want the original layout</source>
        <translation>Meta (consolidated.NN.pth) — 원래 형식이 필요한 도구용</translation>
    </message>
    <message>
        <source>float16 (as published)</source>
        <translation>float16 (배포본과 동일)</translation>
    </message>
    <message>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <source>float32 (twice the size)</source>
        <translation>float32 (크기 두 배)</translation>
    </message>
    <message>
        <source>3. Output</source>
        <translation>3. 출력</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>출력 폴더</translation>
    </message>
    <message>
        <source>Choose the LoRAs and the base model to see the plan.</source>
        <translation>LoRA와 기반 모델을 선택하면 병합 계획이 표시됩니다.</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>진행될 작업</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>병합</translation>
    </message>
    <message>
        <source>Start the merge (Ctrl+Enter)</source>
        <translation>병합 시작 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Stop the merge; nothing is left behind (Esc)</source>
        <translation>병합을 중지합니다. 남는 파일은 없습니다 (Esc)</translation>
    </message>
    <message>
        <source>The Chinese LLaMA/Alpaca releases are LoRA patches. Merging one (or, for Plus and Pro, two in order) into the original LLaMA gives the full model. The merge runs tensor by tensor, so it needs little memory.</source>
        <translation>Chinese LLaMA/Alpaca는 LoRA 패치로 배포됩니다. 이를 원본 LLaMA에 병합하면(Plus와 Pro는 두 개를 순서대로) 완전한 모델이 됩니다. 병합은 텐서 단위로 진행되므로 메모리를 적게 사용합니다.</translation>
    </message>
</context>
</TS>
