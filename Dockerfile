# CPU image of factcheck. It also serves as the image of a Ray cluster's head and
# workers (see "Running on a Ray cluster" in README.md); for GPU workers build with
#   --build-arg TORCH_INDEX=https://download.pytorch.org/whl/cu126
FROM python:3.11-slim

ENV PIP_NO_CACHE_DIR=1 \
    PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1

ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu

WORKDIR /app
# The CPU build of torch first, so the project's dependency on torch does not pull CUDA.
RUN pip install --index-url ${TORCH_INDEX} torch==2.13.0

COPY pyproject.toml README.md ./
COPY factcheck ./factcheck
COPY configs ./configs
COPY pipelines ./pipelines
COPY seeds ./seeds
# Editable, because factcheck reads configs/ and pipelines/ beside the package;
# the ray extra makes the image a Ray node too (`ray start ...`).
RUN pip install -e '.[ray]'

# The embedded NLI model ships inside the package; no network is needed at run time.
ENTRYPOINT ["factcheck"]
CMD ["run", "seeds/", "--out", "/out/results.jsonl"]
