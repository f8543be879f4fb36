# One image for the processes of the suite (gateway, points, verification, enrollment, funding, console); the compose
# file picks the process with its command. Build: docker build -t tongcheng .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    TONGCHENG_DATA_DIR=/app/var/data

WORKDIR /app

# Dependencies first (pinned by constraints.txt), so code changes do not reinstall them.
COPY pyproject.toml constraints.txt ./
COPY tongcheng ./tongcheng
RUN pip install -c constraints.txt -e .

COPY services ./services
COPY gateway ./gateway
COPY console ./console
COPY data ./data

# The same .pth file as `make setup` writes: the service folders on the interpreter's path.
RUN python -c "import sysconfig, pathlib; d = pathlib.Path.cwd(); \
  p = pathlib.Path(sysconfig.get_paths()['purelib']) / 'tongcheng-services.pth'; \
  p.write_text(''.join(str(d / s) + '\n' for s in ['services/common', 'services/points', \
  'services/verification', 'services/enrollment', 'services/funding', 'gateway', 'console']))" \
 && python -c "import common, points, verification, enrollment, funding, gateway, console.main" \
 && useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin tongcheng \
 && mkdir -p /app/var/data \
 && chown -R tongcheng /app/var

USER tongcheng
EXPOSE 8000 8101 8102 8103 8104
CMD ["python", "-m", "uvicorn", "--factory", "gateway.main:create_app", "--host", "0.0.0.0", "--port", "8000", \
     "--no-access-log"]
