"""The console's own tables: staff accounts, their sessions, and wrong-password counts. No business data."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from common.db import UTCDateTime, make_base

Base = make_base()
CONSOLE_ROLES = ("bureau", "finance", "auditor", "department", "school")


class Staff(Base):
    """One person: ``username`` (lower case), argon2 ``password_hash``, ``role`` and, for clerks, ``department``;
    for a private school's staff (role ``school``, 在校确认) the one ``school_code`` they act for."""

    __tablename__ = "staff"
    __table_args__ = (CheckConstraint("role IN ('bureau', 'finance', 'auditor', 'department', 'school')",
                                      name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16))
    department: Mapped[str | None] = mapped_column(String(16), nullable=True)
    school_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StaffSession(Base):
    """A signed-in browser. ``id`` is the SHA-256 of the cookie's value (the value itself is never stored);
    ``csrf`` the token every form of the session carries; ``last_seen_at`` moves on use (idle expiry)."""

    __tablename__ = "staff_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SignInFailures(Base):
    """Wrong passwords in a row for a username (known or not): after ``lockout_failures`` sign-in is refused until
    ``locked_until``; a right password resets the count."""

    __tablename__ = "sign_in_failures"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
