"""Fixtures every console test shares (the browser tests' own are in ``console_kit.py``)."""

from __future__ import annotations

import pytest

FAST_HASHES = "tests-only-fast"
"""The console's test-only argon2 profile (``console.accounts.HASH_PROFILES``: 1 MiB, one pass): a hash with the
default parameters costs 0.2–0.4 s of CPU, and these tests make and check hundreds. The apps and processes the tests
start take it through their settings (``password_hash_profile``, ``CONSOLE_PASSWORD_HASH_PROFILE``)."""


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashes():
    """Accounts made or checked in this process (``add_staff``, ``ensure_demo_staff``, ``tongcheng staff``) hash with
    :data:`FAST_HASHES`; the default profile again afterwards."""
    from console.accounts import use_hash_profile

    use_hash_profile(FAST_HASHES)
    yield
    use_hash_profile("rfc9106-low-memory")
