"""The production shape (docker-compose.yml, Dockerfile, deploy/): PostgreSQL plus the five processes from one image,
each service on its own database, health checks and start order, secrets kept out of the repository, only the gateway
published. Parsed with PyYAML; ``docker compose config -q`` runs too where the compose plugin is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from common.config import PLACEHOLDER_SECRETS

REPO = Path(__file__).resolve().parents[2]
SERVICES = {"points": 8101, "verification": 8102, "enrollment": 8103, "funding": 8104}
PROCESSES = {**SERVICES, "console": 8105, "gateway": 8000}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


def _env(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {k: str(v) for k, v in env.items()}


def _env_files(service: dict) -> list[str]:
    files = service.get("env_file") or []
    files = [files] if isinstance(files, (str, dict)) else files
    return [f["path"] if isinstance(f, dict) else f for f in files]


def _depends(service: dict) -> dict[str, str]:
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return {name: "service_started" for name in deps}
    return {name: (cond or {}).get("condition", "service_started") for name, cond in deps.items()}


def test_one_image_for_all_five_processes(compose):
    services = compose["services"]
    assert set(services) == {"postgres", "redis", *PROCESSES}
    images = {name: (services[name].get("image"), str(services[name].get("build"))) for name in PROCESSES}
    assert len(set(images.values())) == 1, images
    build = services["gateway"]["build"]
    context = build if isinstance(build, str) else build["context"]
    assert (REPO / context).resolve() == REPO
    assert (isinstance(build, str) or build.get("dockerfile", "Dockerfile") == "Dockerfile")
    for name, port in PROCESSES.items():
        command = " ".join(services[name]["command"])
        assert f"{name}.main:create_app" in command and "--factory" in command and f"--port {port}" in command


@pytest.mark.parametrize("name", [*SERVICES, "console"])
def test_each_service_has_its_own_postgres_database(compose, name):
    env = _env(compose["services"][name])
    url = env[f"{name.upper()}_DATABASE_URL"]
    match = re.fullmatch(r"postgresql(\+psycopg)?://(?P<user>[^:@/]+)@postgres:5432/(?P<db>\w+)", url)
    assert match, f"{url} must point at the postgres service without a password in it"
    assert match["db"] == f"tongcheng_{name}"
    init = (REPO / "deploy" / "postgres" / "10-databases.sql").read_text()
    assert re.search(rf"CREATE DATABASE {match['db']};", init)
    mounts = compose["services"]["postgres"]["volumes"]
    assert any(str(m).startswith("./deploy/postgres:/docker-entrypoint-initdb.d") for m in mounts)
    assert compose["services"]["postgres"]["environment"]["POSTGRES_USER"] == match["user"]


@pytest.mark.parametrize("name", SERVICES)
def test_services_find_each_other_by_service_name(compose, name):
    env = _env(compose["services"][name])
    for key, value in env.items():
        if key.endswith("_URL") and not key.endswith("DATABASE_URL"):
            other = key.removeprefix(f"{name.upper()}_").removesuffix("_URL").lower()
            assert value == f"http://{other}:{SERVICES[other]}", (key, value)
    gateway = _env(compose["services"]["gateway"])
    assert gateway[f"GATEWAY_{name.upper()}_URL"] == f"http://{name}:{SERVICES[name]}"


@pytest.mark.parametrize("name", PROCESSES)
def test_health_checks_and_start_order(compose, name):
    service = compose["services"][name]
    check = service["healthcheck"]["test"]
    assert check[0] == "CMD" and check[1:3] == ["python", "-c"]
    assert f"http://127.0.0.1:{PROCESSES[name]}/health/ready" in check[3] and "urllib.request" in check[3]
    compile(check[3], "healthcheck", "exec")  # the one-liner is valid Python
    deps = _depends(service)
    assert set(deps.values()) == {"service_healthy"}, deps
    expected = {"points": {"postgres", "verification"}, "verification": {"postgres"}, "funding": {"postgres"},
                "enrollment": {"postgres", "verification", "points", "funding"}, "console": {"postgres"},
                "gateway": {*SERVICES, "redis", "console"}}[name]
    assert set(deps) == expected
    assert "healthcheck" in compose["services"]["postgres"]


def test_only_the_gateway_publishes_a_port(compose):
    published = {name: s.get("ports") for name, s in compose["services"].items() if s.get("ports")}
    assert published == {"gateway": ["8000:8000"]}
    assert compose["networks"]["internal"].get("internal") is True
    for name in ("postgres", "redis", *SERVICES, "console"):
        assert compose["services"][name]["networks"] == ["internal"]
    assert _env(compose["services"]["gateway"])["GATEWAY_CONSOLE_URL"] == "http://console:8105"  # behind /console/
    assert _env(compose["services"]["console"])["CONSOLE_GATEWAY_URL"] == "http://gateway:8000"


def test_services_scale_and_the_gateway_shares_its_rate_limit(compose):
    """Each service runs TONGCHENG_REPLICAS containers (issue 14); the gateway one, its limit in Redis."""
    for name in SERVICES:
        assert compose["services"][name]["deploy"]["replicas"] == "${TONGCHENG_REPLICAS:-1}"
        assert "container_name" not in compose["services"][name]
    assert compose["services"]["gateway"]["deploy"]["replicas"] == 1
    assert _env(compose["services"]["gateway"])["GATEWAY_RATE_STORAGE"] == "redis://redis:6379/0"


def test_no_live_secret_is_committed(compose):
    example = REPO / "deploy" / "compose.env.example"
    values = dict(line.split("=", 1) for line in example.read_text().splitlines()
                  if line.strip() and not line.startswith("#"))
    assert values["TONGCHENG_INTERNAL_SECRET"].strip().lower() in PLACEHOLDER_SECRETS  # the settings refuse it
    ignored = (REPO / "deploy" / ".gitignore").read_text().split()
    assert "compose.env" in ignored and "var/" in ignored
    for name in PROCESSES:
        service = compose["services"][name]
        assert _env_files(service) == ["deploy/compose.env.example", "deploy/compose.env"]
        assert "TONGCHENG_INTERNAL_SECRET" not in _env(service)  # only from the env files
        assert all("password" not in v.lower() and ":changeme" not in v for v in _env(service).values())
    text = (REPO / "docker-compose.yml").read_text()
    assert not re.search(r"(SECRET|PASSWORD)\s*[:=]\s*[\"']?[A-Za-z0-9_\-]{16,}", text)
    dockerignore = (REPO / ".dockerignore").read_text().split()
    for private in ("var", "deploy/var", "deploy/compose.env", ".venv", ".git"):
        assert private in dockerignore


def test_gateway_credentials_are_mounted_read_only(compose):
    gateway = compose["services"]["gateway"]
    target = _env(gateway)["GATEWAY_CREDENTIALS_FILE"]
    assert f"./deploy/var/credentials.json:{target}:ro" in gateway["volumes"]


def test_dockerfile_installs_like_make_setup():
    dockerfile = (REPO / "Dockerfile").read_text()
    makefile = (REPO / "Makefile").read_text()
    assert re.search(r"^FROM python:3\.11-slim\b", dockerfile, re.M)
    assert "pip install -c constraints.txt -e ." in dockerfile
    folders = re.compile(r"for s in \[(.*?)\]\)", re.S)
    make_dirs = re.findall(r"'([^']+)'", folders.search(makefile).group(1))
    docker_dirs = re.findall(r"'([^']+)'", folders.search(dockerfile).group(1))
    assert docker_dirs == make_dirs and "tongcheng-services.pth" in dockerfile
    assert re.search(r"^USER (?!root)\S+", dockerfile, re.M)


def test_docker_compose_config_is_valid():
    docker = shutil.which("docker")
    if docker is None:
        pytest.skip("docker is not installed: `docker compose config -q` not run (the YAML checks above still ran)")
    version = subprocess.run([docker, "compose", "version"], capture_output=True, text=True, timeout=30)
    if version.returncode != 0:
        reason = (version.stderr or version.stdout).strip().splitlines()[:1]
        pytest.skip(f"`docker compose` is not available here ({' '.join(reason)}): config -q not run")
    result = subprocess.run([docker, "compose", "-f", str(REPO / "docker-compose.yml"), "config", "-q"],
                            capture_output=True, text=True, timeout=60, cwd=REPO)
    assert result.returncode == 0, result.stderr
