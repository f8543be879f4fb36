"""The departments' registries of the synthetic cohort, and how a department answers a request from them.

Each stub department (``tongcheng.stubs``) reads only its own part: police the residence permits and hrss the
social-insurance records (keyed by ID number), housing the certificates and leases and market the business
licences (keyed by document number, with their holders). A registry is built from a cohort's truth
(:meth:`Registry.from_cohort`) or read from the JSON file the demo writes (:meth:`Registry.load`).

:func:`answer` is the department's decision for one request (docs/api.md, verification): ``confirmed`` with the
facts of record, ``mismatch`` when the record differs from the claim (facts attached), ``not_found``, or
``falsified`` (the presented document is forged: a veto, BRIEF §5 E4).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from common.vocabulary import DEPARTMENT_OF
from tongcheng.cohort import Cohort

DEPARTMENT_OF_KIND = DEPARTMENT_OF  # kind → department (common.vocabulary)
KINDS_OF_DEPARTMENT = {dept: kind for kind, dept in DEPARTMENT_OF_KIND.items()}


@dataclass
class Registry:
    """``permits`` / ``insurance``: ID number → facts; ``documents``: number → {kind, facts, holders,
    falsified}; ``late``: records entered after the first answer (kind → ID number → facts), found only on
    review — the demo's appeal case."""

    permits: dict[str, dict] = field(default_factory=dict)
    insurance: dict[str, dict] = field(default_factory=dict)
    documents: dict[str, dict] = field(default_factory=dict)
    late: dict[str, dict[str, dict]] = field(default_factory=dict)

    @classmethod
    def from_cohort(cls, cohort: Cohort) -> "Registry":
        reg = cls()
        for fam in cohort.families:
            for g in fam.guardians:
                if g.permit is not None:
                    reg.permits[g.id_number] = g.permit
                if g.insurance is not None:
                    if "appeal_case" in fam.notes and g.guardian_no == 1:
                        reg.late.setdefault("social_insurance", {})[g.id_number] = g.insurance
                    else:
                        reg.insurance[g.id_number] = g.insurance
            for doc in fam.documents:
                reg.documents[document_key(doc.number)] = {"kind": doc.kind, "facts": doc.facts, "holders": doc.holders,
                                             "falsified": doc.falsified}
        return reg

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"permits": self.permits, "insurance": self.insurance,
                                    "documents": self.documents, "late": self.late}, ensure_ascii=False))
        return path

    @classmethod
    def load(cls, path: Path) -> "Registry":
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(permits=raw["permits"], insurance=raw["insurance"], documents=raw["documents"],
                   late=raw.get("late", {}))

    def record(self, kind: str, id_number: str, *, include_late: bool = False) -> dict | None:
        """Police / hrss record of one person (``None``: not on record)."""
        book = self.permits if kind == "residence_permit" else self.insurance
        found = book.get(id_number)
        if found is None and include_late:
            found = self.late.get(kind, {}).get(id_number)
        return found


def document_key(number: str) -> str:
    """A document number as the registries file it: NFKC (full-width brackets and digits folded), no spaces,
    upper case (USCCs)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", number) if not ch.isspace()).upper()


def _share(text: str | None) -> Decimal | None:
    try:
        return Decimal(str(text)).quantize(Decimal("0.01")) if text not in (None, "") else None
    except ArithmeticError:
        return None


def answer(registry: Registry, request: dict, *, include_late: bool = False) -> tuple[str, dict | None]:
    """(outcome, facts) for one verification Request (docs/api.md): ``kind``, ``subject_id_number``, ``claim``.

    - residence permit, social insurance: the person's record → ``confirmed``; none → ``not_found``.
    - housing: the claimed certificate or lease number → ``falsified`` if forged; ``not_found`` if unknown;
      ``mismatch`` (facts of record attached) when the subject is not a holder, the tenure differs or the
      claimed share differs from the recorded one; else ``confirmed`` with the subject's share.
    - business licence: the claimed USCC → ``falsified`` / ``not_found`` likewise; ``confirmed`` with
      ``holder_is_guardian``; ``mismatch`` when the subject does not hold it.
    """
    kind, who = request["kind"], str(request.get("subject_id_number", "")).upper()
    claim = request.get("claim") or {}
    if kind in ("residence_permit", "social_insurance"):
        record = registry.record(kind, who, include_late=include_late)
        return ("confirmed", dict(record)) if record is not None else ("not_found", None)
    number = claim.get("certificate_no") or claim.get("lease_no") if kind == "housing" else claim.get("uscc")
    doc = registry.documents.get(document_key(str(number or "")))
    if doc is None or doc["kind"] != kind:
        return "not_found", None
    if doc["falsified"]:
        return "falsified", None
    facts = dict(doc["facts"])
    holder = who in doc["holders"]
    if kind == "business_license":
        facts["holder_is_guardian"] = holder
        return ("confirmed" if holder else "mismatch"), facts
    if facts["tenure"] == "owned":
        if not holder:
            return "not_found", None  # the certificate exists, but this person holds no share in it
        facts["share_percent"] = doc["holders"][who]
    same = holder and claim.get("tenure", facts["tenure"]) == facts["tenure"] and (
        facts["tenure"] != "owned" or _share(claim.get("share_percent")) in (None, _share(facts["share_percent"])))
    return ("confirmed" if same else "mismatch"), facts
