<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>QuantizePage</name>
    <message>
        <source>Chat with this model…</source>
        <translation>이 모델과 대화…</translation>
    </message>
    <message>
        <source>Quantize</source>
        <translation>양자화</translation>
    </message>
    <message>
        <source>Choose a model folder…</source>
        <translation>모델 폴더 선택…</translation>
    </message>
    <message>
        <source>{name} (just merged)</source>
        <translation>{name} (방금 병합함)</translation>
    </message>
    <message>
        <source>Other folder…</source>
        <translation>다른 폴더…</translation>
    </message>
    <message>
        <source>Choose a LLaMA model folder</source>
        <translation>LLaMA 모델 폴더 선택</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>{name} 읽는 중…</translation>
    </message>
    <message>
        <source>Read model {name}</source>
        <translation>모델 {name} 읽기</translation>
    </message>
    <message>
        <source>SentencePiece</source>
        <translation>SentencePiece</translation>
    </message>
    <message>
        <source>BPE</source>
        <translation>BPE</translation>
    </message>
    <message>
        <source>{params} parameters, {layers} layers, vocabulary {vocab} ({tokenizer}), {size} on disk</source>
        <translation>매개변수 {params}, 레이어 {layers}개, 어휘 {vocab} ({tokenizer}), 디스크 {size}</translation>
    </message>
    <message>
        <source>Meta format (consolidated.NN.pth)</source>
        <translation>Meta 형식(consolidated.NN.pth)</translation>
    </message>
    <message>
        <source>Loaded memory-mapped (faster): {mapped}; read into memory it would take {read}.</source>
        <translation>메모리 매핑으로 불러옴(더 빠름): {mapped}. 메모리로 읽으면 {read}이(가) 필요합니다.</translation>
    </message>
    <message>
        <source>Read into memory (not enough free memory to map the file, which would take {mapped}): {read}.</source>
        <translation>메모리로 읽음(파일을 매핑할 여유 메모리가 부족함, 매핑하면 {mapped} 필요): {read}.</translation>
    </message>
    <message>
        <source>More than this computer&apos;s memory</source>
        <translation>이 컴퓨터의 메모리보다 큼</translation>
    </message>
    <message>
        <source>Recommended here. {note}</source>
        <translation>이 컴퓨터에 권장. {note}</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>출력 폴더 선택</translation>
    </message>
    <message>
        <source>{needed} needed, {free} free</source>
        <translation>필요 {needed}, 여유 {free}</translation>
    </message>
    <message>
        <source>Not enough space: {needed} needed, {free} free. Choose another folder.</source>
        <translation>공간 부족: 필요 {needed}, 여유 {free}. 다른 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Convert to F16</source>
        <translation>F16으로 변환</translation>
    </message>
    <message>
        <source>Convert and quantize to {type}</source>
        <translation>변환 후 {type}(으)로 양자화</translation>
    </message>
    <message>
        <source>Quantize {name} to {type}</source>
        <translation>{name}을(를) {type}(으)로 양자화</translation>
    </message>
    <message>
        <source>Cancelled; no partial file was left behind.</source>
        <translation>취소됨. 불완전한 파일은 남지 않았습니다.</translation>
    </message>
    <message>
        <source>Done: {file}</source>
        <translation>완료: {file}</translation>
    </message>
    <message>
        <source>Done, but the model looks broken: see Perplexity.</source>
        <translation>완료되었지만 모델이 손상된 것 같습니다: 퍼플렉서티를 확인하세요.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>Identical token ids on {n} tokens of Chinese and English text</source>
        <translation>중국어·영어 텍스트 {n}개 토큰의 ID가 동일</translation>
    </message>
    <message>
        <source>Differs from the source tokenizer at token {i}</source>
        <translation>{i}번째 토큰에서 원본 토크나이저와 다름</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>확인하지 않음</translation>
    </message>
    <message>
        <source>Top-1 identical at {m}/{n} positions; max difference {d}</source>
        <translation>{m}/{n} 위치에서 Top-1 일치, 최대 차이 {d}</translation>
    </message>
    <message>
        <source>(near-ties within rounding: {k})</source>
        <translation>(반올림 오차 내 동점: {k})</translation>
    </message>
    <message>
        <source>Not compared (not enough memory for a float32 copy)</source>
        <translation>비교하지 않음(float32 사본을 올릴 메모리 부족)</translation>
    </message>
    <message>
        <source>F16 {base}, {type} {quant} ({change})</source>
        <translation>F16 {base}, {type} {quant} ({change})</translation>
    </message>
    <message>
        <source>F16 {base}</source>
        <translation>F16 {base}</translation>
    </message>
    <message>
        <source>the LoRAs merged in the wrong order (Plus/Pro: LLaMA-Plus first)</source>
        <translation>LoRA 병합 순서가 잘못됨 (Plus/Pro: LLaMA-Plus 먼저)</translation>
    </message>
    <message>
        <source>the wrong base (another LLaMA size, or not the original LLaMA)</source>
        <translation>잘못된 기본 모델 (다른 크기의 LLaMA 또는 원본이 아닌 LLaMA)</translation>
    </message>
    <message>
        <source>Alpaca-Plus/Pro merged without the Chinese-LLaMA-Plus step</source>
        <translation>Chinese-LLaMA-Plus 단계 없이 Alpaca-Plus/Pro를 병합함</translation>
    </message>
    <message>
        <source>untrained or damaged weights</source>
        <translation>학습되지 않았거나 손상된 가중치</translation>
    </message>
    <message>
        <source>The model looks broken: a perplexity of {ppl} is close to guessing at random among its {vocab} tokens (a working model scores well under 100). Likely causes: {causes}. Merge it again on the Merge page.</source>
        <translation>모델이 손상된 것 같습니다: 퍼플렉서티 {ppl}은(는) {vocab}개 토큰 중에서 무작위로 고르는 수준입니다 (정상 모델은 100보다 훨씬 낮습니다). 가능한 원인: {causes}. 병합 페이지에서 다시 병합하세요.</translation>
    </message>
</context>
<context>
    <name>QuantizeView</name>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Choose a LLaMA folder (Hugging Face or Meta .pth), such as a Merge page output.</source>
        <translation>LLaMA 폴더(Hugging Face 또는 Meta .pth)를 선택하세요(예: 병합 페이지의 출력).</translation>
    </message>
    <message>
        <source>1. Model</source>
        <translation>1. 모델</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>파일 크기</translation>
    </message>
    <message>
        <source>RAM to run</source>
        <translation>실행에 필요한 메모리</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>품질</translation>
    </message>
    <message>
        <source>2. Quantization type</source>
        <translation>2. 양자화 유형</translation>
    </message>
    <message>
        <source>Sizes are computed for this model. Q4_K_M suits laptops; Q8_0 is nearly lossless when memory allows.</source>
        <translation>크기는 이 모델 기준으로 계산됩니다. Q4_K_M은 노트북에 알맞고, 메모리가 충분하면 Q8_0은 거의 손실이 없습니다.</translation>
    </message>
    <message>
        <source>Keep the F16 file</source>
        <translation>F16 파일 유지</translation>
    </message>
    <message>
        <source>Needed to try other types without converting again</source>
        <translation>다시 변환하지 않고 다른 유형을 시도할 때 필요</translation>
    </message>
    <message>
        <source>3. Output</source>
        <translation>3. 출력</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>디스크</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>llama.cpp loads it</source>
        <translation>llama.cpp 로드 가능</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>토크나이저</translation>
    </message>
    <message>
        <source>Logits vs transformers</source>
        <translation>transformers와 logits 비교</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>퍼플렉시티</translation>
    </message>
    <message>
        <source>Convert and quantize</source>
        <translation>변환 및 양자화</translation>
    </message>
    <message>
        <source>Start (Ctrl+Enter)</source>
        <translation>시작 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Stop; no partial file is left behind (Esc)</source>
        <translation>중지. 불완전한 파일은 남지 않습니다 (Esc)</translation>
    </message>
    <message>
        <source>Converts a LLaMA model (Hugging Face or Meta .pth) to GGUF for llama.cpp, checks it against the original, and shrinks it with llama.cpp&apos;s quantizer.</source>
        <translation>LLaMA 모델(Hugging Face 또는 Meta .pth)을 llama.cpp용 GGUF로 변환하고, 원본과 대조해 확인한 뒤 llama.cpp 양자화 도구로 줄입니다.</translation>
    </message>
    <message>
        <source>Not quantized: the reference, largest file</source>
        <translation>양자화하지 않음: 기준 모델, 가장 큰 파일</translation>
    </message>
    <message>
        <source>Practically lossless; when memory allows</source>
        <translation>사실상 무손실. 메모리가 충분할 때</translation>
    </message>
    <message>
        <source>Nearly indistinguishable from F16</source>
        <translation>F16과 거의 구별되지 않음</translation>
    </message>
    <message>
        <source>Very close to the original</source>
        <translation>원본에 매우 가까움</translation>
    </message>
    <message>
        <source>Older 5-bit format; prefer Q5_K_M</source>
        <translation>이전 5비트 형식. Q5_K_M 권장</translation>
    </message>
    <message>
        <source>Balanced size and quality: best for laptops</source>
        <translation>크기와 품질의 균형: 노트북에 가장 적합</translation>
    </message>
    <message>
        <source>Older 4-bit format; prefer Q4_K_M</source>
        <translation>이전 4비트 형식. Q4_K_M 권장</translation>
    </message>
    <message>
        <source>Older 4-bit format, upstream&apos;s first default</source>
        <translation>이전 4비트 형식, 업스트림의 초기 기본값</translation>
    </message>
    <message>
        <source>Small; answers get noticeably worse</source>
        <translation>작음. 답변 품질이 눈에 띄게 떨어짐</translation>
    </message>
    <message>
        <source>Smallest; large quality loss</source>
        <translation>가장 작음. 품질 손실이 큼</translation>
    </message>
</context>
</TS>
