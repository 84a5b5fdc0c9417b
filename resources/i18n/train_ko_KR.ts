<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>DataPreview</name>
    <message>
        <source>Choose the base model and the data to see what training will read.</source>
        <translation>기반 모델과 데이터를 고르면 학습이 읽을 내용을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Tokens per record</source>
        <translation>레코드당 토큰 수</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;{p}&quot;&gt;&amp;nbsp;grey: prompt, masked (-100), not trained on&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;{r}&quot;&gt;&amp;nbsp;green: response, trained on&amp;nbsp;&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;{p}&quot;&gt;&amp;nbsp;회색: 프롬프트, 마스킹됨(-100), 학습하지 않음&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;{r}&quot;&gt;&amp;nbsp;초록색: 응답, 학습함&amp;nbsp;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Reading the data…</source>
        <translation>데이터를 읽는 중…</translation>
    </message>
    <message>
        <source>{n} records, {tokens} tokens. {cut} of them are longer than {length} tokens and get truncated.</source>
        <translation>레코드 {n}개, 토큰 {tokens}개. 그중 {cut}개는 {length} 토큰보다 길어 잘립니다.</translation>
    </message>
    <message>
        <source>{n} blocks of {length} tokens ({tokens} tokens in all; the remainder is dropped, as upstream does).</source>
        <translation>{length} 토큰 블록 {n}개 (전체 {tokens} 토큰; 원본 프로젝트처럼 나머지는 버립니다).</translation>
    </message>
    <message>
        <source>records</source>
        <translation>레코드 수</translation>
    </message>
    <message>
        <source>Record {i}: {tokens} tokens, {masked} masked</source>
        <translation>레코드 {i}: 토큰 {tokens}개, 마스킹 {masked}개</translation>
    </message>
    <message>
        <source>Block {i}: {tokens} tokens</source>
        <translation>블록 {i}: 토큰 {tokens}개</translation>
    </message>
</context>
<context>
    <name>HardwarePanel</name>
    <message>
        <source>Choose a base model to see what this computer can train.</source>
        <translation>기반 모델을 고르면 이 컴퓨터로 무엇을 학습할 수 있는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>Gradient checkpointing</source>
        <translation>그래디언트 체크포인팅</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>Use QLoRA (4-bit base)</source>
        <translation>QLoRA 사용 (4비트 기반 모델)</translation>
    </message>
    <message>
        <source>Checking memory…</source>
        <translation>메모리를 확인하는 중…</translation>
    </message>
    <message>
        <source>{params} parameters</source>
        <translation>매개변수 {params}개</translation>
    </message>
    <message>
        <source>{needed} needed, {free} free</source>
        <translation>필요 {needed}, 여유 {free}</translation>
    </message>
    <message>
        <source>micro-batch {micro} × accumulation {accum} = {total} per update</source>
        <translation>마이크로배치 {micro} × 누적 {accum} = 업데이트당 {total}개</translation>
    </message>
    <message>
        <source>On: less memory, about a third slower</source>
        <translation>켜짐: 메모리를 덜 쓰고, 약 3분의 1 느림</translation>
    </message>
    <message>
        <source>Off: fits without it</source>
        <translation>꺼짐: 없어도 메모리에 맞음</translation>
    </message>
    <message>
        <source>The bf16 base does not fit in free memory. QLoRA loads it in 4 bits.</source>
        <translation>bf16 기반 모델이 남은 메모리에 들어가지 않습니다. QLoRA는 4비트로 불러옵니다.</translation>
    </message>
    <message>
        <source>The base does not fit in free memory. QLoRA would need CUDA and bitsandbytes; choose a smaller model, a shorter max length, or another computer.</source>
        <translation>기반 모델이 남은 메모리에 들어가지 않습니다. QLoRA에는 CUDA와 bitsandbytes가 필요합니다. 더 작은 모델, 더 짧은 최대 길이, 또는 다른 컴퓨터를 쓰세요.</translation>
    </message>
    <message>
        <source>Not enough free memory for these settings.</source>
        <translation>이 설정에 필요한 메모리가 부족합니다.</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>This folder holds an earlier run: Resume continues it, or choose another folder for a new run.</source>
        <translation>이 폴더에는 이전 학습이 있습니다. &apos;이어서 학습&apos;으로 계속하거나 새 학습용으로 다른 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Fix the inputs marked in red to see the data.</source>
        <translation>빨간색으로 표시된 입력을 고치면 데이터를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Resume training {name}</source>
        <translation>{name} 학습 이어서 하기</translation>
    </message>
    <message>
        <source>Train {name}</source>
        <translation>{name} 학습</translation>
    </message>
    <message>
        <source>Starting the training process…</source>
        <translation>학습 프로세스를 시작하는 중…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <source>Stopping: saving a checkpoint…</source>
        <translation>중지하는 중: 체크포인트 저장…</translation>
    </message>
    <message>
        <source>Stopped; a checkpoint was saved. Resume continues from it.</source>
        <translation>중지했습니다. 체크포인트를 저장했으니 &apos;이어서 학습&apos;으로 계속할 수 있습니다.</translation>
    </message>
    <message>
        <source>Done: the LoRA is in {path}</source>
        <translation>완료: LoRA 위치 {path}</translation>
    </message>
    <message>
        <source>Last run finished: the LoRA is in {path}</source>
        <translation>지난 학습 완료: LoRA 위치 {path}</translation>
    </message>
    <message>
        <source>The last run stopped at step {step}; Resume continues it.</source>
        <translation>지난 학습이 {step}단계에서 멈췄습니다. &apos;이어서 학습&apos;으로 계속합니다.</translation>
    </message>
</context>
<context>
    <name>RunInputs</name>
    <message>
        <source>Choose a base model…</source>
        <translation>기반 모델 선택…</translation>
    </message>
    <message>
        <source>Same as the base model</source>
        <translation>기반 모델과 같음</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>병합됨</translation>
    </message>
    <message>
        <source>registered base</source>
        <translation>등록된 기반 모델</translation>
    </message>
    <message>
        <source>LoRA tokenizer</source>
        <translation>LoRA 토크나이저</translation>
    </message>
    <message>
        <source>Other folder…</source>
        <translation>다른 폴더…</translation>
    </message>
    <message>
        <source>Choose the base model folder</source>
        <translation>기반 모델 폴더 선택</translation>
    </message>
    <message>
        <source>Choose a folder with tokenizer.model</source>
        <translation>tokenizer.model이 있는 폴더 선택</translation>
    </message>
    <message>
        <source>Alpaca JSON (*.json *.jsonl)</source>
        <translation>Alpaca JSON (*.json *.jsonl)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>텍스트 파일 (*.txt)</translation>
    </message>
    <message>
        <source>Choose the training data</source>
        <translation>학습 데이터 선택</translation>
    </message>
    <message>
        <source>Choose the folder with the training data</source>
        <translation>학습 데이터 폴더 선택</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>출력 폴더 선택</translation>
    </message>
    <message>
        <source>Choose a LoRA folder to continue from</source>
        <translation>이어서 학습할 LoRA 폴더 선택</translation>
    </message>
</context>
<context>
    <name>RunTabView</name>
    <message>
        <source>Folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <source>1. Model</source>
        <translation>1. 모델</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>기반 모델</translation>
    </message>
    <message>
        <source>A Hugging Face LLaMA: a merged model or a registered base from the Models page.</source>
        <translation>Hugging Face 형식 LLaMA: 병합한 모델 또는 &apos;모델&apos; 페이지에 등록한 기반 모델.</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>토크나이저</translation>
    </message>
    <message>
        <source>Instruction tuning needs the Chinese-Alpaca tokenizer (49954 tokens).</source>
        <translation>지시 튜닝에는 Chinese-Alpaca 토크나이저(토큰 49954개)가 필요합니다.</translation>
    </message>
    <message>
        <source>LLaMA&apos;s own, or the Chinese one (49953) to teach LLaMA the new Chinese pieces.</source>
        <translation>LLaMA 자체 토크나이저, 또는 새 중국어 조각을 가르칠 중국어 토크나이저(49953).</translation>
    </message>
    <message>
        <source>Alpaca-format .json file(s) or a folder of them</source>
        <translation>Alpaca 형식 .json 파일 또는 그 폴더</translation>
    </message>
    <message>
        <source>.txt file(s) or a folder of them</source>
        <translation>.txt 파일 또는 그 폴더</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>파일…</translation>
    </message>
    <message>
        <source>2. Data</source>
        <translation>2. 데이터</translation>
    </message>
    <message>
        <source>Records with instruction, input and output, as upstream&apos;s alpaca_data_zh_51k.json.</source>
        <translation>instruction, input, output이 있는 레코드 (원본 프로젝트의 alpaca_data_zh_51k.json과 같은 형식).</translation>
    </message>
    <message>
        <source>Plain text, one example per line; lines are joined and cut into blocks.</source>
        <translation>일반 텍스트, 한 줄에 예제 하나; 줄을 이어 붙여 블록으로 자릅니다.</translation>
    </message>
    <message>
        <source>By epochs</source>
        <translation>에폭 기준</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Load the base in 4 bits (QLoRA)</source>
        <translation>기반 모델을 4비트로 불러오기 (QLoRA)</translation>
    </message>
    <message>
        <source>Optional: a LoRA folder to continue training</source>
        <translation>선택: 이어서 학습할 LoRA 폴더</translation>
    </message>
    <message>
        <source>3. Training settings</source>
        <translation>3. 학습 설정</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>How big each update is. Upstream: 2e-4 for pre-training, 1e-4 for instruction tuning.</source>
        <translation>업데이트 한 번의 크기. 원본: 사전 학습 2e-4, 지시 튜닝 1e-4.</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>LoRA 랭크</translation>
    </message>
    <message>
        <source>Size of the LoRA matrices: higher learns more and uses more memory. Upstream: 8.</source>
        <translation>LoRA 행렬 크기: 클수록 더 많이 배우고 메모리를 더 씁니다. 원본: 8.</translation>
    </message>
    <message>
        <source>LoRA alpha</source>
        <translation>LoRA 알파</translation>
    </message>
    <message>
        <source>Scales the LoRA update (the effect is alpha / rank). Upstream: 32.</source>
        <translation>LoRA 업데이트의 배율 (효과는 알파 / 랭크). 원본: 32.</translation>
    </message>
    <message>
        <source>LoRA dropout</source>
        <translation>LoRA 드롭아웃</translation>
    </message>
    <message>
        <source>Drops LoRA inputs at random while training, against overfitting. Upstream: 0.05.</source>
        <translation>학습 중 LoRA 입력을 무작위로 버려 과적합을 막습니다. 원본: 0.05.</translation>
    </message>
    <message>
        <source>Max length</source>
        <translation>최대 길이</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>블록 크기</translation>
    </message>
    <message>
        <source>Tokens per record; longer records are cut. Upstream: 512.</source>
        <translation>레코드당 토큰 수; 더 긴 레코드는 잘립니다. 원본: 512.</translation>
    </message>
    <message>
        <source>Tokens per training block; the text is joined and cut into blocks. Upstream: 512.</source>
        <translation>학습 블록당 토큰 수; 텍스트를 이어 붙여 블록으로 자릅니다. 원본: 512.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Passes over the data. Upstream: 1.</source>
        <translation>데이터를 도는 횟수. 원본: 1.</translation>
    </message>
    <message>
        <source>Max steps</source>
        <translation>최대 단계</translation>
    </message>
    <message>
        <source>Stop after this many optimizer steps instead of counting epochs.</source>
        <translation>에폭 대신 이 최적화 단계 수에서 멈춥니다.</translation>
    </message>
    <message>
        <source>Micro-batch</source>
        <translation>마이크로배치</translation>
    </message>
    <message>
        <source>Records per forward pass; automatic picks the largest that fits in memory.</source>
        <translation>순전파 한 번의 레코드 수; 자동이면 메모리에 맞는 가장 큰 값을 고릅니다.</translation>
    </message>
    <message>
        <source>Accumulation</source>
        <translation>누적</translation>
    </message>
    <message>
        <source>Micro-batches added up per update; automatic keeps upstream&apos;s effective batch.</source>
        <translation>업데이트당 더하는 마이크로배치 수; 자동이면 원본의 유효 배치를 유지합니다.</translation>
    </message>
    <message>
        <source>Save every</source>
        <translation>저장 간격</translation>
    </message>
    <message>
        <source>Steps between checkpoints; Stop and Resume continue from the last one.</source>
        <translation>체크포인트 사이 단계 수; 중지 후 &apos;이어서 학습&apos;은 마지막 체크포인트부터 계속합니다.</translation>
    </message>
    <message>
        <source>Trains a 7B model on a 12–16 GB GPU; needs CUDA and bitsandbytes.</source>
        <translation>12–16 GB GPU에서 7B 모델을 학습합니다. CUDA와 bitsandbytes가 필요합니다.</translation>
    </message>
    <message>
        <source>Continue from</source>
        <translation>이어서 학습할 LoRA</translation>
    </message>
    <message>
        <source>Upstream&apos;s --peft_path: train further on an existing LoRA (its rank and alpha are kept).</source>
        <translation>원본의 --peft_path: 기존 LoRA를 더 학습합니다 (랭크와 알파는 그대로).</translation>
    </message>
    <message>
        <source>4. Output</source>
        <translation>4. 출력</translation>
    </message>
    <message>
        <source>Checkpoints, metrics.jsonl and the final LoRA (lora/) go here.</source>
        <translation>체크포인트, metrics.jsonl, 최종 LoRA(lora/)가 여기에 저장됩니다.</translation>
    </message>
    <message>
        <source>Data preview</source>
        <translation>데이터 미리 보기</translation>
    </message>
    <message>
        <source>Hardware check</source>
        <translation>하드웨어 확인</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>학습 시작</translation>
    </message>
    <message>
        <source>Start training in a separate process (Ctrl+Enter)</source>
        <translation>별도 프로세스에서 학습 시작 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Stop after the current step; a checkpoint is saved (Esc)</source>
        <translation>현재 단계가 끝나면 중지; 체크포인트를 저장합니다 (Esc)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>이어서 학습</translation>
    </message>
    <message>
        <source>Continue from the last checkpoint</source>
        <translation>마지막 체크포인트부터 계속</translation>
    </message>
    <message>
        <source>Merge this LoRA…</source>
        <translation>이 LoRA 병합…</translation>
    </message>
    <message>
        <source>Chat with this LoRA…</source>
        <translation>이 LoRA로 대화…</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <source>Vocabulary</source>
        <translation>어휘</translation>
    </message>
    <message>
        <source>Pre-training</source>
        <translation>사전 학습</translation>
    </message>
    <message>
        <source>Instruction tuning</source>
        <translation>지시 튜닝</translation>
    </message>
    <message>
        <source>Upstream&apos;s training recipe without a terminal: expand the vocabulary, continue pre-training with LoRA, then instruction-tune. Each run goes to a LoRA folder that the Merge and Chat pages open.</source>
        <translation>터미널 없이 원본 프로젝트의 학습 방법을 씁니다: 어휘 확장, LoRA로 사전 학습 계속, 그다음 지시 튜닝. 학습마다 LoRA 폴더가 생기며 &apos;병합&apos;과 &apos;대화&apos; 페이지에서 바로 열 수 있습니다.</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>학습이 진행 중입니다</translation>
    </message>
    <message>
        <source>Stop training and quit? A checkpoint is saved first; Resume continues from it next time.</source>
        <translation>학습을 중지하고 종료할까요? 먼저 체크포인트를 저장하며, 다음에 &apos;이어서 학습&apos;으로 계속할 수 있습니다.</translation>
    </message>
    <message>
        <source>Stopping: saving a checkpoint…</source>
        <translation>중지하는 중: 체크포인트 저장…</translation>
    </message>
</context>
<context>
    <name>TrainingCharts</name>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>평활</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>초당 토큰 수</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>토큰/초</translation>
    </message>
    <message>
        <source>No run yet. The charts fill in as training logs its steps.</source>
        <translation>아직 학습이 없습니다. 학습이 단계를 기록하면 차트가 채워집니다.</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>확대/축소 초기화</translation>
    </message>
    <message>
        <source>Mouse wheel zooms, dragging pans; this shows every step again</source>
        <translation>마우스 휠로 확대/축소, 끌어서 이동; 이 버튼은 모든 단계를 다시 보여 줍니다</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>PNG로 저장…</translation>
    </message>
    <message>
        <source>Waiting for the first step…</source>
        <translation>첫 단계를 기다리는 중…</translation>
    </message>
    <message>
        <source>Step {step} of {total}</source>
        <translation>{total}단계 중 {step}단계</translation>
    </message>
    <message>
        <source>loss {loss}</source>
        <translation>손실 {loss}</translation>
    </message>
    <message>
        <source>{rate} tokens/s</source>
        <translation>{rate} 토큰/초</translation>
    </message>
    <message>
        <source>GPU memory {gb} GB</source>
        <translation>GPU 메모리 {gb} GB</translation>
    </message>
    <message>
        <source>ETA {eta}</source>
        <translation>남은 시간 {eta}</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Save the charts</source>
        <translation>차트 저장</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
</context>
<context>
    <name>VocabController</name>
    <message>
        <source>Choose text files</source>
        <translation>텍스트 파일 선택</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>텍스트 파일 (*.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Save the SentencePiece model</source>
        <translation>SentencePiece 모델 저장</translation>
    </message>
    <message>
        <source>SentencePiece models (*.model)</source>
        <translation>SentencePiece 모델 (*.model)</translation>
    </message>
    <message>
        <source>SentencePiece models (*.model);;All files (*)</source>
        <translation>SentencePiece 모델 (*.model);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Choose LLaMA&apos;s tokenizer.model</source>
        <translation>LLaMA의 tokenizer.model 선택</translation>
    </message>
    <message>
        <source>Choose the Chinese SentencePiece model</source>
        <translation>중국어 SentencePiece 모델 선택</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>출력 폴더 선택</translation>
    </message>
    <message>
        <source>Choose one or more text files to learn the vocabulary from.</source>
        <translation>어휘를 배울 텍스트 파일을 하나 이상 고르세요.</translation>
    </message>
    <message>
        <source>Choose where to save the SentencePiece model.</source>
        <translation>SentencePiece 모델을 저장할 곳을 고르세요.</translation>
    </message>
    <message>
        <source>Training the SentencePiece model…</source>
        <translation>SentencePiece 모델을 학습하는 중…</translation>
    </message>
    <message>
        <source>Learn a vocabulary of {n} pieces</source>
        <translation>조각 {n}개의 어휘 학습</translation>
    </message>
    <message>
        <source>Saved {file}. It is filled in below as the Chinese pieces.</source>
        <translation>{file}을(를) 저장했습니다. 아래 &apos;중국어 조각&apos;에 채워 두었습니다.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <source>LLaMA tokenizer</source>
        <translation>LLaMA 토크나이저</translation>
    </message>
    <message>
        <source>Chinese pieces</source>
        <translation>중국어 조각</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>출력 폴더</translation>
    </message>
    <message>
        <source>Choose: {fields}.</source>
        <translation>선택하세요: {fields}.</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>병합하는 중…</translation>
    </message>
    <message>
        <source>Merge vocabularies into {name}</source>
        <translation>어휘를 {name}(으)로 병합</translation>
    </message>
    <message>
        <source>Merged: {size} pieces ({added} added). The tokenizer for training is {folder}.</source>
        <translation>병합 완료: 조각 {size}개 ({added}개 추가). 학습용 토크나이저는 {folder}입니다.</translation>
    </message>
</context>
<context>
    <name>VocabView</name>
    <message>
        <source>One or more .txt files; several separated by ;</source>
        <translation>.txt 파일 하나 이상; 여러 개는 ;로 구분</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>파일…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Train vocabulary</source>
        <translation>어휘 학습</translation>
    </message>
    <message>
        <source>1. Learn a Chinese vocabulary from your text (optional)</source>
        <translation>1. 내 텍스트로 중국어 어휘 학습 (선택)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Plain text in the language you will train on; more text gives better pieces.</source>
        <translation>학습할 언어의 일반 텍스트; 텍스트가 많을수록 조각이 좋아집니다.</translation>
    </message>
    <message>
        <source>Vocabulary size</source>
        <translation>어휘 크기</translation>
    </message>
    <message>
        <source>Pieces to learn. Upstream&apos;s chinese_sp.model has 20000.</source>
        <translation>학습할 조각 수. 원본의 chinese_sp.model은 20000개입니다.</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>저장 위치</translation>
    </message>
    <message>
        <source>LLaMA&apos;s tokenizer.model (32000 pieces)</source>
        <translation>LLaMA의 tokenizer.model (조각 32000개)</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>파일…</translation>
    </message>
    <message>
        <source>A Chinese SentencePiece .model</source>
        <translation>중국어 SentencePiece .model</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <source>Merge vocabularies</source>
        <translation>어휘 병합</translation>
    </message>
    <message>
        <source>Pre-train with it…</source>
        <translation>이것으로 사전 학습…</translation>
    </message>
    <message>
        <source>Opens the Pre-training tab with this tokenizer chosen</source>
        <translation>이 토크나이저를 고른 채로 &apos;사전 학습&apos; 탭을 엽니다</translation>
    </message>
    <message>
        <source>2. Merge it into LLaMA&apos;s vocabulary</source>
        <translation>2. LLaMA 어휘에 병합</translation>
    </message>
    <message>
        <source>LLaMA tokenizer</source>
        <translation>LLaMA 토크나이저</translation>
    </message>
    <message>
        <source>Chinese pieces</source>
        <translation>중국어 조각</translation>
    </message>
    <message>
        <source>Upstream&apos;s merge: the pieces LLaMA lacks are appended in order (32000 + chinese_sp = 49953).</source>
        <translation>원본의 병합 방식: LLaMA에 없는 조각을 순서대로 덧붙입니다 (32000 + chinese_sp = 49953).</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>출력 폴더</translation>
    </message>
    <message>
        <source>Gets tokenizer.model and the Hugging Face tokenizer files; use it as the Tokenizer for pre-training.</source>
        <translation>tokenizer.model과 Hugging Face 토크나이저 파일이 생깁니다. 사전 학습의 토크나이저로 쓰세요.</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>병합 전</translation>
    </message>
    <message>
        <source>After</source>
        <translation>병합 후</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변화</translation>
    </message>
    <message>
        <source>Pieces added</source>
        <translation>추가된 조각</translation>
    </message>
    <message>
        <source>Chinese: tokens per 1,000 characters</source>
        <translation>중국어: 1,000자당 토큰 수</translation>
    </message>
    <message>
        <source>English: tokens per 1,000 characters</source>
        <translation>영어: 1,000자당 토큰 수</translation>
    </message>
    <message>
        <source>Tokens per 1,000 characters (fewer is better)</source>
        <translation>1,000자당 토큰 수 (적을수록 좋음)</translation>
    </message>
    <message>
        <source>Merge to compare the new vocabulary with LLaMA&apos;s: Chinese text takes about half as many tokens.</source>
        <translation>병합하면 새 어휘를 LLaMA 어휘와 비교합니다: 중국어 텍스트의 토큰 수가 약 절반으로 줄어듭니다.</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>인코딩 효율</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>before</source>
        <translation>병합 전</translation>
    </message>
    <message>
        <source>after</source>
        <translation>병합 후</translation>
    </message>
    <message>
        <source>Chinese text needs {ratio}× fewer tokens with the merged vocabulary.</source>
        <translation>병합한 어휘로는 중국어 텍스트의 토큰이 {ratio}배 적게 듭니다.</translation>
    </message>
</context>
</TS>
