<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name></name>
    <message>
        <source>{name} is not a GGUF model file.</source>
        <translation>{name}은(는) GGUF 모델 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>Open a .gguf file, or a Hugging Face model folder (with config.json).</source>
        <translation>.gguf 파일이나 Hugging Face 모델 폴더(config.json 포함)를 여세요.</translation>
    </message>
    <message>
        <source>{name} is a LoRA adapter, not a full model.</source>
        <translation>{name}은(는) 전체 모델이 아니라 LoRA 어댑터입니다.</translation>
    </message>
    <message>
        <source>Open the base model and choose this folder as its LoRA, or merge it on the Merge page.</source>
        <translation>기본 모델을 열고 이 폴더를 LoRA로 선택하거나, 병합 페이지에서 병합하세요.</translation>
    </message>
    <message>
        <source>{name} holds Meta-format weights (consolidated.NN.pth), which chat cannot load.</source>
        <translation>{name}에는 Meta 형식 가중치(consolidated.NN.pth)가 있어 채팅에서 불러올 수 없습니다.</translation>
    </message>
    <message>
        <source>Convert it to GGUF on the Quantize page (or with &apos;python main.py convert&apos;), then open that.</source>
        <translation>양자화 페이지(또는 &apos;python main.py convert&apos;)에서 GGUF로 변환한 뒤 그 파일을 여세요.</translation>
    </message>
    <message>
        <source>{path} holds no model (no config.json, no single .gguf file).</source>
        <translation>{path}에 모델이 없습니다(config.json도, 단일 .gguf 파일도 없음).</translation>
    </message>
    <message>
        <source>Pick a .gguf file or a Hugging Face model folder.</source>
        <translation>.gguf 파일이나 Hugging Face 모델 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Model not found: {path}.</source>
        <translation>모델을 찾을 수 없습니다: {path}.</translation>
    </message>
    <message>
        <source>Check the path, or pick a model from the list.</source>
        <translation>경로를 확인하거나 목록에서 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>LoRA not found: {lora}.</source>
        <translation>LoRA를 찾을 수 없습니다: {lora}.</translation>
    </message>
    <message>
        <source>Check the LoRA path or leave it empty.</source>
        <translation>LoRA 경로를 확인하거나 비워 두세요.</translation>
    </message>
    <message>
        <source>The LoRA {weights_file} has weights for {key}, which the model {name} does not have: it was made for another base.</source>
        <translation>LoRA {weights_file}에는 모델 {name}에 없는 {key}의 가중치가 있습니다: 다른 기본 모델용으로 만들어졌습니다.</translation>
    </message>
    <message>
        <source>The LoRA {weights_file} was trained for a model with hidden size {value}, but {name} has hidden size {hidden} ({key}: {got} instead of {want}).</source>
        <translation>LoRA {weights_file}은(는) 히든 크기 {value}인 모델용으로 학습되었지만 {name}의 히든 크기는 {hidden}입니다({key}: {want} 대신 {got}).</translation>
    </message>
    <message>
        <source>Importing transformers</source>
        <translation>transformers 가져오는 중</translation>
    </message>
    <message>
        <source>{lora} is not a PEFT LoRA folder (no adapter_config.json).</source>
        <translation>{lora}은(는) PEFT LoRA 폴더가 아닙니다(adapter_config.json 없음).</translation>
    </message>
    <message>
        <source>Choose the folder that holds adapter_config.json.</source>
        <translation>adapter_config.json이 있는 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Loading tokenizer</source>
        <translation>토크나이저 불러오는 중</translation>
    </message>
    <message>
        <source>The tokenizer in {tok_dir} could not be loaded: {exc}.</source>
        <translation>{tok_dir}의 토크나이저를 불러올 수 없습니다: {exc}.</translation>
    </message>
    <message>
        <source>The folder needs tokenizer.model or tokenizer.json.</source>
        <translation>폴더에 tokenizer.model 또는 tokenizer.json이 있어야 합니다.</translation>
    </message>
    <message>
        <source>Loading {name} on {device}</source>
        <translation>{device}에서 {name} 불러오는 중</translation>
    </message>
    <message>
        <source>The model in {path} could not be loaded: {exc}.</source>
        <translation>{path}의 모델을 불러올 수 없습니다: {exc}.</translation>
    </message>
    <message>
        <source>Check that the folder is a complete Hugging Face model (verify it, or merge or download it again).</source>
        <translation>폴더가 완전한 Hugging Face 모델인지 확인하세요(검증하거나 다시 병합 또는 다운로드).</translation>
    </message>
    <message>
        <source>Applying LoRA {name} (unmerged)</source>
        <translation>LoRA {name} 적용 중(병합하지 않음)</translation>
    </message>
    <message>
        <source>The LoRA {name} does not fit this model: {exc}.</source>
        <translation>LoRA {name}이(가) 이 모델에 맞지 않습니다: {exc}.</translation>
    </message>
    <message>
        <source>Choose the base model this LoRA was trained on.</source>
        <translation>이 LoRA를 학습할 때 쓴 기본 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>Model loaded</source>
        <translation>모델을 불러왔습니다</translation>
    </message>
    <message>
        <source>llama-cpp-python is not installed, so GGUF models cannot be loaded.</source>
        <translation>llama-cpp-python이 설치되지 않아 GGUF 모델을 불러올 수 없습니다.</translation>
    </message>
    <message>
        <source>Install it with: pip install llama-cpp-python</source>
        <translation>다음 명령으로 설치하세요: pip install llama-cpp-python</translation>
    </message>
    <message>
        <source>Loading {name} (llama.cpp)</source>
        <translation>{name} 불러오는 중(llama.cpp)</translation>
    </message>
    <message>
        <source>Starting llama.cpp</source>
        <translation>llama.cpp 시작 중</translation>
    </message>
    <message>
        <source>llama.cpp could not load {name}: {exc}.</source>
        <translation>llama.cpp가 {name}을(를) 불러올 수 없습니다: {exc}.</translation>
    </message>
    <message>
        <source>Check that the file is a complete GGUF model (re-download or re-convert it) and that a LoRA, if any, was made for this base model.</source>
        <translation>파일이 완전한 GGUF 모델인지(다시 다운로드하거나 다시 변환), 그리고 LoRA가 있다면 이 기본 모델용인지 확인하세요.</translation>
    </message>
    <message>
        <source>The prompt is {tokens} tokens, longer than the {context_size}-token context.</source>
        <translation>프롬프트가 {tokens}토큰으로 {context_size}토큰 컨텍스트보다 깁니다.</translation>
    </message>
    <message>
        <source>Load the model with a larger context size.</source>
        <translation>더 큰 컨텍스트 크기로 모델을 불러오세요.</translation>
    </message>
    <message>
        <source>The text is {tokens} tokens, longer than the {context_size}-token context.</source>
        <translation>텍스트가 {tokens}토큰으로 {context_size}토큰 컨텍스트보다 깁니다.</translation>
    </message>
    <message>
        <source>Split it into smaller pieces.</source>
        <translation>더 작은 조각으로 나누세요.</translation>
    </message>
    <message>
        <source>llama.cpp could not compute the embedding.</source>
        <translation>llama.cpp가 임베딩을 계산할 수 없습니다.</translation>
    </message>
    <message>
        <source>Try a shorter text, or reload the model.</source>
        <translation>더 짧은 텍스트를 시도하거나 모델을 다시 불러오세요.</translation>
    </message>
    <message>
        <source>Shorten it, or load the model with a larger context size.</source>
        <translation>줄이거나 더 큰 컨텍스트 크기로 모델을 불러오세요.</translation>
    </message>
    <message>
        <source>{name} appears twice in one download.</source>
        <translation>{name}이(가) 한 다운로드에 두 번 나옵니다.</translation>
    </message>
    <message>
        <source>Give each file its own destination.</source>
        <translation>파일마다 저장 위치를 따로 지정하세요.</translation>
    </message>
    <message>
        <source>Downloading {specs} files</source>
        <translation>파일 {specs}개 다운로드 중</translation>
    </message>
    <message>
        <source>Cannot write {name} into {parent}: permission denied ({value}).</source>
        <translation>{name}을(를) {parent}에 쓸 수 없습니다: 권한이 거부되었습니다({value}).</translation>
    </message>
    <message>
        <source>Choose a folder you can write to (Settings → Models folder, or --dest).</source>
        <translation>쓰기 권한이 있는 폴더를 선택하세요(설정 → 모델 폴더, 또는 --dest).</translation>
    </message>
    <message>
        <source>{dest} is a folder.</source>
        <translation>{dest}은(는) 폴더입니다.</translation>
    </message>
    <message>
        <source>Choose a file name for the download.</source>
        <translation>다운로드할 파일 이름을 선택하세요.</translation>
    </message>
    <message>
        <source>{dest} already exists and is not the expected file ({size} bytes, expected {size2}).</source>
        <translation>{dest}이(가) 이미 있으며 예상한 파일이 아닙니다({size}바이트, 예상 {size2}).</translation>
    </message>
    <message>
        <source>Move or delete it, then download again.</source>
        <translation>옮기거나 삭제한 뒤 다시 다운로드하세요.</translation>
    </message>
    <message>
        <source>Checking the existing {name}</source>
        <translation>기존 {name} 확인 중</translation>
    </message>
    <message>
        <source>{dest} already exists and does not match the published SHA256 (expected {sha256}, got {actual}).</source>
        <translation>{dest}이(가) 이미 있으며 공개된 SHA256과 일치하지 않습니다(예상 {sha256}, 실제 {actual}).</translation>
    </message>
    <message>
        <source>Already downloaded: {name}</source>
        <translation>이미 다운로드됨: {name}</translation>
    </message>
    <message>
        <source>Unknown download source {source}.</source>
        <translation>알 수 없는 다운로드 소스 {source}.</translation>
    </message>
    <message>
        <source>Use one of: {value}.</source>
        <translation>다음 중 하나를 사용하세요: {value}.</translation>
    </message>
    <message>
        <source>{repo} is not a repository id.</source>
        <translation>{repo}은(는) 저장소 ID가 아닙니다.</translation>
    </message>
    <message>
        <source>Use the form owner/name, e.g. hfl/chinese-alpaca-lora-7b.</source>
        <translation>owner/name 형식을 사용하세요. 예: hfl/chinese-alpaca-lora-7b.</translation>
    </message>
    <message>
        <source>{sha256} is not a SHA256 hash.</source>
        <translation>{sha256}은(는) SHA256 해시가 아닙니다.</translation>
    </message>
    <message>
        <source>A SHA256 is 64 hexadecimal characters; copy it again from the publisher.</source>
        <translation>SHA256은 16진수 64자입니다. 게시자에게서 다시 복사하세요.</translation>
    </message>
    <message>
        <source>Cannot download {url}: only http:// and https:// addresses work.</source>
        <translation>{url}을(를) 다운로드할 수 없습니다: http://와 https:// 주소만 됩니다.</translation>
    </message>
    <message>
        <source>Copy the full address, starting with https://.</source>
        <translation>https://로 시작하는 전체 주소를 복사하세요.</translation>
    </message>
    <message>
        <source>Checking the partial download of {name}</source>
        <translation>{name}의 중단된 다운로드 확인 중</translation>
    </message>
    <message>
        <source>Downloading {name} (restarted: {why})</source>
        <translation>{name} 다운로드 중(다시 시작됨: {why})</translation>
    </message>
    <message>
        <source>{name}: access denied on {host} (HTTP {code}).</source>
        <translation>{name}: {host}에서 접근이 거부되었습니다(HTTP {code}).</translation>
    </message>
    <message>
        <source>The repository may not exist or may need a login: check the model id, or switch the download source.</source>
        <translation>저장소가 없거나 로그인이 필요할 수 있습니다: 모델 ID를 확인하거나 다운로드 소스를 바꾸세요.</translation>
    </message>
    <message>
        <source>{name}: not found on {host} (HTTP {code}).</source>
        <translation>{name}: {host}에서 찾을 수 없습니다(HTTP {code}).</translation>
    </message>
    <message>
        <source>Check the model id or the address, or switch the download source.</source>
        <translation>모델 ID나 주소를 확인하거나 다운로드 소스를 바꾸세요.</translation>
    </message>
    <message>
        <source>{name}: the server at {url} refused the download (HTTP {code}).</source>
        <translation>{name}: {url}의 서버가 다운로드를 거부했습니다(HTTP {code}).</translation>
    </message>
    <message>
        <source>Check the address, or switch the download source.</source>
        <translation>주소를 확인하거나 다운로드 소스를 바꾸세요.</translation>
    </message>
    <message>
        <source>{name}: unexpected answer from {url} (HTTP {status_code}).</source>
        <translation>{name}: {url}에서 예상치 못한 응답(HTTP {status_code}).</translation>
    </message>
    <message>
        <source>{name}: the server offers {total} bytes, but {size} were expected.</source>
        <translation>{name}: 서버가 {total}바이트를 제공하지만 {size}바이트가 예상되었습니다.</translation>
    </message>
    <message>
        <source>The source serves a different file: switch the download source or check the address.</source>
        <translation>소스가 다른 파일을 제공합니다: 다운로드 소스를 바꾸거나 주소를 확인하세요.</translation>
    </message>
    <message>
        <source>Cannot download {url}: {exc}.</source>
        <translation>{url}을(를) 다운로드할 수 없습니다: {exc}.</translation>
    </message>
    <message>
        <source>Check the address.</source>
        <translation>주소를 확인하세요.</translation>
    </message>
    <message>
        <source>The disk is full: {name} could not be written ({offset} of it are saved as {name2}).</source>
        <translation>디스크가 가득 찼습니다: {name}을(를) 쓸 수 없습니다({offset}은(는) {name2}에 저장됨).</translation>
    </message>
    <message>
        <source>Free up space, then download again: it resumes where it stopped.</source>
        <translation>공간을 확보한 뒤 다시 다운로드하세요: 멈춘 곳에서 이어집니다.</translation>
    </message>
    <message>
        <source>Downloading {name} from {url} failed after 1 attempt: {reason}.</source>
        <translation>{url}에서 {name} 다운로드가 1번 시도 후 실패했습니다: {reason}.</translation>
    </message>
    <message>
        <source>Downloading {name} from {url} failed after {failures} attempts: {reason}.</source>
        <translation>{url}에서 {name} 다운로드가 {failures}번 시도 후 실패했습니다: {reason}.</translation>
    </message>
    <message>
        <source>Downloaded {name}</source>
        <translation>{name} 다운로드됨</translation>
    </message>
    <message>
        <source>Check your network or proxy, or switch the download source; run the download again to resume where it stopped.</source>
        <translation>네트워크나 프록시를 확인하거나 다운로드 소스를 바꾸세요. 다운로드를 다시 실행하면 멈춘 곳에서 이어집니다.</translation>
    </message>
    <message>
        <source>Free up space, or choose a models folder on another disk in Settings.</source>
        <translation>공간을 확보하거나 설정에서 다른 디스크의 모델 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>{name}: {reason}; retrying in {delay} s ({failures}/{retries})</source>
        <translation>{name}: {reason}; {delay}초 후 다시 시도({failures}/{retries})</translation>
    </message>
    <message>
        <source>RoPE scaling type {rope_type} is not supported by this converter.</source>
        <translation>이 변환기는 RoPE 스케일링 유형 {rope_type}을(를) 지원하지 않습니다.</translation>
    </message>
    <message>
        <source>Convert this model with llama.cpp&apos;s convert_hf_to_gguf.py.</source>
        <translation>llama.cpp의 convert_hf_to_gguf.py로 이 모델을 변환하세요.</translation>
    </message>
    <message>
        <source>Unknown output type {outtype}.</source>
        <translation>알 수 없는 출력 유형 {outtype}.</translation>
    </message>
    <message>
        <source>{out_path} already exists.</source>
        <translation>{out_path}이(가) 이미 있습니다.</translation>
    </message>
    <message>
        <source>Choose another file name or delete the old file.</source>
        <translation>다른 파일 이름을 선택하거나 이전 파일을 삭제하세요.</translation>
    </message>
    <message>
        <source>The output would be written among the model&apos;s own files.</source>
        <translation>출력이 모델 자체 파일들 사이에 쓰이게 됩니다.</translation>
    </message>
    <message>
        <source>Give the output a .gguf name.</source>
        <translation>출력에 .gguf 이름을 붙이세요.</translation>
    </message>
    <message>
        <source>Reading model description</source>
        <translation>모델 설명 읽는 중</translation>
    </message>
    <message>
        <source>{folder} has no model.embed_tokens.weight.</source>
        <translation>{folder}에 model.embed_tokens.weight가 없습니다.</translation>
    </message>
    <message>
        <source>The checkpoint is incomplete; merge it again.</source>
        <translation>체크포인트가 불완전합니다. 다시 병합하세요.</translation>
    </message>
    <message>
        <source>Tensor {name} has no llama.cpp equivalent.</source>
        <translation>텐서 {name}에 해당하는 llama.cpp 항목이 없습니다.</translation>
    </message>
    <message>
        <source>This is not a plain LLaMA checkpoint; convert it with llama.cpp&apos;s own tools.</source>
        <translation>일반 LLaMA 체크포인트가 아닙니다. llama.cpp 자체 도구로 변환하세요.</translation>
    </message>
    <message>
        <source>{folder} has no lm_head weight and the config does not tie it to the embeddings.</source>
        <translation>{folder}에 lm_head 가중치가 없고 설정에서 임베딩과 묶여 있지도 않습니다.</translation>
    </message>
    <message>
        <source>The checkpoint is incomplete; merge or download it again.</source>
        <translation>체크포인트가 불완전합니다. 다시 병합하거나 다운로드하세요.</translation>
    </message>
    <message>
        <source>Free some space, or choose an output folder on another disk.</source>
        <translation>공간을 확보하거나 다른 디스크의 출력 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Converting {new_name}</source>
        <translation>{new_name} 변환 중</translation>
    </message>
    <message>
        <source>The disk filled up while writing {name}; nothing was kept.</source>
        <translation>{name}을(를) 쓰는 중 디스크가 가득 찼습니다. 아무것도 남기지 않았습니다.</translation>
    </message>
    <message>
        <source>Free some space or choose another output folder.</source>
        <translation>공간을 확보하거나 다른 출력 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>변환됨</translation>
    </message>
    <message>
        <source>the GGUF files</source>
        <translation>GGUF 파일</translation>
    </message>
    <message>
        <source>Converting to GGUF F16</source>
        <translation>GGUF F16으로 변환 중</translation>
    </message>
    <message>
        <source>--few-shot {n} is not a number of examples.</source>
        <translation>--few-shot {n}은(는) 올바른 예시 개수가 아닙니다.</translation>
    </message>
    <message>
        <source>Use 0 (zero-shot), 1-5, or -1 for every dev example.</source>
        <translation>0(제로샷), 1-5 또는 -1(모든 dev 예시)을 사용하세요.</translation>
    </message>
    <message>
        <source>{path} holds no C-Eval files (&lt;subject&gt;_{split}.csv).</source>
        <translation>{path}에 C-Eval 파일(&lt;subject&gt;_{split}.csv)이 없습니다.</translation>
    </message>
    <message>
        <source>Pass the unzipped ceval-exam folder.</source>
        <translation>압축을 푼 ceval-exam 폴더를 지정하세요.</translation>
    </message>
    <message>
        <source>{path}: id {id} appears twice.</source>
        <translation>{path}: id {id}가 두 번 나옵니다.</translation>
    </message>
    <message>
        <source>Each question needs its own id; unzip ceval-exam.zip again.</source>
        <translation>문제마다 고유한 id가 필요합니다. ceval-exam.zip의 압축을 다시 푸세요.</translation>
    </message>
    <message>
        <source>{path} has {n} examples, fewer than --few-shot {few_shot}.</source>
        <translation>{path}의 예시는 {n}개로 --few-shot {few_shot}보다 적습니다.</translation>
    </message>
    <message>
        <source>Use --few-shot {n} or less.</source>
        <translation>--few-shot {n} 이하로 지정하세요.</translation>
    </message>
    <message>
        <source>{path}: no explanation for example id {id}, which chain-of-thought few-shot needs.</source>
        <translation>{path}: 예시 id {id}에 해설(explanation)이 없습니다. 생각의 사슬(CoT) 퓨샷에는 해설이 필요합니다.</translation>
    </message>
    <message>
        <source>Use the official dev files (they have an explanation column), or turn CoT off.</source>
        <translation>공식 dev 파일(explanation 열 포함)을 사용하거나 CoT를 끄세요.</translation>
    </message>
    <message>
        <source>{path} holds a C-Eval run made with other settings ({settings}).</source>
        <translation>{path}에 다른 설정({settings})으로 실행한 C-Eval 결과가 있습니다.</translation>
    </message>
    <message>
        <source>Choose another output folder, or start fresh (--fresh) to replace it.</source>
        <translation>다른 출력 폴더를 선택하거나, 처음부터 다시 실행(--fresh)하여 덮어쓰세요.</translation>
    </message>
    <message>
        <source>Evaluating</source>
        <translation>평가 중</translation>
    </message>
    <message>
        <source>{file}, question id {ids}: {message}</source>
        <translation>{file}, 문제 id {ids}: {message}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>File not found: {path}</source>
        <translation>파일을 찾을 수 없습니다: {path}</translation>
    </message>
    <message>
        <source>Check the path, or download the file again.</source>
        <translation>경로를 확인하거나 파일을 다시 다운로드하세요.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path}은(는) 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
        <source>Pick a file, or verify the folder instead.</source>
        <translation>파일을 선택하거나 대신 폴더를 검증하세요.</translation>
    </message>
    <message>
        <source>Hashing {name}</source>
        <translation>{name} 해시 계산 중</translation>
    </message>
    <message>
        <source>The LoRAs are in the wrong order: {listing}. A LoRA with a larger vocabulary (Alpaca-Plus/Pro) must come after the one it extends (LLaMA-Plus).</source>
        <translation>LoRA 순서가 잘못되었습니다: {listing}. 어휘가 더 큰 LoRA(Alpaca-Plus/Pro)는 확장 대상 LoRA(LLaMA-Plus) 뒤에 와야 합니다.</translation>
    </message>
    <message>
        <source>Merge them in this order: {order}.</source>
        <translation>이 순서로 병합하세요: {order}.</translation>
    </message>
    <message>
        <source>{name}: its {what} has {rows} rows but its tokenizer has {tokenizer_size} tokens.{guess}</source>
        <translation>{name}: {what}의 행은 {rows}개이지만 토크나이저의 토큰은 {tokenizer_size}개입니다.{guess}</translation>
    </message>
    <message>
        <source>Use each LoRA with the tokenizer it was published with (LLaMA tokenizer with LLaMA LoRAs, Alpaca tokenizer with Alpaca LoRAs); download the LoRA again if its files were mixed.</source>
        <translation>각 LoRA는 함께 배포된 토크나이저와 사용하세요(LLaMA LoRA에는 LLaMA 토크나이저, Alpaca LoRA에는 Alpaca 토크나이저). 파일이 섞였다면 LoRA를 다시 다운로드하세요.</translation>
    </message>
    <message>
        <source>{name}: its tokenizer has {new} tokens, fewer than the {current} the model already has.</source>
        <translation>{name}: 토크나이저의 토큰이 {new}개로, 모델에 이미 있는 {current}개보다 적습니다.</translation>
    </message>
    <message>
        <source>This LoRA does not belong on top of this model: check the base model and the LoRA order (LLaMA-Plus before Alpaca-Plus/Pro).</source>
        <translation>이 LoRA는 이 모델 위에 올릴 것이 아닙니다: 기본 모델과 LoRA 순서(LLaMA-Plus 다음 Alpaca-Plus/Pro)를 확인하세요.</translation>
    </message>
    <message>
        <source>{name} was trained for {lora_hidden}, but the base is {hidden}.</source>
        <translation>{name}은(는) {lora_hidden}용으로 학습되었지만 기본 모델은 {hidden}입니다.</translation>
    </message>
    <message>
        <source>Pick the original LLaMA of the same size as the LoRA (7B LoRA → LLaMA-7B).</source>
        <translation>LoRA와 같은 크기의 원본 LLaMA를 선택하세요(7B LoRA → LLaMA-7B).</translation>
    </message>
    <message>
        <source>{name} has weights for {key}, which the base (with {layers} layers) does not have.</source>
        <translation>{name}에는 기본 모델({layers}층)에 없는 {key}의 가중치가 있습니다.</translation>
    </message>
    <message>
        <source>The LoRA belongs to a bigger model: pick the matching original LLaMA size.</source>
        <translation>이 LoRA는 더 큰 모델용입니다: 맞는 크기의 원본 LLaMA를 선택하세요.</translation>
    </message>
    <message>
        <source>{name} targets {key}, which is not in the base model.</source>
        <translation>{name}은(는) 기본 모델에 없는 {key}을(를) 대상으로 합니다.</translation>
    </message>
    <message>
        <source>This LoRA was not made for a LLaMA base.</source>
        <translation>이 LoRA는 LLaMA 기본 모델용으로 만들어지지 않았습니다.</translation>
    </message>
    <message>
        <source>{name} replaces {key}, which is not in the base model.</source>
        <translation>{name}은(는) 기본 모델에 없는 {key}을(를) 대체합니다.</translation>
    </message>
    <message>
        <source>This LoRA was not made for this base.</source>
        <translation>이 LoRA는 이 기본 모델용으로 만들어지지 않았습니다.</translation>
    </message>
    <message>
        <source>{name}: its {key} has shape {got}, but the base&apos;s is {want}.</source>
        <translation>{name}: {key}의 형태는 {got}이지만 기본 모델은 {want}입니다.</translation>
    </message>
    <message>
        <source>This LoRA was trained for another model; pick the base it was made for.</source>
        <translation>이 LoRA는 다른 모델용으로 학습되었습니다. 해당 기본 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>the merged model</source>
        <translation>병합된 모델</translation>
    </message>
    <message>
        <source>Free some space or choose an output folder on another disk.</source>
        <translation>공간을 확보하거나 다른 디스크의 출력 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>The output folder {out} overlaps the input {folder}.</source>
        <translation>출력 폴더 {out}이(가) 입력 {folder}과(와) 겹칩니다.</translation>
    </message>
    <message>
        <source>Choose an output folder outside the base model and LoRA folders; inputs are never modified.</source>
        <translation>기본 모델과 LoRA 폴더 밖의 출력 폴더를 선택하세요. 입력은 절대 수정되지 않습니다.</translation>
    </message>
    <message>
        <source>{out} is a file.</source>
        <translation>{out}은(는) 파일입니다.</translation>
    </message>
    <message>
        <source>Choose a folder for the merged model.</source>
        <translation>병합된 모델을 저장할 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>The output folder {out} already exists and is not empty.</source>
        <translation>출력 폴더 {out}이(가) 이미 있으며 비어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Choose another folder, or delete this one (the command line can replace it with --overwrite).</source>
        <translation>다른 폴더를 선택하거나 이 폴더를 삭제하세요(명령줄에서는 --overwrite로 대체 가능).</translation>
    </message>
    <message>
        <source>Unknown output format {out_format}.</source>
        <translation>알 수 없는 출력 형식 {out_format}.</translation>
    </message>
    <message>
        <source>Unknown data type {dtype}.</source>
        <translation>알 수 없는 데이터 유형 {dtype}.</translation>
    </message>
    <message>
        <source>No LoRA to merge.</source>
        <translation>병합할 LoRA가 없습니다.</translation>
    </message>
    <message>
        <source>Add at least one LoRA folder.</source>
        <translation>LoRA 폴더를 하나 이상 추가하세요.</translation>
    </message>
    <message>
        <source>write the merged model to</source>
        <translation>병합된 모델 쓰기</translation>
    </message>
    <message>
        <source>Removing the partial output of an earlier merge</source>
        <translation>이전 병합의 불완전한 출력 삭제 중</translation>
    </message>
    <message>
        <source>Merging</source>
        <translation>병합 중</translation>
    </message>
    <message>
        <source>Merging tensor {n}/{steps}: {key}</source>
        <translation>텐서 병합 중 {n}/{steps}: {key}</translation>
    </message>
    <message>
        <source>Writing config and tokenizer files</source>
        <translation>설정 및 토크나이저 파일 쓰는 중</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>병합됨</translation>
    </message>
    <message>
        <source>{folder} has no model.embed_tokens.weight: it is not a LLaMA model.</source>
        <translation>{folder}에 model.embed_tokens.weight가 없습니다: LLaMA 모델이 아닙니다.</translation>
    </message>
    <message>
        <source>Pick the folder of an original LLaMA (HF or Meta format).</source>
        <translation>원본 LLaMA 폴더(HF 또는 Meta 형식)를 선택하세요.</translation>
    </message>
    <message>
        <source>{folder} has no config.json.</source>
        <translation>{folder}에 config.json이 없습니다.</translation>
    </message>
    <message>
        <source>Pick the folder that holds the model&apos;s config.json and weight files.</source>
        <translation>모델의 config.json과 가중치 파일이 있는 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>{folder} has params.json but no consolidated.NN.pth files.</source>
        <translation>{folder}에 params.json은 있지만 consolidated.NN.pth 파일이 없습니다.</translation>
    </message>
    <message>
        <source>Copy the consolidated.00.pth (and further parts) into this folder.</source>
        <translation>consolidated.00.pth(및 나머지 부분)를 이 폴더에 복사하세요.</translation>
    </message>
    <message>
        <source>{folder}: the consolidated.NN.pth parts are not numbered 00..{value}.</source>
        <translation>{folder}: consolidated.NN.pth 부분의 번호가 00..{value}이(가) 아닙니다.</translation>
    </message>
    <message>
        <source>A part is missing; download it again.</source>
        <translation>한 부분이 없습니다. 다시 다운로드하세요.</translation>
    </message>
    <message>
        <source>{mk} is missing from {value}.</source>
        <translation>{value}에 {mk}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The checkpoint parts do not belong together.</source>
        <translation>체크포인트 부분들이 서로 맞지 않습니다.</translation>
    </message>
    <message>
        <source>Base model folder {folder} does not exist.</source>
        <translation>기본 모델 폴더 {folder}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Check the path.</source>
        <translation>경로를 확인하세요.</translation>
    </message>
    <message>
        <source>{folder} is a file; the base model is a folder.</source>
        <translation>{folder}은(는) 파일입니다. 기본 모델은 폴더입니다.</translation>
    </message>
    <message>
        <source>Pick the folder that holds config.json or params.json.</source>
        <translation>config.json 또는 params.json이 있는 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>{folder} is a LoRA, not a base model.</source>
        <translation>{folder}은(는) 기본 모델이 아니라 LoRA입니다.</translation>
    </message>
    <message>
        <source>Pick the original LLaMA as the base, and add this folder as a LoRA.</source>
        <translation>원본 LLaMA를 기본 모델로 선택하고 이 폴더를 LoRA로 추가하세요.</translation>
    </message>
    <message>
        <source>{folder} is not a LLaMA model folder (no config.json, and no params.json with consolidated.NN.pth).</source>
        <translation>{folder}은(는) LLaMA 모델 폴더가 아닙니다(config.json도, params.json과 consolidated.NN.pth도 없음).</translation>
    </message>
    <message>
        <source>Pick the folder of the original LLaMA weights, in HF or Meta format.</source>
        <translation>원본 LLaMA 가중치 폴더(HF 또는 Meta 형식)를 선택하세요.</translation>
    </message>
    <message>
        <source>LoRA folder {folder} does not exist.</source>
        <translation>LoRA 폴더 {folder}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Check the path, or download the LoRA first.</source>
        <translation>경로를 확인하거나 먼저 LoRA를 다운로드하세요.</translation>
    </message>
    <message>
        <source>{folder} is a full model, not a LoRA (no adapter_config.json).</source>
        <translation>{folder}은(는) LoRA가 아니라 전체 모델입니다(adapter_config.json 없음).</translation>
    </message>
    <message>
        <source>Use it as the base model, or pick the LoRA&apos;s folder.</source>
        <translation>기본 모델로 사용하거나 LoRA 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>{folder} has no adapter_config.json: it is not a PEFT LoRA folder.</source>
        <translation>{folder}에 adapter_config.json이 없습니다: PEFT LoRA 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>Pick the folder that holds adapter_config.json and adapter_model.bin/.safetensors.</source>
        <translation>adapter_config.json과 adapter_model.bin/.safetensors가 있는 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>{cfg_path} is not valid JSON ({exc}).</source>
        <translation>{cfg_path}은(는) 올바른 JSON이 아닙니다({exc}).</translation>
    </message>
    <message>
        <source>The LoRA download is damaged or incomplete: download the LoRA again.</source>
        <translation>LoRA 다운로드가 손상되었거나 불완전합니다: LoRA를 다시 다운로드하세요.</translation>
    </message>
    <message>
        <source>{cfg_path} is not a JSON object.</source>
        <translation>{cfg_path}은(는) JSON 객체가 아닙니다.</translation>
    </message>
    <message>
        <source>Download the LoRA again.</source>
        <translation>LoRA를 다시 다운로드하세요.</translation>
    </message>
    <message>
        <source>{name} is a {peft_type} adapter; only LoRA adapters can be merged.</source>
        <translation>{name}은(는) {peft_type} 어댑터입니다. LoRA 어댑터만 병합할 수 있습니다.</translation>
    </message>
    <message>
        <source>Choose a LoRA (peft_type LORA), such as the Chinese-LLaMA/Alpaca LoRAs.</source>
        <translation>LoRA(peft_type LORA)를 선택하세요. 예: Chinese-LLaMA/Alpaca LoRA.</translation>
    </message>
    <message>
        <source>{name} is a DoRA adapter, which this merge does not support.</source>
        <translation>{name}은(는) 이 병합이 지원하지 않는 DoRA 어댑터입니다.</translation>
    </message>
    <message>
        <source>Merge it with PEFT&apos;s merge_and_unload instead.</source>
        <translation>대신 PEFT의 merge_and_unload로 병합하세요.</translation>
    </message>
    <message>
        <source>{name} has adapter_config.json but no adapter_model.bin or adapter_model.safetensors.</source>
        <translation>{name}에 adapter_config.json은 있지만 adapter_model.bin이나 adapter_model.safetensors가 없습니다.</translation>
    </message>
    <message>
        <source>The download is incomplete; download the LoRA again.</source>
        <translation>다운로드가 불완전합니다. LoRA를 다시 다운로드하세요.</translation>
    </message>
    <message>
        <source>{name} uses a LoRA variant this merge does not support ({name2}).</source>
        <translation>{name}은(는) 이 병합이 지원하지 않는 LoRA 변형({name2})을 사용합니다.</translation>
    </message>
    <message>
        <source>Merge it with PEFT&apos;s merge_and_unload instead, or choose a plain LoRA.</source>
        <translation>대신 PEFT의 merge_and_unload로 병합하거나 일반 LoRA를 선택하세요.</translation>
    </message>
    <message>
        <source>{name} is damaged: {mod} has only one of lora_A / lora_B.</source>
        <translation>{name}이(가) 손상되었습니다: {mod}에 lora_A / lora_B 중 하나만 있습니다.</translation>
    </message>
    <message>
        <source>{name}&apos;s adapter file holds no LoRA weights.</source>
        <translation>{name}의 어댑터 파일에 LoRA 가중치가 없습니다.</translation>
    </message>
    <message>
        <source>No original LLaMA-{base_size} is registered.</source>
        <translation>원본 LLaMA-{base_size}이(가) 등록되지 않았습니다.</translation>
    </message>
    <message>
        <source>Not downloaded yet: {value}.</source>
        <translation>아직 다운로드되지 않음: {value}.</translation>
    </message>
    <message>
        <source>Download them first (Models page, or: python main.py download {value}).</source>
        <translation>먼저 다운로드하세요(모델 페이지, 또는: python main.py download {value}).</translation>
    </message>
    <message>
        <source>Unknown merge output format {out_format}.</source>
        <translation>알 수 없는 병합 출력 형식 {out_format}.</translation>
    </message>
    <message>
        <source>Writing {name}</source>
        <translation>{name} 쓰는 중</translation>
    </message>
    <message>
        <source>the download into {folder}</source>
        <translation>{folder}(으)로의 다운로드</translation>
    </message>
    <message>
        <source>Free some space, or choose another models folder in Settings.</source>
        <translation>공간을 확보하거나 설정에서 다른 모델 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Downloading {name}</source>
        <translation>{name} 다운로드 중</translation>
    </message>
    <message>
        <source>{sha256} is not a SHA256 value.</source>
        <translation>{sha256}은(는) SHA256 값이 아닙니다.</translation>
    </message>
    <message>
        <source>Give the 64 hexadecimal digits, e.g. from SHA256.md.</source>
        <translation>16진수 64자리를 입력하세요. 예: SHA256.md에서.</translation>
    </message>
    <message>
        <source>{url} is not an http(s) URL.</source>
        <translation>{url}은(는) http(s) URL이 아닙니다.</translation>
    </message>
    <message>
        <source>Give a full URL such as https://host/path/file.bin.</source>
        <translation>https://host/path/file.bin 같은 전체 URL을 입력하세요.</translation>
    </message>
    <message>
        <source>Cannot tell a file name from {url}.</source>
        <translation>{url}에서 파일 이름을 알 수 없습니다.</translation>
    </message>
    <message>
        <source>Add one with --name.</source>
        <translation>--name으로 지정하세요.</translation>
    </message>
    <message>
        <source>{folder} is not a folder.</source>
        <translation>{folder}은(는) 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>Choose the folder that holds the LLaMA weights.</source>
        <translation>LLaMA 가중치가 있는 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>{folder} has consolidated.*.pth files but no params.json.</source>
        <translation>{folder}에 consolidated.*.pth 파일은 있지만 params.json이 없습니다.</translation>
    </message>
    <message>
        <source>Copy params.json from the original LLaMA download into this folder.</source>
        <translation>원본 LLaMA 다운로드의 params.json을 이 폴더에 복사하세요.</translation>
    </message>
    <message>
        <source>{params_file} is not a LLaMA params.json ({exc}).</source>
        <translation>{params_file}은(는) LLaMA params.json이 아닙니다({exc}).</translation>
    </message>
    <message>
        <source>Use the params.json from Meta&apos;s download.</source>
        <translation>Meta 다운로드의 params.json을 사용하세요.</translation>
    </message>
    <message>
        <source>LLaMA-{size} in {folder} is incomplete: {value} missing.</source>
        <translation>{folder}의 LLaMA-{size}이(가) 불완전합니다: {value} 없음.</translation>
    </message>
    <message>
        <source>LLaMA-{size} has {shards} consolidated.*.pth part(s); copy them all.</source>
        <translation>LLaMA-{size}에는 consolidated.*.pth 부분이 {shards}개 있습니다. 모두 복사하세요.</translation>
    </message>
    <message>
        <source>{folder} holds a {value} model, not LLaMA.</source>
        <translation>{folder}에는 LLaMA가 아니라 {value} 모델이 있습니다.</translation>
    </message>
    <message>
        <source>Choose an original LLaMA folder (HF format or Meta&apos;s consolidated.*.pth).</source>
        <translation>원본 LLaMA 폴더(HF 형식 또는 Meta의 consolidated.*.pth)를 선택하세요.</translation>
    </message>
    <message>
        <source>{folder} does not look like a LLaMA model.</source>
        <translation>{folder}은(는) LLaMA 모델로 보이지 않습니다.</translation>
    </message>
    <message>
        <source>Choose a folder with consolidated.*.pth + params.json (Meta) or config.json + weights (HF).</source>
        <translation>consolidated.*.pth + params.json(Meta) 또는 config.json + 가중치(HF)가 있는 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Unknown quantization type {name}.</source>
        <translation>알 수 없는 양자화 유형 {name}.</translation>
    </message>
    <message>
        <source>{in_path} does not exist.</source>
        <translation>{in_path}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Convert the model to GGUF first (convert command).</source>
        <translation>먼저 모델을 GGUF로 변환하세요(convert 명령).</translation>
    </message>
    <message>
        <source>{name} is not a GGUF file.</source>
        <translation>{name}은(는) GGUF 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>Choose the .gguf file written by convert.</source>
        <translation>convert가 쓴 .gguf 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>The output file is the input file.</source>
        <translation>출력 파일이 입력 파일과 같습니다.</translation>
    </message>
    <message>
        <source>Choose another output name; the original is kept.</source>
        <translation>다른 출력 이름을 선택하세요. 원본은 유지됩니다.</translation>
    </message>
    <message>
        <source>Quantizing to {qtype}</source>
        <translation>{qtype}(으)로 양자화 중</translation>
    </message>
    <message>
        <source>Quantizing {value}</source>
        <translation>{value} 양자화 중</translation>
    </message>
    <message>
        <source>llama.cpp could not quantize {name} to {qtype} ({last}).</source>
        <translation>llama.cpp가 {name}을(를) {qtype}(으)로 양자화할 수 없습니다({last}).</translation>
    </message>
    <message>
        <source>Check that the input is an F16/F32 GGUF written by convert and that the disk has space.</source>
        <translation>입력이 convert가 쓴 F16/F32 GGUF인지, 디스크 공간이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>Quantized</source>
        <translation>양자화됨</translation>
    </message>
    <message>
        <source>Nothing to verify at {target}: no such file or folder.</source>
        <translation>{target}에 검증할 것이 없습니다: 그런 파일이나 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>Check the path (quote it if it contains spaces).</source>
        <translation>경로를 확인하세요(공백이 있으면 따옴표로 감싸세요).</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>검증 중</translation>
    </message>
    <message>
        <source>Verified {name}</source>
        <translation>{name} 검증됨</translation>
    </message>
    <message>
        <source>max new tokens</source>
        <translation>최대 생성 토큰 수</translation>
    </message>
    <message>
        <source>The {setting} setting ({reserve}) leaves no room for the message in the {context_size}-token context.</source>
        <translation>{setting} 설정({reserve})이(가) {context_size}토큰 컨텍스트에 메시지를 위한 공간을 남기지 않습니다.</translation>
    </message>
    <message>
        <source>Lower {setting} below {context_size}, or load the model with a larger context size.</source>
        <translation>{setting}을(를) {context_size} 미만으로 낮추거나 더 큰 컨텍스트 크기로 모델을 불러오세요.</translation>
    </message>
    <message>
        <source>The {setting} setting ({reserve}) leaves {room} of the {context_size}-token context for the message, which needs {tokens} tokens with the system prompt.</source>
        <translation>{setting} 설정({reserve})은(는) {context_size}토큰 컨텍스트 중 {room}만 메시지에 남기지만, 메시지는 시스템 프롬프트와 함께 {tokens}토큰이 필요합니다.</translation>
    </message>
    <message>
        <source>Lower {setting} to {most} or less, or load the model with a larger context size.</source>
        <translation>{setting}을(를) {most} 이하로 낮추거나 더 큰 컨텍스트 크기로 모델을 불러오세요.</translation>
    </message>
    <message>
        <source>Reading {name} (shard {i}/{n})</source>
        <translation>{name} 읽는 중(샤드 {i}/{n})</translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation>{name} 읽는 중</translation>
    </message>
    <message>
        <source>{base_dir}: no config.json — not a Hugging Face model folder.</source>
        <translation>{base_dir}: config.json 없음 — Hugging Face 모델 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>Give --base an HF-format LLaMA (a merged model, or the LLaMA converted to HF).</source>
        <translation>--base에 HF 형식 LLaMA(병합된 모델 또는 HF로 변환한 LLaMA)를 지정하세요.</translation>
    </message>
    <message>
        <source>{path}: not valid JSON ({exc}).</source>
        <translation>{path}: 올바른 JSON이 아닙니다({exc}).</translation>
    </message>
    <message>
        <source>Restore the model&apos;s config.json.</source>
        <translation>모델의 config.json을 복원하세요.</translation>
    </message>
    <message>
        <source>{path}: has no vocab_size.</source>
        <translation>{path}: vocab_size가 없습니다.</translation>
    </message>
    <message>
        <source>Give --base an HF-format LLaMA model folder.</source>
        <translation>--base에 HF 형식 LLaMA 모델 폴더를 지정하세요.</translation>
    </message>
    <message>
        <source>Use the tokenizer that belongs to this base (--tokenizer DIR).</source>
        <translation>이 기본 모델에 맞는 토크나이저를 사용하세요(--tokenizer DIR).</translation>
    </message>
    <message>
        <source>(--tokenizer DIR: the Chinese-LLaMA tokenizer gets [PAD] added; the Alpaca one has it.)</source>
        <translation>(--tokenizer DIR: Chinese-LLaMA 토크나이저에는 [PAD]가 추가되고, Alpaca 토크나이저에는 이미 있습니다.)</translation>
    </message>
    <message>
        <source>The base model&apos;s vocabulary ({model_vocab}) does not fit the tokenizer ({tokenizer_vocab}).</source>
        <translation>기본 모델의 어휘({model_vocab})가 토크나이저({tokenizer_vocab})와 맞지 않습니다.</translation>
    </message>
    <message>
        <source>SFT trains a LLaMA (32000), Chinese-LLaMA (49953) or Chinese-Alpaca (49954) with the Alpaca tokenizer.</source>
        <translation>SFT는 Alpaca 토크나이저로 LLaMA(32000), Chinese-LLaMA(49953), Chinese-Alpaca(49954)를 학습합니다.</translation>
    </message>
    <message>
        <source>{lora_dir}: no adapter_config.json — not a PEFT LoRA folder.</source>
        <translation>{lora_dir}: adapter_config.json 없음 — PEFT LoRA 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>Give --peft-path a LoRA folder (adapter_config.json + adapter_model.*).</source>
        <translation>--peft-path에 LoRA 폴더(adapter_config.json + adapter_model.*)를 지정하세요.</translation>
    </message>
    <message>
        <source>{lora_dir}: no adapter_model.safetensors or adapter_model.bin.</source>
        <translation>{lora_dir}: adapter_model.safetensors나 adapter_model.bin이 없습니다.</translation>
    </message>
    <message>
        <source>The LoRA folder is incomplete; copy it again.</source>
        <translation>LoRA 폴더가 불완전합니다. 다시 복사하세요.</translation>
    </message>
    <message>
        <source>{lora_dir}: this LoRA was trained for a model of width {value}, the base {base_dir} has {hidden}.</source>
        <translation>{lora_dir}: 이 LoRA는 폭 {value}인 모델용으로 학습되었지만 기본 모델 {base_dir}의 폭은 {hidden}입니다.</translation>
    </message>
    <message>
        <source>Continue it on the base it was made for.</source>
        <translation>이 LoRA가 만들어진 기본 모델에서 이어 하세요.</translation>
    </message>
    <message>
        <source>{lora_dir}: its embeddings have {value} rows, the tokenizer {tokenizer_vocab} tokens.</source>
        <translation>{lora_dir}: 임베딩은 {value}행인데 토크나이저는 {tokenizer_vocab}토큰입니다.</translation>
    </message>
    <message>
        <source>Use the tokenizer saved with the LoRA (--tokenizer that LoRA folder).</source>
        <translation>LoRA와 함께 저장된 토크나이저를 사용하세요(--tokenizer에 그 LoRA 폴더).</translation>
    </message>
    <message>
        <source>{out}: exists and is a file.</source>
        <translation>{out}: 이미 있으며 파일입니다.</translation>
    </message>
    <message>
        <source>Give --out a folder.</source>
        <translation>--out에 폴더를 지정하세요.</translation>
    </message>
    <message>
        <source>{out}: holds checkpoints of an earlier run.</source>
        <translation>{out}: 이전 실행의 체크포인트가 있습니다.</translation>
    </message>
    <message>
        <source>Add --resume to continue it, or choose another --out folder.</source>
        <translation>--resume을 붙여 이어 하거나 다른 --out 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>training checkpoints and the LoRA</source>
        <translation>학습 체크포인트와 LoRA</translation>
    </message>
    <message>
        <source>Free up space, or give --out a folder on another disk.</source>
        <translation>공간을 확보하거나 --out에 다른 디스크의 폴더를 지정하세요.</translation>
    </message>
    <message>
        <source>{path}: no such file or folder.</source>
        <translation>{path}: 그런 파일이나 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>Give --data a data file or a folder of them.</source>
        <translation>--data에 데이터 파일이나 그런 파일이 든 폴더를 지정하세요.</translation>
    </message>
    <message>
        <source>{path}: the folder holds no {suffix} files.</source>
        <translation>{path}: 폴더에 {suffix} 파일이 없습니다.</translation>
    </message>
    <message>
        <source>SFT reads Alpaca-format .json files, PT reads .txt files (one example a line).</source>
        <translation>SFT는 Alpaca 형식 .json 파일을, PT는 .txt 파일(한 줄에 예제 하나)을 읽습니다.</translation>
    </message>
    <message>
        <source>{path}: not UTF-8 text ({reason} at byte {start}).</source>
        <translation>{path}: UTF-8 텍스트가 아닙니다({start}바이트에서 {reason}).</translation>
    </message>
    <message>
        <source>Save it as UTF-8.</source>
        <translation>UTF-8로 저장하세요.</translation>
    </message>
    <message>
        <source>{path}: not valid JSON (line {lineno}, column {colno}: {msg}).</source>
        <translation>{path}: 올바른 JSON이 아닙니다({lineno}행 {colno}열: {msg}).</translation>
    </message>
    <message>
        <source>{path}: holds no records.</source>
        <translation>{path}: 레코드가 없습니다.</translation>
    </message>
    <message>
        <source>{path}: record {i} is not an object.</source>
        <translation>{path}: 레코드 {i}은(는) 객체가 아닙니다.</translation>
    </message>
    <message>
        <source>{path}: record {i} has no &quot;{key}&quot; (it has {rec}).</source>
        <translation>{path}: 레코드 {i}에 &quot;{key}&quot;이(가) 없습니다(있는 것: {rec}).</translation>
    </message>
    <message>
        <source>Each record needs &quot;instruction&quot; and &quot;output&quot;; &quot;input&quot; may be empty.</source>
        <translation>각 레코드에는 &quot;instruction&quot;과 &quot;output&quot;이 필요합니다. &quot;input&quot;은 비어 있어도 됩니다.</translation>
    </message>
    <message>
        <source>{path}: record {i}: &quot;{key}&quot; is not a string.</source>
        <translation>{path}: 레코드 {i}: &quot;{key}&quot;이(가) 문자열이 아닙니다.</translation>
    </message>
    <message>
        <source>Fix that record.</source>
        <translation>그 레코드를 고치세요.</translation>
    </message>
    <message>
        <source>{path}: record {i}: &quot;input&quot; is not a string.</source>
        <translation>{path}: 레코드 {i}: &quot;input&quot;이 문자열이 아닙니다.</translation>
    </message>
    <message>
        <source>{f}: the file is empty.</source>
        <translation>{f}: 파일이 비어 있습니다.</translation>
    </message>
    <message>
        <source>PT data is plain text, one example a line.</source>
        <translation>PT 데이터는 한 줄에 예제 하나인 일반 텍스트입니다.</translation>
    </message>
    <message>
        <source>Tokenizing {name}</source>
        <translation>{name} 토큰화 중</translation>
    </message>
    <message>
        <source>Unknown training mode {mode}.</source>
        <translation>알 수 없는 학습 모드 {mode}.</translation>
    </message>
    <message>
        <source>Use &apos;sft&apos; or &apos;pt&apos;.</source>
        <translation>&apos;sft&apos; 또는 &apos;pt&apos;를 사용하세요.</translation>
    </message>
    <message>
        <source>{base}: no such model folder.</source>
        <translation>{base}: 그런 모델 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>Give --base an HF-format LLaMA folder.</source>
        <translation>--base에 HF 형식 LLaMA 폴더를 지정하세요.</translation>
    </message>
    <message>
        <source>--qlora needs an NVIDIA GPU with CUDA and the bitsandbytes package; this computer trains on {value}{value2}.</source>
        <translation>--qlora에는 CUDA가 있는 NVIDIA GPU와 bitsandbytes 패키지가 필요합니다. 이 컴퓨터는 {value}{value2}에서 학습합니다.</translation>
    </message>
    <message>
        <source>Train without --qlora, or install bitsandbytes on a CUDA machine.</source>
        <translation>--qlora 없이 학습하거나 CUDA 컴퓨터에 bitsandbytes를 설치하세요.</translation>
    </message>
    <message>
        <source>{ckdir}: no checkpoint to resume from.</source>
        <translation>{ckdir}: 이어 할 체크포인트가 없습니다.</translation>
    </message>
    <message>
        <source>Start without --resume.</source>
        <translation>--resume 없이 시작하세요.</translation>
    </message>
    <message>
        <source>Tokenizing the data</source>
        <translation>데이터 토큰화 중</translation>
    </message>
    <message>
        <source>{data}: no training records (PT: the text is shorter than one block of {length} tokens).</source>
        <translation>{data}: 학습 레코드가 없습니다(PT: 텍스트가 {length}토큰 블록 하나보다 짧음).</translation>
    </message>
    <message>
        <source>Add more data or lower --block-size.</source>
        <translation>데이터를 더 추가하거나 --block-size를 낮추세요.</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>모델 불러오는 중</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <source>write {what} to</source>
        <translation>{what} 쓰기</translation>
    </message>
    <message>
        <source>read</source>
        <translation>읽기</translation>
    </message>
    <message>
        <source>Not enough disk space for {what}: it needs {needed}, {free} is free on {where} (short by {short}).</source>
        <translation>{what}에 필요한 디스크 공간이 부족합니다: {needed}가 필요하지만 {where}의 여유 공간은 {free}입니다({short} 부족).</translation>
    </message>
    <message>
        <source>Free up space, or choose a folder on another disk.</source>
        <translation>공간을 확보하거나 다른 디스크의 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>The model returned non-finite scores (inf or NaN) for the answer letters.</source>
        <translation>모델이 답 문자에 대해 유한하지 않은 점수(inf 또는 NaN)를 반환했습니다.</translation>
    </message>
    <message>
        <source>The model file is damaged or its weights overflow in this precision; try an F16/F32 or another quantization.</source>
        <translation>모델 파일이 손상되었거나 이 정밀도에서 가중치가 오버플로됩니다. F16/F32 또는 다른 양자화를 사용해 보세요.</translation>
    </message>
    <message>
        <source>C-Eval file not found: {path}.</source>
        <translation>C-Eval 파일을 찾을 수 없습니다: {path}.</translation>
    </message>
    <message>
        <source>Point --data at the unzipped ceval-exam folder (it holds dev/, val/ and test/).</source>
        <translation>--data를 압축을 푼 ceval-exam 폴더(dev/, val/, test/ 포함)로 지정하세요.</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text.</source>
        <translation>{path}은(는) UTF-8 텍스트가 아닙니다.</translation>
    </message>
    <message>
        <source>Use the CSV files from the official ceval-exam.zip.</source>
        <translation>공식 ceval-exam.zip의 CSV 파일을 사용하세요.</translation>
    </message>
    <message>
        <source>{path} is not a readable CSV file: {error}.</source>
        <translation>{path}은(는) 읽을 수 있는 CSV 파일이 아닙니다: {error}.</translation>
    </message>
    <message>
        <source>{path} is empty.</source>
        <translation>{path}이(가) 비어 있습니다.</translation>
    </message>
    <message>
        <source>{path}, row {n}: {fields} fields where the header has {header}.</source>
        <translation>{path}, {n}행: 필드가 {fields}개인데 헤더에는 {header}개가 있습니다.</translation>
    </message>
    <message>
        <source>The file is damaged; unzip ceval-exam.zip again.</source>
        <translation>파일이 손상되었습니다. ceval-exam.zip의 압축을 다시 푸세요.</translation>
    </message>
    <message>
        <source>{path}: missing column(s) {columns}.</source>
        <translation>{path}: {columns} 열이 없습니다.</translation>
    </message>
    <message>
        <source>C-Eval files have the columns id,question,A,B,C,D,answer (no answer in test/).</source>
        <translation>C-Eval 파일에는 id,question,A,B,C,D,answer 열이 있습니다(test/에는 answer 없음).</translation>
    </message>
    <message>
        <source>{path}, row {n}: answer {answer} is not one of A, B, C, D.</source>
        <translation>{path}, {n}행: 답 {answer}은(는) A, B, C, D 중 하나가 아닙니다.</translation>
    </message>
    <message>
        <source>Fix the row, or unzip ceval-exam.zip again.</source>
        <translation>해당 행을 고치거나 ceval-exam.zip의 압축을 다시 푸세요.</translation>
    </message>
    <message>
        <source>Unknown split {split}.</source>
        <translation>알 수 없는 분할 {split}.</translation>
    </message>
    <message>
        <source>Use val (with answers, scored) or test (for submission).</source>
        <translation>val(정답 포함, 채점) 또는 test(제출용)를 사용하세요.</translation>
    </message>
    <message>
        <source>C-Eval data folder not found: {path}.</source>
        <translation>C-Eval 데이터 폴더를 찾을 수 없습니다: {path}.</translation>
    </message>
    <message>
        <source>Download ceval-exam.zip (Hugging Face / hf-mirror / ModelScope: ceval/ceval-exam), unzip it, and pass the folder that holds dev/, val/ and test/.</source>
        <translation>ceval-exam.zip(Hugging Face / hf-mirror / ModelScope: ceval/ceval-exam)을 내려받아 압축을 풀고, dev/, val/, test/가 있는 폴더를 지정하세요.</translation>
    </message>
    <message>
        <source>{path} has no {split}/ folder.</source>
        <translation>{path}에 {split}/ 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>Pass the unzipped ceval-exam folder: it holds dev/, val/ and test/.</source>
        <translation>압축을 푼 ceval-exam 폴더를 지정하세요. 그 안에 dev/, val/, test/가 있습니다.</translation>
    </message>
    <message>
        <source>C-Eval file not found: {path} (and {n} more).</source>
        <translation>C-Eval 파일을 찾을 수 없습니다: {path} (외 {n}개).</translation>
    </message>
    <message>
        <source>Unzip the complete ceval-exam.zip there, or choose fewer subjects.</source>
        <translation>전체 ceval-exam.zip을 그곳에 압축 해제하거나 과목을 줄이세요.</translation>
    </message>
    <message>
        <source>ceval-exam.zip cannot be downloaded from {source} by the app.</source>
        <translation>이 앱은 {source}에서 ceval-exam.zip을 내려받을 수 없습니다.</translation>
    </message>
    <message>
        <source>Use {sources}, or download it from {page} and unzip it.</source>
        <translation>{sources}을(를) 사용하거나 {page}에서 직접 내려받아 압축을 푸세요.</translation>
    </message>
    <message>
        <source>{name} holds an unsafe path {path}.</source>
        <translation>{name}에 안전하지 않은 경로 {path}이(가) 있습니다.</translation>
    </message>
    <message>
        <source>Download the official ceval-exam.zip again.</source>
        <translation>공식 ceval-exam.zip을 다시 내려받으세요.</translation>
    </message>
    <message>
        <source>{name} has no dev/ and val/ folders.</source>
        <translation>{name}에 dev/ 및 val/ 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>Download the official ceval-exam.zip (dataset ceval/ceval-exam).</source>
        <translation>공식 ceval-exam.zip(데이터셋 ceval/ceval-exam)을 내려받으세요.</translation>
    </message>
    <message>
        <source>{path} is not a complete zip file.</source>
        <translation>{path}은(는) 완전한 zip 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>Download ceval-exam.zip again.</source>
        <translation>ceval-exam.zip을 다시 내려받으세요.</translation>
    </message>
    <message>
        <source>Unpacking ceval-exam.zip</source>
        <translation>ceval-exam.zip 압축 해제 중</translation>
    </message>
    <message>
        <source>Did you mean {name}?</source>
        <translation>{name}을(를) 말씀하신 건가요?</translation>
    </message>
    <message>
        <source>Use subject keys such as computer_network, a group (STEM, &apos;Social Science&apos;, Humanities, Other) or all.</source>
        <translation>computer_network 같은 과목 키, 그룹(STEM, &apos;Social Science&apos;, Humanities, Other) 또는 all을 사용하세요.</translation>
    </message>
    <message>
        <source>Unknown C-Eval subject {name}.</source>
        <translation>알 수 없는 C-Eval 과목 {name}.</translation>
    </message>
    <message>
        <source>llama.cpp could not load {name} ({error}).</source>
        <translation>llama.cpp가 {name}을(를) 불러오지 못했습니다({error}).</translation>
    </message>
    <message>
        <source>Convert the model again; if it keeps failing, report the log.</source>
        <translation>모델을 다시 변환하세요. 계속 실패하면 로그를 보고해 주세요.</translation>
    </message>
    <message>
        <source>llama.cpp returned logits of shape {got}, transformers {expected}.</source>
        <translation>llama.cpp가 반환한 logits의 형태는 {got}, transformers는 {expected}입니다.</translation>
    </message>
    <message>
        <source>The GGUF vocabulary does not match the model; convert it again.</source>
        <translation>GGUF 어휘가 모델과 일치하지 않습니다. 다시 변환하세요.</translation>
    </message>
    <message>
        <source>The perplexity text is too short.</source>
        <translation>퍼플렉서티 측정용 텍스트가 너무 짧습니다.</translation>
    </message>
    <message>
        <source>Use a text of at least a few sentences.</source>
        <translation>최소 몇 문장 이상의 텍스트를 사용하세요.</translation>
    </message>
    <message>
        <source>Perplexity of {name}</source>
        <translation>{name}의 퍼플렉서티</translation>
    </message>
    <message>
        <source>Loading the GGUF in llama.cpp</source>
        <translation>llama.cpp에서 GGUF 불러오는 중</translation>
    </message>
    <message>
        <source>Comparing tokenizers</source>
        <translation>토크나이저 비교 중</translation>
    </message>
    <message>
        <source>Logits were not compared: a float32 transformers copy of this model does not fit in the free memory.</source>
        <translation>logits를 비교하지 않았습니다: 이 모델의 float32 transformers 사본이 여유 메모리에 들어가지 않습니다.</translation>
    </message>
    <message>
        <source>Comparing logits with transformers</source>
        <translation>transformers와 logits 비교 중</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>검증됨</translation>
    </message>
    <message>
        <source>The model host has been shut down.</source>
        <translation>모델 호스트가 종료되었습니다.</translation>
    </message>
    <message>
        <source>Restart the application.</source>
        <translation>애플리케이션을 다시 시작하세요.</translation>
    </message>
    <message>
        <source>The model is busy: {n} requests are already waiting.</source>
        <translation>모델이 사용 중입니다: 이미 {n}개의 요청이 대기 중입니다.</translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation>잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>불러온 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>먼저 모델을 불러오세요.</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>권한이 거부되었습니다</translation>
    </message>
    <message>
        <source>Choose a folder you are allowed to write to (for example one in your home folder), or change the permissions of {path}.</source>
        <translation>쓰기 권한이 있는 폴더(예: 홈 폴더 안의 폴더)를 선택하거나 {path}의 권한을 변경하세요.</translation>
    </message>
    <message>
        <source>the operating system does not allow it</source>
        <translation>운영 체제가 허용하지 않습니다</translation>
    </message>
    <message>
        <source>Choose a folder in your home folder or on a data disk.</source>
        <translation>홈 폴더나 데이터 디스크의 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>the disk it is on is read-only</source>
        <translation>해당 디스크가 읽기 전용입니다</translation>
    </message>
    <message>
        <source>Choose a folder on a writable disk (a read-only mount, DVD or locked drive cannot hold it).</source>
        <translation>쓰기 가능한 디스크의 폴더를 선택하세요(읽기 전용 마운트, DVD, 잠긴 드라이브에는 저장할 수 없습니다).</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <source>Free some space on that disk, or choose a folder on a disk with more free space.</source>
        <translation>해당 디스크의 공간을 확보하거나 여유 공간이 더 많은 디스크의 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>your disk quota is used up</source>
        <translation>디스크 할당량을 모두 사용했습니다</translation>
    </message>
    <message>
        <source>Delete files you no longer need, or choose a folder outside your quota.</source>
        <translation>필요 없는 파일을 삭제하거나 할당량 밖의 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>something with that name already exists</source>
        <translation>같은 이름의 항목이 이미 있습니다</translation>
    </message>
    <message>
        <source>Choose another name, or move the existing {kind} out of the way.</source>
        <translation>다른 이름을 선택하거나 기존 {kind}을(를) 다른 곳으로 옮기세요.</translation>
    </message>
    <message>
        <source>a part of this path is a file, not a folder</source>
        <translation>경로의 일부가 폴더가 아니라 파일입니다</translation>
    </message>
    <message>
        <source>Choose another location, or rename the file that is in the way.</source>
        <translation>다른 위치를 선택하거나 방해가 되는 파일의 이름을 바꾸세요.</translation>
    </message>
    <message>
        <source>it is a folder, where a file is expected</source>
        <translation>파일이 필요한 곳에 폴더가 있습니다</translation>
    </message>
    <message>
        <source>Give a file name (for example model.gguf) rather than a folder.</source>
        <translation>폴더가 아닌 파일 이름(예: model.gguf)을 지정하세요.</translation>
    </message>
    <message>
        <source>it, or a folder on the way to it, does not exist or cannot hold files</source>
        <translation>해당 경로나 상위 폴더가 없거나 파일을 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Choose an existing folder on a normal disk.</source>
        <translation>일반 디스크에 있는 기존 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>the name is too long for this file system</source>
        <translation>이 파일 시스템에서 쓰기에는 이름이 너무 깁니다</translation>
    </message>
    <message>
        <source>Choose a shorter name, or a folder with a shorter path.</source>
        <translation>더 짧은 이름이나 경로가 더 짧은 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>too many files are open</source>
        <translation>열린 파일이 너무 많습니다</translation>
    </message>
    <message>
        <source>Close other programs or jobs and try again.</source>
        <translation>다른 프로그램이나 작업을 닫고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>the disk reported a read/write error</source>
        <translation>디스크에서 읽기/쓰기 오류가 발생했습니다</translation>
    </message>
    <message>
        <source>Check the disk (and its cable or network connection), then try again.</source>
        <translation>디스크(및 케이블 또는 네트워크 연결)를 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>the folder is not empty</source>
        <translation>폴더가 비어 있지 않습니다</translation>
    </message>
    <message>
        <source>Choose an empty or new folder, or remove what is in it.</source>
        <translation>비어 있거나 새 폴더를 선택하거나, 안의 내용을 지우세요.</translation>
    </message>
    <message>
        <source>Check the path and the disk, then try again.</source>
        <translation>경로와 디스크를 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>there is a file with that name where a folder is needed</source>
        <translation>폴더가 필요한 곳에 같은 이름의 파일이 있습니다</translation>
    </message>
    <message>
        <source>it</source>
        <translation>해당 위치</translation>
    </message>
    <message>
        <source>Cannot {action} {path}: {problem}.</source>
        <translation>{action} 실패 ({path}): {problem}.</translation>
    </message>
    <message>
        <source>Cannot {action}: {problem}.</source>
        <translation>{action} 실패: {problem}.</translation>
    </message>
    <message>
        <source>{path}: {problem}.</source>
        <translation>{path}: {problem}.</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}.</translation>
    </message>
</context>
</TS>
