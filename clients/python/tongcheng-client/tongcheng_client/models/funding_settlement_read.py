from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funding_settlement_read_state import FundingSettlementReadState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.funding_awaiting_read import FundingAwaitingRead
    from ..models.funding_line_read import FundingLineRead


T = TypeVar("T", bound="FundingSettlementRead")


@_attrs_define
class FundingSettlementRead:
    """A settlement; ``amount_due`` = total + adjustments − paid. ``lines`` on single reads only.

    Attributes:
        adjustments_total (str): yuan, decimal string with 2 places
        amount_due (str): yuan, decimal string with 2 places
        approved_at (datetime.datetime | None):
        approved_by (None | str):
        awaiting_confirmation (int): seats in the school's grades not yet on its confirmed roll when computed: not
            billed; billed by an adjustment once confirmed
        computed_at (datetime.datetime):
        computed_by (str):
        id (int):
        line_count (int):
        paid_total (str): yuan, decimal string with 2 places
        school_code (str):
        semester (str):
        semester_days (int):
        state (FundingSettlementReadState):
        tariff (str): yuan, decimal string with 2 places
        tariff_version (int):
        total (str): yuan, decimal string with 2 places
        version (int):
        awaiting (list[FundingAwaitingRead] | None | Unset): with the lines: the seats awaiting confirmation on the roll
            now
        lines (list[FundingLineRead] | None | Unset):
    """

    adjustments_total: str
    amount_due: str
    approved_at: datetime.datetime | None
    approved_by: None | str
    awaiting_confirmation: int
    computed_at: datetime.datetime
    computed_by: str
    id: int
    line_count: int
    paid_total: str
    school_code: str
    semester: str
    semester_days: int
    state: FundingSettlementReadState
    tariff: str
    tariff_version: int
    total: str
    version: int
    awaiting: list[FundingAwaitingRead] | None | Unset = UNSET
    lines: list[FundingLineRead] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjustments_total = self.adjustments_total

        amount_due = self.amount_due

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        approved_by: None | str
        approved_by = self.approved_by

        awaiting_confirmation = self.awaiting_confirmation

        computed_at = self.computed_at.isoformat()

        computed_by = self.computed_by

        id = self.id

        line_count = self.line_count

        paid_total = self.paid_total

        school_code = self.school_code

        semester = self.semester

        semester_days = self.semester_days

        state = self.state.value

        tariff = self.tariff

        tariff_version = self.tariff_version

        total = self.total

        version = self.version

        awaiting: list[dict[str, Any]] | None | Unset
        if isinstance(self.awaiting, Unset):
            awaiting = UNSET
        elif isinstance(self.awaiting, list):
            awaiting = []
            for awaiting_type_0_item_data in self.awaiting:
                awaiting_type_0_item = awaiting_type_0_item_data.to_dict()
                awaiting.append(awaiting_type_0_item)

        else:
            awaiting = self.awaiting

        lines: list[dict[str, Any]] | None | Unset
        if isinstance(self.lines, Unset):
            lines = UNSET
        elif isinstance(self.lines, list):
            lines = []
            for lines_type_0_item_data in self.lines:
                lines_type_0_item = lines_type_0_item_data.to_dict()
                lines.append(lines_type_0_item)

        else:
            lines = self.lines

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjustments_total": adjustments_total,
                "amount_due": amount_due,
                "approved_at": approved_at,
                "approved_by": approved_by,
                "awaiting_confirmation": awaiting_confirmation,
                "computed_at": computed_at,
                "computed_by": computed_by,
                "id": id,
                "line_count": line_count,
                "paid_total": paid_total,
                "school_code": school_code,
                "semester": semester,
                "semester_days": semester_days,
                "state": state,
                "tariff": tariff,
                "tariff_version": tariff_version,
                "total": total,
                "version": version,
            }
        )
        if awaiting is not UNSET:
            field_dict["awaiting"] = awaiting
        if lines is not UNSET:
            field_dict["lines"] = lines

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_awaiting_read import FundingAwaitingRead
        from ..models.funding_line_read import FundingLineRead

        d = dict(src_dict)
        adjustments_total = d.pop("adjustments_total")

        amount_due = d.pop("amount_due")

        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))

        def _parse_approved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_by = _parse_approved_by(d.pop("approved_by"))

        awaiting_confirmation = d.pop("awaiting_confirmation")

        computed_at = datetime.datetime.fromisoformat(d.pop("computed_at"))

        computed_by = d.pop("computed_by")

        id = d.pop("id")

        line_count = d.pop("line_count")

        paid_total = d.pop("paid_total")

        school_code = d.pop("school_code")

        semester = d.pop("semester")

        semester_days = d.pop("semester_days")

        state = FundingSettlementReadState(d.pop("state"))

        tariff = d.pop("tariff")

        tariff_version = d.pop("tariff_version")

        total = d.pop("total")

        version = d.pop("version")

        def _parse_awaiting(data: object) -> list[FundingAwaitingRead] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                awaiting_type_0 = []
                _awaiting_type_0 = data
                for awaiting_type_0_item_data in _awaiting_type_0:
                    awaiting_type_0_item = FundingAwaitingRead.from_dict(
                        awaiting_type_0_item_data
                    )

                    awaiting_type_0.append(awaiting_type_0_item)

                return awaiting_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FundingAwaitingRead] | None | Unset, data)

        awaiting = _parse_awaiting(d.pop("awaiting", UNSET))

        def _parse_lines(data: object) -> list[FundingLineRead] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                lines_type_0 = []
                _lines_type_0 = data
                for lines_type_0_item_data in _lines_type_0:
                    lines_type_0_item = FundingLineRead.from_dict(
                        lines_type_0_item_data
                    )

                    lines_type_0.append(lines_type_0_item)

                return lines_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FundingLineRead] | None | Unset, data)

        lines = _parse_lines(d.pop("lines", UNSET))

        funding_settlement_read = cls(
            adjustments_total=adjustments_total,
            amount_due=amount_due,
            approved_at=approved_at,
            approved_by=approved_by,
            awaiting_confirmation=awaiting_confirmation,
            computed_at=computed_at,
            computed_by=computed_by,
            id=id,
            line_count=line_count,
            paid_total=paid_total,
            school_code=school_code,
            semester=semester,
            semester_days=semester_days,
            state=state,
            tariff=tariff,
            tariff_version=tariff_version,
            total=total,
            version=version,
            awaiting=awaiting,
            lines=lines,
        )

        funding_settlement_read.additional_properties = d
        return funding_settlement_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
