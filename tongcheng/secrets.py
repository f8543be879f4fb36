"""Generate this machine's secrets and demo credentials (never committed): ``python -m tongcheng.secrets``.

Writes, when missing:
- ``var/secrets.env``: ``TONGCHENG_INTERNAL_SECRET`` (the gateway↔services identity key) and
  ``TONGCHENG_CONSOLE_SECRET`` (the key of the staff console's per-person tokens, which the gateway trusts; added to
  an older file that lacks it);
- ``var/credentials.json``: the gateway's table of SHA-256(bearer token) → role, department, subject;
- ``var/tokens.json``: subject → bearer token, for the demo, the stub departments and the tests (mode 0600).
Files written before a caller was added (the ``school-<code>`` credentials) are written again with every caller.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sys
from pathlib import Path

from common.vocabulary import DEPARTMENTS

REPO = Path(__file__).resolve().parents[1]

# subject → (role, department): one credential per actor of BRIEF §2 (two for bureau and finance, for the
# concurrency tests: two people acting at once).
DEMO_CALLERS: dict[str, tuple[str, str | None]] = {
    "platform-taizhou": ("platform", None),
    **{f"dept-{d}": ("department", d) for d in DEPARTMENTS},  # one credential per department of the vocabulary
    "bureau-1": ("bureau", None),
    "bureau-2": ("bureau", None),
    "finance-1": ("finance", None),
    "finance-2": ("finance", None),
    "auditor-1": ("auditor", None),
}


def demo_schools(data_dir: Path = REPO / "data") -> dict[str, str]:
    """subject → school code: one ``school`` credential per private school of the bundled data
    (``school-HYMP00301`` confirms the roll of HYMP00301 and nothing else)."""
    import csv

    with (data_dir / "schools.csv").open(encoding="utf-8") as fh:
        return {f"school-{row['code']}": row["code"] for row in csv.DictReader(fh) if row["kind"] == "private"}


def _entry(subject: str, schools: dict[str, str]) -> dict[str, str | None]:
    if subject in schools:
        return {"subject": subject, "role": "school", "department": None, "school_code": schools[subject]}
    role, dept = DEMO_CALLERS[subject]
    return {"subject": subject, "role": role, "department": dept}


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def generate(var_dir: Path, *, force: bool = False) -> dict[str, str]:
    """Create the three files under ``var_dir`` unless present; return subject → token."""
    var_dir.mkdir(parents=True, exist_ok=True)
    env_file, cred_file, tok_file = var_dir / "secrets.env", var_dir / "credentials.json", var_dir / "tokens.json"
    if not env_file.exists() or force:
        env_file.write_text(f"TONGCHENG_INTERNAL_SECRET={secrets.token_urlsafe(48)}\n")
        os.chmod(env_file, 0o600)
    if "TONGCHENG_CONSOLE_SECRET=" not in env_file.read_text():
        with env_file.open("a") as fh:
            fh.write(f"TONGCHENG_CONSOLE_SECRET={secrets.token_urlsafe(48)}\n")
    schools = demo_schools()
    if tok_file.exists() and cred_file.exists() and not force:
        known = json.loads(tok_file.read_text())
        if set(DEMO_CALLERS) | set(schools) <= set(known):
            return known
    tokens = {subject: f"tc_{secrets.token_urlsafe(32)}" for subject in [*DEMO_CALLERS, *schools]}
    creds = {token_hash(tok): _entry(s, schools) for s, tok in tokens.items()}
    cred_file.write_text(json.dumps(creds, indent=2))
    tok_file.write_text(json.dumps(tokens, indent=2))
    os.chmod(tok_file, 0o600)
    return tokens


def read_secret(var_dir: Path, name: str = "TONGCHENG_INTERNAL_SECRET") -> str:
    """The value of ``name`` in ``var_dir/secrets.env``."""
    for line in (var_dir / "secrets.env").read_text().splitlines():
        if line.startswith(name + "="):
            return line.split("=", 1)[1].strip()
    raise RuntimeError(f"no {name} in secrets.env")


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "var"
    generate(target)
    print(f"secrets and demo credentials ready in {target}")
