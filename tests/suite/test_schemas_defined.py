"""Every pydantic model of every service, the gateway and the common kit is fully defined when its module is
imported: a name missing from a string annotation (``from __future__ import annotations``) would otherwise surface
only as a 500 on the first request that reaches the model."""

from __future__ import annotations

import importlib
import pkgutil

import pydantic
import pytest

PACKAGES = ["common", "points", "verification", "enrollment", "funding", "gateway", "console"]


def _modules(package: str) -> list[str]:
    root = importlib.import_module(package)
    return [package] + [f"{package}.{m.name}" for m in pkgutil.iter_modules(root.__path__)]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_model_is_fully_defined(package):
    models = []
    for name in _modules(package):
        module = importlib.import_module(name)
        models += [obj for obj in vars(module).values() if isinstance(obj, type)
                   and issubclass(obj, pydantic.BaseModel) and obj.__module__ == name]
    for model in models:
        model.model_rebuild(raise_errors=True)  # raises PydanticUndefinedAnnotation naming the missing name
    assert models or package in ("gateway",), f"no model found in {package}: the scan is broken"
