# CPU image of factcheck. It also serves as the worker image for Ray clusters.
FROM python:3.11-slim

ENV PIP_NO_CACHE_DIR=1 \
    PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1

WORKDIR /app
# CPU build of torch first, so the project's dependency on torch does not pull CUDA.
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0

COPY pyproject.toml README.md ./
COPY factcheck ./factcheck
COPY configs ./configs
COPY pipelines ./pipelines
COPY seeds ./seeds
RUN pip install .

# The embedded NLI model ships inside the package; no network is needed at run time.
ENTRYPOINT ["factcheck"]
CMD ["run", "seeds/", "--out", "/out/results.jsonl"]
