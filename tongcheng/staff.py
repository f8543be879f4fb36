"""Staff accounts of the console from the command line (``tongcheng staff add|disable|enable|reset|list``) and the
demo's accounts, one per role, whose generated passwords go to ``var/console-accounts.txt`` (mode 0600, never
committed).

Works on the console's own database directly: ``CONSOLE_DATABASE_URL`` when set, else ``<var>/data/console.db``,
migrated to head first.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select

from common.db import Database, upgrade_to_head
from common.vocabulary import DEPARTMENT_TABLE

CONSOLE_DIR = Path(__file__).resolve().parents[1] / "console"
ACCOUNTS_FILE = "console-accounts.txt"
# username → (role, department or school code, display name): one account per role of the console, a clerk per
# department, a private school's staff (its semester roll, 在校确认)
DEMO_STAFF: dict[str, tuple[str, str | None, str]] = {
    "bureau": ("bureau", None, "教育局 王老师"),
    "finance": ("finance", None, "财政局 李会计"),
    "auditor": ("auditor", None, "审计 赵审计"),
    **{d.code: ("department", d.code, f"{d.name_zh} 核验员") for d in DEPARTMENT_TABLE},  # a clerk per department
    "school": ("school", "HYMP00301", "育英随迁子女学校 教务"),  # the bundled data's first private school
}


def database_url(var: Path) -> str:
    return os.environ.get("CONSOLE_DATABASE_URL") or f"sqlite:///{var / 'data' / 'console.db'}"


def open_database(var: Path, url: str | None = None) -> Database:
    """The console's database (``url``, else :func:`database_url`), migrated to head."""
    url = url or database_url(var)
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    upgrade_to_head(CONSOLE_DIR, url)
    return Database(url, pool_size=1)


def ensure_demo_staff(var: Path, url: str | None = None) -> Path:
    """Make sure each demo account exists with the password written in ``var/console-accounts.txt``; accounts the
    file does not know (or a missing file) get a new generated password. Returns the file's path."""
    from console.accounts import add_staff, generate_password, get_staff, reset_password

    path = var / ACCOUNTS_FILE
    known: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[0] in DEMO_STAFF:
                known[parts[0]] = parts[-1]
    db = open_database(var, url)
    try:
        with db.write_session() as session:
            for name, (role, dept, display) in DEMO_STAFF.items():
                staff = get_staff(session, name)
                if staff is None:
                    known[name] = known.get(name) or generate_password()
                    school = dept if role == "school" else None
                    add_staff(session, name, known[name], role, None if school else dept, display, school_code=school)
                elif name not in known:
                    known[name] = generate_password()
                    reset_password(session, name, known[name])
            session.commit()
    finally:
        db.dispose()
    lines = ["# 同城 工作台 demo accounts (generated; never commit). username  role  password"]
    lines += [f"{name:<8} {DEMO_STAFF[name][0]}{'/' + DEMO_STAFF[name][1] if DEMO_STAFF[name][1] else '':<18} "
              f"{known[name]}" for name in DEMO_STAFF]
    path.write_text("\n".join(lines) + "\n")
    os.chmod(path, 0o600)
    return path


def run(action: str, var: Path, username: str = "", role: str = "", department: str | None = None,
        name: str | None = None, password: str | None = None, school: str | None = None) -> str:
    """One ``tongcheng staff`` action; returns what to print (a generated password is printed once, here)."""
    from console.accounts import add_staff, generate_password, reset_password, set_disabled
    from console.models import Staff

    db = open_database(var)
    try:
        with db.write_session() as session:
            if action == "list":
                rows = session.scalars(select(Staff).order_by(Staff.username)).all()
                return "\n".join(f"{s.username:<16} {s.role:<10} {s.department or s.school_code or '':<10} "
                                 f"{'disabled' if s.disabled else 'active'}" for s in rows) or "no accounts"
            generated = password is None and action in ("add", "reset")
            password = password or generate_password()
            if action == "add":
                add_staff(session, username, password, role, department, name, school_code=school)
            elif action == "reset":
                reset_password(session, username, password)
            else:
                set_disabled(session, username, action == "disable")
            session.commit()
    finally:
        db.dispose()
    if action in ("add", "reset"):
        said = f"password: {password}" if generated else "password set"
        return f"{action} {username}: {said}" + (" (shown once; give it to the person)" if generated else "")
    return f"{username}: {action}d"
