# A ready `stakecheck` for CI users without a C compiler:
#   docker build -t stakecheck .
#   docker run --rm -v "$PWD:/work" -w /work stakecheck check filings/ --format sarif -o stakecheck.sarif
# durable-rules ships only as source (a C extension) and imports on Python 3.11-3.12 only, so the
# wheels are built in a stage that has gcc, and the final image holds no compiler.
FROM python:3.12-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml constraints.txt README.md LICENSE ./
COPY checker ./checker
COPY rules ./rules
RUN pip wheel --no-cache-dir -c constraints.txt --wheel-dir /wheels .

FROM python:3.12-slim
COPY --from=build /wheels /wheels
COPY constraints.txt /tmp/constraints.txt
RUN pip install --no-cache-dir --no-index --find-links /wheels -c /tmp/constraints.txt stakecheck \
    && rm -rf /wheels /tmp/constraints.txt \
    && stakecheck --version
WORKDIR /work
ENTRYPOINT ["stakecheck"]
CMD ["--help"]
