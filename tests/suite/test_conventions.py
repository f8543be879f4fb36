"""Conventions every service keeps: health (GET and HEAD), problem details for unknown paths, 401 without identity, 403 for a
wrong role, request ids echoed — on SQLite and PostgreSQL."""

import pytest

from shared_kit import SERVICE_MODULES

# One protected read per service: (path, a role allowed, a role refused). Each service's full role matrix lives in
# its own tests and in tests/reliability/test_role_matrix.py.
PROTECTED = {
    "points": ("/rulebooks", ("bureau", None), ("department", "police")),
    "verification": ("/queue", ("department", "police"), ("platform", None)),
    "enrollment": ("/schools", ("bureau", None), ("department", "hrss")),
    "funding": ("/settlements", ("auditor", None), ("platform", None)),
}


@pytest.mark.parametrize("name", SERVICE_MODULES)
def test_service_conventions(name, make_service, auth, backend):
    client = make_service(name)
    health = client.get("/health")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "service": name,
                             "database": "sqlite" if backend == "sqlite" else "postgresql"}
    head = client.head("/health")  # monitors probe with HEAD (405 before): GET's status and headers, no body
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == "application/json"
    assert head.headers["content-length"] == health.headers["content-length"]

    unknown = client.get("/no/such/path", headers=auth("bureau"))
    assert unknown.status_code == 404
    assert unknown.headers["content-type"].startswith("application/problem+json")
    assert unknown.json()["code"] == "not_found" and unknown.json()["status"] == 404

    path, allowed, refused = PROTECTED[name]
    anonymous = client.get(path)
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "unauthenticated"
    forged = client.get(path, headers={"X-Tongcheng-Identity": "eyJhbGciOiJub25lIn0.e30."})
    assert forged.status_code == 401 and forged.json()["code"] == "invalid_identity"
    wrong = client.get(path, headers=auth(*refused))
    assert wrong.status_code == 403 and wrong.json()["code"] == "forbidden"
    ok = client.get(path, headers={**auth(*allowed), "X-Request-ID": "req-conventions-1"})
    assert ok.status_code == 200, ok.text
    assert ok.headers["x-request-id"] == "req-conventions-1"


@pytest.mark.parametrize("name", SERVICE_MODULES)
def test_body_limits_are_problem_details(name, make_service, auth):
    client = make_service(name, max_body_bytes=1000)
    path = PROTECTED[name][0]
    big = client.post(path, content=b"[" + b"1," * 600 + b"1]", headers={**auth("bureau"), "content-type": "application/json"})
    assert big.status_code == 413 and big.json()["code"] == "body_too_large"
    deep = client.post(path, content=b"[" * 40 + b"]" * 40, headers={**auth("bureau"), "content-type": "application/json"})
    assert deep.status_code == 422 and deep.json()["code"] == "json_too_deep"


@pytest.mark.parametrize("name", SERVICE_MODULES)
def test_openapi_documents_problem_details(name, tmp_path):
    """Every error answer in the OpenAPI is problem details (common.errors.document_problems), never FastAPI's
    HTTPValidationError, so schema-driven consumers and fuzzers check the real shape."""
    import importlib

    from shared_kit import TEST_SECRET

    config, main = importlib.import_module(f"{name}.config"), importlib.import_module(f"{name}.main")
    app = main.create_app(config.Settings(internal_secret=TEST_SECRET, data_dir=tmp_path,
                                          database_url=f"sqlite:///{tmp_path / 'doc.db'}"))
    schema = app.openapi()  # the document only: the app is not started
    assert "Problem" in schema["components"]["schemas"]
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    assert set(schema["paths"]["/health"]) == {"get"}  # HEAD /health is served but not an operation of the API
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            for status, answer in operation["responses"].items():
                if status.startswith("4"):
                    assert set(answer.get("content", {})) == {"application/problem+json"}, (method, path, status)
