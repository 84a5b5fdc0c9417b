<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name></name>
    <message>
        <source>STEM</source>
        <translation>STEM</translation>
    </message>
    <message>
        <source>Social Science</source>
        <translation>사회과학</translation>
    </message>
    <message>
        <source>Humanities</source>
        <translation>인문학</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
</context>
<context>
    <name>EvalPage</name>
    <message>
        <source>Progress</source>
        <translation>진행</translation>
    </message>
    <message>
        <source>Results and comparison</source>
        <translation>결과 및 비교</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Start (Ctrl+Enter)</source>
        <translation>시작 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Stop; answered questions are kept and the run continues when started again (Esc)</source>
        <translation>중지합니다. 답한 문항은 유지되며 다시 시작하면 이어서 진행합니다 (Esc)</translation>
    </message>
    <message>
        <source>Measures a model on C-Eval (52 subjects, 4 groups) exactly as the upstream project does: did quantization cost accuracy, did fine-tuning help?</source>
        <translation>업스트림 프로젝트와 똑같은 방식으로 C-Eval(52개 과목, 4개 그룹)에서 모델을 평가합니다. 양자화로 정확도가 떨어졌는지, 파인튜닝이 도움이 되었는지 확인하세요.</translation>
    </message>
    <message>
        <source>Choose a GGUF model</source>
        <translation>GGUF 모델 선택</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 모델 (*.gguf)</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder</source>
        <translation>Hugging Face 모델 폴더 선택</translation>
    </message>
    <message>
        <source>Choose a GGUF LoRA file</source>
        <translation>GGUF LoRA 파일 선택</translation>
    </message>
    <message>
        <source>GGUF LoRA files (*.gguf)</source>
        <translation>GGUF LoRA 파일 (*.gguf)</translation>
    </message>
    <message>
        <source>Choose a LoRA folder</source>
        <translation>LoRA 폴더 선택</translation>
    </message>
    <message>
        <source>Choose the unzipped ceval-exam folder</source>
        <translation>압축을 푼 ceval-exam 폴더 선택</translation>
    </message>
    <message>
        <source>{folder} has no {split}/ folder: choose the unzipped ceval-exam folder.</source>
        <translation>{folder}에 {split}/ 폴더가 없습니다. 압축을 푼 ceval-exam 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Count C-Eval questions</source>
        <translation>C-Eval 문항 수 세기</translation>
    </message>
    <message>
        <source>{n} questions</source>
        <translation>{n}개 문항</translation>
    </message>
    <message>
        <source>Download C-Eval data</source>
        <translation>C-Eval 데이터 다운로드</translation>
    </message>
    <message>
        <source>Download failed: {message}</source>
        <translation>다운로드 실패: {message}</translation>
    </message>
    <message>
        <source>C-Eval {name}</source>
        <translation>C-Eval {name}</translation>
    </message>
    <message>
        <source>Stopped. Start again with the same settings to continue.</source>
        <translation>중지되었습니다. 같은 설정으로 다시 시작하면 이어서 진행합니다.</translation>
    </message>
    <message>
        <source>Predicted {n} questions: submission.json is ready to submit.</source>
        <translation>{n}개 문항을 예측했습니다. submission.json을 제출할 수 있습니다.</translation>
    </message>
    <message>
        <source>Accuracy {score:.1f}% ({correct}/{num}), {rate:.2f} questions/s.</source>
        <translation>정확도 {score:.1f}% ({correct}/{num}), 초당 {rate:.2f}문항.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} 저장됨</translation>
    </message>
</context>
<context>
    <name>ProgressTable</name>
    <message>
        <source>Subject</source>
        <translation>과목</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>문항</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>진행 중…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Check the runs to compare</source>
        <translation>비교할 실행을 선택하세요</translation>
    </message>
    <message>
        <source>Upstream&apos;s published C-Eval scores (All), from the Chinese-LLaMA-Alpaca technical report</source>
        <translation>Chinese-LLaMA-Alpaca 기술 보고서에 공개된 업스트림의 C-Eval 점수 (전체)</translation>
    </message>
    <message>
        <source>Your runs</source>
        <translation>내 실행</translation>
    </message>
    <message>
        <source>Published by upstream (same split and shots)</source>
        <translation>업스트림 공개 점수 (같은 세트와 예제 수)</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Save this table as a CSV file</source>
        <translation>이 표를 CSV 파일로 저장</translation>
    </message>
    <message>
        <source>No runs yet: a finished evaluation appears here.</source>
        <translation>아직 실행이 없습니다. 끝난 평가가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>{split}, {shots}-shot</source>
        <translation>{split}, {shots}-shot</translation>
    </message>
    <message>
        <source>template</source>
        <translation>템플릿</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>STEM</source>
        <translation>STEM</translation>
    </message>
    <message>
        <source>Social Science</source>
        <translation>사회과학</translation>
    </message>
    <message>
        <source>Humanities</source>
        <translation>인문학</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>과목</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>비교 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
</context>
<context>
    <name>SetupForm</name>
    <message>
        <source>A .gguf file or a Hugging Face model folder</source>
        <translation>.gguf 파일 또는 Hugging Face 모델 폴더</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>파일…</translation>
    </message>
    <message>
        <source>Choose a GGUF file</source>
        <translation>GGUF 파일 선택</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>폴더…</translation>
    </message>
    <message>
        <source>Choose a Hugging Face model folder</source>
        <translation>Hugging Face 모델 폴더 선택</translation>
    </message>
    <message>
        <source>Optional: a LoRA applied without merging</source>
        <translation>선택 사항: 병합하지 않고 적용할 LoRA</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>1. Model</source>
        <translation>1. 모델</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>The unzipped ceval-exam folder (dev/, val/, test/)</source>
        <translation>압축을 푼 ceval-exam 폴더 (dev/, val/, test/)</translation>
    </message>
    <message>
        <source>Download C-Eval data</source>
        <translation>C-Eval 데이터 다운로드</translation>
    </message>
    <message>
        <source>Download ceval-exam.zip from the source chosen in Settings and unpack it</source>
        <translation>설정에서 고른 소스에서 ceval-exam.zip을 내려받아 압축을 풉니다</translation>
    </message>
    <message>
        <source>C-Eval is published as ceval-exam.zip in the dataset ceval/ceval-exam on &lt;a href=&quot;{hf}&quot;&gt;Hugging Face&lt;/a&gt;, &lt;a href=&quot;{mirror}&quot;&gt;hf-mirror&lt;/a&gt; and &lt;a href=&quot;{ms}&quot;&gt;ModelScope&lt;/a&gt;. Download and unzip it, or let the app do it.</source>
        <translation>C-Eval은 &lt;a href=&quot;{hf}&quot;&gt;Hugging Face&lt;/a&gt;, &lt;a href=&quot;{mirror}&quot;&gt;hf-mirror&lt;/a&gt;, &lt;a href=&quot;{ms}&quot;&gt;ModelScope&lt;/a&gt;의 데이터셋 ceval/ceval-exam에 ceval-exam.zip으로 공개되어 있습니다. 직접 내려받아 압축을 풀거나 앱에 맡기세요.</translation>
    </message>
    <message>
        <source>2. C-Eval data</source>
        <translation>2. C-Eval 데이터</translation>
    </message>
    <message>
        <source>All</source>
        <translation>모두 선택</translation>
    </message>
    <message>
        <source>None</source>
        <translation>선택 해제</translation>
    </message>
    <message>
        <source>3. Subjects</source>
        <translation>3. 과목</translation>
    </message>
    <message>
        <source>Validation (scored, 1346 questions)</source>
        <translation>검증 세트 (채점, 1346문항)</translation>
    </message>
    <message>
        <source>Test (predictions for the C-Eval submission)</source>
        <translation>테스트 세트 (C-Eval 제출용 예측)</translation>
    </message>
    <message>
        <source>0 (zero-shot)</source>
        <translation>0 (zero-shot)</translation>
    </message>
    <message>
        <source>Solved dev examples before each question (upstream: 5)</source>
        <translation>각 문항 앞에 두는 dev 예제 수 (업스트림: 5)</translation>
    </message>
    <message>
        <source>Chain of thought (free-text answers)</source>
        <translation>사고의 사슬 (자유 텍스트 답변)</translation>
    </message>
    <message>
        <source>Instruction template (for Chinese-Alpaca models)</source>
        <translation>지시문 템플릿 (Chinese-Alpaca 모델용)</translation>
    </message>
    <message>
        <source>Tokens the model reads at once; a few-shot prompt longer than this stops the run with a message</source>
        <translation>모델이 한 번에 읽는 토큰 수입니다. few-shot 프롬프트가 이보다 길면 안내와 함께 실행이 멈춥니다</translation>
    </message>
    <message>
        <source>Name in comparisons (default: the model&apos;s file name)</source>
        <translation>비교에 표시할 이름 (기본값: 모델 파일 이름)</translation>
    </message>
    <message>
        <source>4. Settings</source>
        <translation>4. 설정</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>세트</translation>
    </message>
    <message>
        <source>Few-shot</source>
        <translation>Few-shot</translation>
    </message>
    <message>
        <source>Context (tokens)</source>
        <translation>컨텍스트 (토큰)</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>실행 이름</translation>
    </message>
    <message>
        <source>Upstream reports Chinese-Alpaca zero-shot with the template (Alpaca-Plus-7B: 36.7 on val) and Chinese-LLaMA 5-shot without it.</source>
        <translation>업스트림은 Chinese-Alpaca를 템플릿을 쓴 zero-shot으로(Alpaca-Plus-7B: 검증 세트 36.7), Chinese-LLaMA를 템플릿 없는 5-shot으로 보고합니다.</translation>
    </message>
</context>
</TS>
