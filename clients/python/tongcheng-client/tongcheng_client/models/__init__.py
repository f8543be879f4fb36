"""Contains all the data models used in inputs/outputs"""

from .enrollment_age_exception_in import EnrollmentAgeExceptionIn
from .enrollment_age_exception_out import EnrollmentAgeExceptionOut
from .enrollment_all_short_townships import EnrollmentAllShortTownships
from .enrollment_all_short_townships_extra_public_seats import (
    EnrollmentAllShortTownshipsExtraPublicSeats,
)
from .enrollment_appeal_in import EnrollmentAppealIn
from .enrollment_appeal_out import EnrollmentAppealOut
from .enrollment_appeal_out_disputes_type_0 import EnrollmentAppealOutDisputesType0
from .enrollment_appeal_out_progress_type_0 import EnrollmentAppealOutProgressType0
from .enrollment_appeal_out_recheck_type_0 import EnrollmentAppealOutRecheckType0
from .enrollment_appeal_out_score_type_0 import EnrollmentAppealOutScoreType0
from .enrollment_appeals_file_format import EnrollmentAppealsFileFormat
from .enrollment_application_batch_in import EnrollmentApplicationBatchIn
from .enrollment_application_batch_in_items_item import (
    EnrollmentApplicationBatchInItemsItem,
)
from .enrollment_application_counts_response_application_counts import (
    EnrollmentApplicationCountsResponseApplicationCounts,
)
from .enrollment_application_in import EnrollmentApplicationIn
from .enrollment_application_out import EnrollmentApplicationOut
from .enrollment_application_out_child import EnrollmentApplicationOutChild
from .enrollment_application_out_claims import EnrollmentApplicationOutClaims
from .enrollment_application_out_guardians_item import (
    EnrollmentApplicationOutGuardiansItem,
)
from .enrollment_batch_item_out import EnrollmentBatchItemOut
from .enrollment_batch_item_out_errors_type_0_item import (
    EnrollmentBatchItemOutErrorsType0Item,
)
from .enrollment_batch_item_out_status import EnrollmentBatchItemOutStatus
from .enrollment_batch_out import EnrollmentBatchOut
from .enrollment_body_import_file import EnrollmentBodyImportFile
from .enrollment_business_license_claim import EnrollmentBusinessLicenseClaim
from .enrollment_child import EnrollmentChild
from .enrollment_claims import EnrollmentClaims
from .enrollment_decision_in import EnrollmentDecisionIn
from .enrollment_decision_in_decision import EnrollmentDecisionInDecision
from .enrollment_disputed_fact import EnrollmentDisputedFact
from .enrollment_disputed_fact_kind import EnrollmentDisputedFactKind
from .enrollment_disputed_rule import EnrollmentDisputedRule
from .enrollment_fewest_seats import EnrollmentFewestSeats
from .enrollment_fewest_seats_reason_code_type_0 import (
    EnrollmentFewestSeatsReasonCodeType0,
)
from .enrollment_grade_with_seats import EnrollmentGradeWithSeats
from .enrollment_guardian import EnrollmentGuardian
from .enrollment_health_response_health import EnrollmentHealthResponseHealth
from .enrollment_import_file_kind import EnrollmentImportFileKind
from .enrollment_intake_out import EnrollmentIntakeOut
from .enrollment_list_applications_state_type_0 import (
    EnrollmentListApplicationsStateType0,
)
from .enrollment_list_schools_kind_type_0 import EnrollmentListSchoolsKindType0
from .enrollment_list_schools_level_type_0 import EnrollmentListSchoolsLevelType0
from .enrollment_lookup_in import EnrollmentLookupIn
from .enrollment_outbox_status import EnrollmentOutboxStatus
from .enrollment_outbox_status_topics import EnrollmentOutboxStatusTopics
from .enrollment_outbox_status_topics_additional_property import (
    EnrollmentOutboxStatusTopicsAdditionalProperty,
)
from .enrollment_owned_home_claim import EnrollmentOwnedHomeClaim
from .enrollment_placement_lookup_out import EnrollmentPlacementLookupOut
from .enrollment_plan_in import EnrollmentPlanIn
from .enrollment_planning_grade import EnrollmentPlanningGrade
from .enrollment_planning_grade_seats_without_a_school import (
    EnrollmentPlanningGradeSeatsWithoutASchool,
)
from .enrollment_planning_in import EnrollmentPlanningIn
from .enrollment_planning_out import EnrollmentPlanningOut
from .enrollment_planning_purchased import EnrollmentPlanningPurchased
from .enrollment_planning_summary import EnrollmentPlanningSummary
from .enrollment_planning_totals import EnrollmentPlanningTotals
from .enrollment_planning_township import EnrollmentPlanningTownship
from .enrollment_publish_in import EnrollmentPublishIn
from .enrollment_purchased_by_school import EnrollmentPurchasedBySchool
from .enrollment_rented_home_claim import EnrollmentRentedHomeClaim
from .enrollment_run_in import EnrollmentRunIn
from .enrollment_run_in_mechanism import EnrollmentRunInMechanism
from .enrollment_run_out import EnrollmentRunOut
from .enrollment_run_out_certificate_type_0 import EnrollmentRunOutCertificateType0
from .enrollment_run_out_counts import EnrollmentRunOutCounts
from .enrollment_run_out_gate_type_0 import EnrollmentRunOutGateType0
from .enrollment_run_out_window_calendar_type_0 import (
    EnrollmentRunOutWindowCalendarType0,
)
from .enrollment_run_report_format import EnrollmentRunReportFormat
from .enrollment_run_report_view import EnrollmentRunReportView
from .enrollment_run_rosters_format import EnrollmentRunRostersFormat
from .enrollment_school_create import EnrollmentSchoolCreate
from .enrollment_school_create_classrooms import EnrollmentSchoolCreateClassrooms
from .enrollment_school_create_current_pupils import EnrollmentSchoolCreateCurrentPupils
from .enrollment_school_create_kind import EnrollmentSchoolCreateKind
from .enrollment_school_create_level import EnrollmentSchoolCreateLevel
from .enrollment_school_create_status import EnrollmentSchoolCreateStatus
from .enrollment_school_out import EnrollmentSchoolOut
from .enrollment_school_out_approved_capacity_inputs_type_0 import (
    EnrollmentSchoolOutApprovedCapacityInputsType0,
)
from .enrollment_school_out_classrooms import EnrollmentSchoolOutClassrooms
from .enrollment_school_out_current_pupils import EnrollmentSchoolOutCurrentPupils
from .enrollment_school_out_intakes_item import EnrollmentSchoolOutIntakesItem
from .enrollment_school_update import EnrollmentSchoolUpdate
from .enrollment_school_update_classrooms import EnrollmentSchoolUpdateClassrooms
from .enrollment_school_update_current_pupils import EnrollmentSchoolUpdateCurrentPupils
from .enrollment_school_update_kind import EnrollmentSchoolUpdateKind
from .enrollment_school_update_level import EnrollmentSchoolUpdateLevel
from .enrollment_school_update_status import EnrollmentSchoolUpdateStatus
from .enrollment_search_in import EnrollmentSearchIn
from .enrollment_search_in_state_type_0 import EnrollmentSearchInStateType0
from .enrollment_season_report_format import EnrollmentSeasonReportFormat
from .enrollment_season_report_view import EnrollmentSeasonReportView
from .enrollment_seat_change_in import EnrollmentSeatChangeIn
from .enrollment_seats_at_school import EnrollmentSeatsAtSchool
from .enrollment_seats_in import EnrollmentSeatsIn
from .enrollment_shares import EnrollmentShares
from .enrollment_status_query_in import EnrollmentStatusQueryIn
from .enrollment_township_seats_in import EnrollmentTownshipSeatsIn
from .enrollment_webhook_in import EnrollmentWebhookIn
from .enrollmentcommon_schemas_page import EnrollmentcommonSchemasPage
from .enrollmentenrollment_schemas_page import EnrollmentenrollmentSchemasPage
from .funding_adjustment_create import FundingAdjustmentCreate
from .funding_adjustment_read import FundingAdjustmentRead
from .funding_awaiting_read import FundingAwaitingRead
from .funding_body_import_file import FundingBodyImportFile
from .funding_broken_read import FundingBrokenRead
from .funding_budget_forecast_read import FundingBudgetForecastRead
from .funding_budget_put import FundingBudgetPut
from .funding_budget_read import FundingBudgetRead
from .funding_disbursement_create import FundingDisbursementCreate
from .funding_disbursement_read import FundingDisbursementRead
from .funding_forecast_read import FundingForecastRead
from .funding_handover import FundingHandover
from .funding_handover_item import FundingHandoverItem
from .funding_handover_item_status import FundingHandoverItemStatus
from .funding_handover_result import FundingHandoverResult
from .funding_health_response_health import FundingHealthResponseHealth
from .funding_import_file_kind import FundingImportFileKind
from .funding_import_file_response_import_file import (
    FundingImportFileResponseImportFile,
)
from .funding_leaver import FundingLeaver
from .funding_leaver_code import FundingLeaverCode
from .funding_line_read import FundingLineRead
from .funding_list_adjustments_response_list_adjustments import (
    FundingListAdjustmentsResponseListAdjustments,
)
from .funding_list_ledger_response_list_ledger import (
    FundingListLedgerResponseListLedger,
)
from .funding_list_seats_response_list_seats import FundingListSeatsResponseListSeats
from .funding_list_settlements_response_list_settlements import (
    FundingListSettlementsResponseListSettlements,
)
from .funding_list_settlements_state_type_0 import FundingListSettlementsStateType0
from .funding_list_tariffs_response_list_tariffs import (
    FundingListTariffsResponseListTariffs,
)
from .funding_mismatch import FundingMismatch
from .funding_mismatch_record import FundingMismatchRecord
from .funding_page import FundingPage
from .funding_pupil import FundingPupil
from .funding_pupil_line import FundingPupilLine
from .funding_pupil_report import FundingPupilReport
from .funding_pupil_roll import FundingPupilRoll
from .funding_pupil_roll_status import FundingPupilRollStatus
from .funding_roll_confirm import FundingRollConfirm
from .funding_roll_confirmation_read import FundingRollConfirmationRead
from .funding_roll_confirmed import FundingRollConfirmed
from .funding_roll_counts import FundingRollCounts
from .funding_roll_entry_read import FundingRollEntryRead
from .funding_roll_entry_read_status import FundingRollEntryReadStatus
from .funding_roll_read import FundingRollRead
from .funding_run_result import FundingRunResult
from .funding_school_forecast_read import FundingSchoolForecastRead
from .funding_school_forecast_read_tariff_source import (
    FundingSchoolForecastReadTariffSource,
)
from .funding_seat_end import FundingSeatEnd
from .funding_seat_end_code_type_0 import FundingSeatEndCodeType0
from .funding_seat_end_result import FundingSeatEndResult
from .funding_seat_in import FundingSeatIn
from .funding_seat_in_school_level_type_0 import FundingSeatInSchoolLevelType0
from .funding_seat_read import FundingSeatRead
from .funding_seat_transfer import FundingSeatTransfer
from .funding_seat_transferred import FundingSeatTransferred
from .funding_semester_create import FundingSemesterCreate
from .funding_semester_forecast_read import FundingSemesterForecastRead
from .funding_semester_history_response_semester_history import (
    FundingSemesterHistoryResponseSemesterHistory,
)
from .funding_semester_page import FundingSemesterPage
from .funding_semester_read import FundingSemesterRead
from .funding_semester_total import FundingSemesterTotal
from .funding_settlement_create import FundingSettlementCreate
from .funding_settlement_read import FundingSettlementRead
from .funding_settlement_read_state import FundingSettlementReadState
from .funding_settlement_run import FundingSettlementRun
from .funding_skipped_school import FundingSkippedSchool
from .funding_tariff_history_response_tariff_history import (
    FundingTariffHistoryResponseTariffHistory,
)
from .funding_tariff_put import FundingTariffPut
from .funding_tariff_read import FundingTariffRead
from .funding_tariff_read_standard_source import FundingTariffReadStandardSource
from .funding_total_row import FundingTotalRow
from .funding_totals import FundingTotals
from .funding_verify_read import FundingVerifyRead
from .health_health_get_response_health_health_get import (
    HealthHealthGetResponseHealthHealthGet,
)
from .points_business_license_facts import PointsBusinessLicenseFacts
from .points_business_license_facts_entity_type import (
    PointsBusinessLicenseFactsEntityType,
)
from .points_business_license_facts_status import PointsBusinessLicenseFactsStatus
from .points_check_read import PointsCheckRead
from .points_child_age_rule import PointsChildAgeRule
from .points_child_age_rule_min_age import PointsChildAgeRuleMinAge
from .points_family_rule import PointsFamilyRule
from .points_guardian_read import PointsGuardianRead
from .points_health_response_health import PointsHealthResponseHealth
from .points_insurance_rule import PointsInsuranceRule
from .points_item_conditions import PointsItemConditions
from .points_item_conditions_license_status_type_0_item import (
    PointsItemConditionsLicenseStatusType0Item,
)
from .points_item_read import PointsItemRead
from .points_item_read_fact_type_0 import PointsItemReadFactType0
from .points_item_rule import PointsItemRule
from .points_item_rule_kind import PointsItemRuleKind
from .points_item_rule_unit import PointsItemRuleUnit
from .points_job_in import PointsJobIn
from .points_job_list import PointsJobList
from .points_job_read import PointsJobRead
from .points_job_read_state import PointsJobReadState
from .points_list_rulebooks_state_type_0 import PointsListRulebooksStateType0
from .points_no_falsified_rule import PointsNoFalsifiedRule
from .points_owned_home_facts import PointsOwnedHomeFacts
from .points_page import PointsPage
from .points_permit_rule import PointsPermitRule
from .points_rented_home_facts import PointsRentedHomeFacts
from .points_residence_permit_facts import PointsResidencePermitFacts
from .points_residence_permit_facts_status import PointsResidencePermitFactsStatus
from .points_rulebook_create import PointsRulebookCreate
from .points_rulebook_create_tie_break_item import PointsRulebookCreateTieBreakItem
from .points_rulebook_history_response_rulebook_history import (
    PointsRulebookHistoryResponseRulebookHistory,
)
from .points_rulebook_page import PointsRulebookPage
from .points_rulebook_read import PointsRulebookRead
from .points_rulebook_read_eligibility_item import PointsRulebookReadEligibilityItem
from .points_rulebook_read_family import PointsRulebookReadFamily
from .points_rulebook_read_items_item import PointsRulebookReadItemsItem
from .points_rulebook_read_state import PointsRulebookReadState
from .points_rulebook_update import PointsRulebookUpdate
from .points_rulebook_update_tie_break_item import PointsRulebookUpdateTieBreakItem
from .points_score_page import PointsScorePage
from .points_score_read import PointsScoreRead
from .points_score_summary import PointsScoreSummary
from .points_social_insurance_facts import PointsSocialInsuranceFacts
from .points_tie_break_read import PointsTieBreakRead
from .points_what_if_facts import PointsWhatIfFacts
from .points_what_if_guardian import PointsWhatIfGuardian
from .points_what_if_in import PointsWhatIfIn
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .verification_batch_item_out import VerificationBatchItemOut
from .verification_batch_item_out_errors_type_0_item import (
    VerificationBatchItemOutErrorsType0Item,
)
from .verification_batch_item_out_status import VerificationBatchItemOutStatus
from .verification_business_license_claim import VerificationBusinessLicenseClaim
from .verification_case_batch_in import VerificationCaseBatchIn
from .verification_case_batch_out import VerificationCaseBatchOut
from .verification_case_facts import VerificationCaseFacts
from .verification_case_facts_page import VerificationCaseFactsPage
from .verification_case_in import VerificationCaseIn
from .verification_case_out import VerificationCaseOut
from .verification_case_withdrawal_out import VerificationCaseWithdrawalOut
from .verification_claims import VerificationClaims
from .verification_get_progress_response_get_progress import (
    VerificationGetProgressResponseGetProgress,
)
from .verification_guardian_facts import VerificationGuardianFacts
from .verification_guardian_facts_pending_item import (
    VerificationGuardianFactsPendingItem,
)
from .verification_guardian_facts_results import VerificationGuardianFactsResults
from .verification_guardian_in import VerificationGuardianIn
from .verification_health_response_health import VerificationHealthResponseHealth
from .verification_list_queue_kind_type_0 import VerificationListQueueKindType0
from .verification_owned_home_claim import VerificationOwnedHomeClaim
from .verification_page import VerificationPage
from .verification_recheck_in import VerificationRecheckIn
from .verification_recheck_in_kind import VerificationRecheckInKind
from .verification_recheck_mark import VerificationRecheckMark
from .verification_recheck_out import VerificationRecheckOut
from .verification_recheck_out_department import VerificationRecheckOutDepartment
from .verification_recheck_out_kind import VerificationRecheckOutKind
from .verification_rented_home_claim import VerificationRentedHomeClaim
from .verification_request_brief import VerificationRequestBrief
from .verification_request_brief_department import VerificationRequestBriefDepartment
from .verification_request_brief_kind import VerificationRequestBriefKind
from .verification_request_brief_state import VerificationRequestBriefState
from .verification_request_detail import VerificationRequestDetail
from .verification_request_detail_claim import VerificationRequestDetailClaim
from .verification_request_detail_department import VerificationRequestDetailDepartment
from .verification_request_detail_kind import VerificationRequestDetailKind
from .verification_request_detail_state import VerificationRequestDetailState
from .verification_request_out import VerificationRequestOut
from .verification_request_out_claim import VerificationRequestOutClaim
from .verification_request_out_department import VerificationRequestOutDepartment
from .verification_request_out_kind import VerificationRequestOutKind
from .verification_request_out_state import VerificationRequestOutState
from .verification_request_page import VerificationRequestPage
from .verification_result_batch_in import VerificationResultBatchIn
from .verification_result_batch_in_items_item import VerificationResultBatchInItemsItem
from .verification_result_batch_out import VerificationResultBatchOut
from .verification_result_in import VerificationResultIn
from .verification_result_in_facts_type_0 import VerificationResultInFactsType0
from .verification_result_in_outcome import VerificationResultInOutcome
from .verification_result_out import VerificationResultOut
from .verification_result_out_department import VerificationResultOutDepartment
from .verification_result_out_facts_type_0 import VerificationResultOutFactsType0
from .verification_result_out_outcome import VerificationResultOutOutcome

__all__ = (
    "EnrollmentAgeExceptionIn",
    "EnrollmentAgeExceptionOut",
    "EnrollmentAllShortTownships",
    "EnrollmentAllShortTownshipsExtraPublicSeats",
    "EnrollmentAppealIn",
    "EnrollmentAppealOut",
    "EnrollmentAppealOutDisputesType0",
    "EnrollmentAppealOutProgressType0",
    "EnrollmentAppealOutRecheckType0",
    "EnrollmentAppealOutScoreType0",
    "EnrollmentAppealsFileFormat",
    "EnrollmentApplicationBatchIn",
    "EnrollmentApplicationBatchInItemsItem",
    "EnrollmentApplicationCountsResponseApplicationCounts",
    "EnrollmentApplicationIn",
    "EnrollmentApplicationOut",
    "EnrollmentApplicationOutChild",
    "EnrollmentApplicationOutClaims",
    "EnrollmentApplicationOutGuardiansItem",
    "EnrollmentBatchItemOut",
    "EnrollmentBatchItemOutErrorsType0Item",
    "EnrollmentBatchItemOutStatus",
    "EnrollmentBatchOut",
    "EnrollmentBodyImportFile",
    "EnrollmentBusinessLicenseClaim",
    "EnrollmentChild",
    "EnrollmentClaims",
    "EnrollmentDecisionIn",
    "EnrollmentDecisionInDecision",
    "EnrollmentDisputedFact",
    "EnrollmentDisputedFactKind",
    "EnrollmentDisputedRule",
    "EnrollmentFewestSeats",
    "EnrollmentFewestSeatsReasonCodeType0",
    "EnrollmentGradeWithSeats",
    "EnrollmentGuardian",
    "EnrollmentHealthResponseHealth",
    "EnrollmentImportFileKind",
    "EnrollmentIntakeOut",
    "EnrollmentListApplicationsStateType0",
    "EnrollmentListSchoolsKindType0",
    "EnrollmentListSchoolsLevelType0",
    "EnrollmentLookupIn",
    "EnrollmentOutboxStatus",
    "EnrollmentOutboxStatusTopics",
    "EnrollmentOutboxStatusTopicsAdditionalProperty",
    "EnrollmentOwnedHomeClaim",
    "EnrollmentPlacementLookupOut",
    "EnrollmentPlanIn",
    "EnrollmentPlanningGrade",
    "EnrollmentPlanningGradeSeatsWithoutASchool",
    "EnrollmentPlanningIn",
    "EnrollmentPlanningOut",
    "EnrollmentPlanningPurchased",
    "EnrollmentPlanningSummary",
    "EnrollmentPlanningTotals",
    "EnrollmentPlanningTownship",
    "EnrollmentPublishIn",
    "EnrollmentPurchasedBySchool",
    "EnrollmentRentedHomeClaim",
    "EnrollmentRunIn",
    "EnrollmentRunInMechanism",
    "EnrollmentRunOut",
    "EnrollmentRunOutCertificateType0",
    "EnrollmentRunOutCounts",
    "EnrollmentRunOutGateType0",
    "EnrollmentRunOutWindowCalendarType0",
    "EnrollmentRunReportFormat",
    "EnrollmentRunReportView",
    "EnrollmentRunRostersFormat",
    "EnrollmentSchoolCreate",
    "EnrollmentSchoolCreateClassrooms",
    "EnrollmentSchoolCreateCurrentPupils",
    "EnrollmentSchoolCreateKind",
    "EnrollmentSchoolCreateLevel",
    "EnrollmentSchoolCreateStatus",
    "EnrollmentSchoolOut",
    "EnrollmentSchoolOutApprovedCapacityInputsType0",
    "EnrollmentSchoolOutClassrooms",
    "EnrollmentSchoolOutCurrentPupils",
    "EnrollmentSchoolOutIntakesItem",
    "EnrollmentSchoolUpdate",
    "EnrollmentSchoolUpdateClassrooms",
    "EnrollmentSchoolUpdateCurrentPupils",
    "EnrollmentSchoolUpdateKind",
    "EnrollmentSchoolUpdateLevel",
    "EnrollmentSchoolUpdateStatus",
    "EnrollmentSearchIn",
    "EnrollmentSearchInStateType0",
    "EnrollmentSeasonReportFormat",
    "EnrollmentSeasonReportView",
    "EnrollmentSeatChangeIn",
    "EnrollmentSeatsAtSchool",
    "EnrollmentSeatsIn",
    "EnrollmentShares",
    "EnrollmentStatusQueryIn",
    "EnrollmentTownshipSeatsIn",
    "EnrollmentWebhookIn",
    "EnrollmentcommonSchemasPage",
    "EnrollmentenrollmentSchemasPage",
    "FundingAdjustmentCreate",
    "FundingAdjustmentRead",
    "FundingAwaitingRead",
    "FundingBodyImportFile",
    "FundingBrokenRead",
    "FundingBudgetForecastRead",
    "FundingBudgetPut",
    "FundingBudgetRead",
    "FundingDisbursementCreate",
    "FundingDisbursementRead",
    "FundingForecastRead",
    "FundingHandover",
    "FundingHandoverItem",
    "FundingHandoverItemStatus",
    "FundingHandoverResult",
    "FundingHealthResponseHealth",
    "FundingImportFileKind",
    "FundingImportFileResponseImportFile",
    "FundingLeaver",
    "FundingLeaverCode",
    "FundingLineRead",
    "FundingListAdjustmentsResponseListAdjustments",
    "FundingListLedgerResponseListLedger",
    "FundingListSeatsResponseListSeats",
    "FundingListSettlementsResponseListSettlements",
    "FundingListSettlementsStateType0",
    "FundingListTariffsResponseListTariffs",
    "FundingMismatch",
    "FundingMismatchRecord",
    "FundingPage",
    "FundingPupil",
    "FundingPupilLine",
    "FundingPupilReport",
    "FundingPupilRoll",
    "FundingPupilRollStatus",
    "FundingRollConfirm",
    "FundingRollConfirmationRead",
    "FundingRollConfirmed",
    "FundingRollCounts",
    "FundingRollEntryRead",
    "FundingRollEntryReadStatus",
    "FundingRollRead",
    "FundingRunResult",
    "FundingSchoolForecastRead",
    "FundingSchoolForecastReadTariffSource",
    "FundingSeatEnd",
    "FundingSeatEndCodeType0",
    "FundingSeatEndResult",
    "FundingSeatIn",
    "FundingSeatInSchoolLevelType0",
    "FundingSeatRead",
    "FundingSeatTransfer",
    "FundingSeatTransferred",
    "FundingSemesterCreate",
    "FundingSemesterForecastRead",
    "FundingSemesterHistoryResponseSemesterHistory",
    "FundingSemesterPage",
    "FundingSemesterRead",
    "FundingSemesterTotal",
    "FundingSettlementCreate",
    "FundingSettlementRead",
    "FundingSettlementReadState",
    "FundingSettlementRun",
    "FundingSkippedSchool",
    "FundingTariffHistoryResponseTariffHistory",
    "FundingTariffPut",
    "FundingTariffRead",
    "FundingTariffReadStandardSource",
    "FundingTotalRow",
    "FundingTotals",
    "FundingVerifyRead",
    "HealthHealthGetResponseHealthHealthGet",
    "PointsBusinessLicenseFacts",
    "PointsBusinessLicenseFactsEntityType",
    "PointsBusinessLicenseFactsStatus",
    "PointsCheckRead",
    "PointsChildAgeRule",
    "PointsChildAgeRuleMinAge",
    "PointsFamilyRule",
    "PointsGuardianRead",
    "PointsHealthResponseHealth",
    "PointsInsuranceRule",
    "PointsItemConditions",
    "PointsItemConditionsLicenseStatusType0Item",
    "PointsItemRead",
    "PointsItemReadFactType0",
    "PointsItemRule",
    "PointsItemRuleKind",
    "PointsItemRuleUnit",
    "PointsJobIn",
    "PointsJobList",
    "PointsJobRead",
    "PointsJobReadState",
    "PointsListRulebooksStateType0",
    "PointsNoFalsifiedRule",
    "PointsOwnedHomeFacts",
    "PointsPage",
    "PointsPermitRule",
    "PointsRentedHomeFacts",
    "PointsResidencePermitFacts",
    "PointsResidencePermitFactsStatus",
    "PointsRulebookCreate",
    "PointsRulebookCreateTieBreakItem",
    "PointsRulebookHistoryResponseRulebookHistory",
    "PointsRulebookPage",
    "PointsRulebookRead",
    "PointsRulebookReadEligibilityItem",
    "PointsRulebookReadFamily",
    "PointsRulebookReadItemsItem",
    "PointsRulebookReadState",
    "PointsRulebookUpdate",
    "PointsRulebookUpdateTieBreakItem",
    "PointsScorePage",
    "PointsScoreRead",
    "PointsScoreSummary",
    "PointsSocialInsuranceFacts",
    "PointsTieBreakRead",
    "PointsWhatIfFacts",
    "PointsWhatIfGuardian",
    "PointsWhatIfIn",
    "Problem",
    "ProblemErrorsItem",
    "VerificationBatchItemOut",
    "VerificationBatchItemOutErrorsType0Item",
    "VerificationBatchItemOutStatus",
    "VerificationBusinessLicenseClaim",
    "VerificationCaseBatchIn",
    "VerificationCaseBatchOut",
    "VerificationCaseFacts",
    "VerificationCaseFactsPage",
    "VerificationCaseIn",
    "VerificationCaseOut",
    "VerificationCaseWithdrawalOut",
    "VerificationClaims",
    "VerificationGetProgressResponseGetProgress",
    "VerificationGuardianFacts",
    "VerificationGuardianFactsPendingItem",
    "VerificationGuardianFactsResults",
    "VerificationGuardianIn",
    "VerificationHealthResponseHealth",
    "VerificationListQueueKindType0",
    "VerificationOwnedHomeClaim",
    "VerificationPage",
    "VerificationRecheckIn",
    "VerificationRecheckInKind",
    "VerificationRecheckMark",
    "VerificationRecheckOut",
    "VerificationRecheckOutDepartment",
    "VerificationRecheckOutKind",
    "VerificationRentedHomeClaim",
    "VerificationRequestBrief",
    "VerificationRequestBriefDepartment",
    "VerificationRequestBriefKind",
    "VerificationRequestBriefState",
    "VerificationRequestDetail",
    "VerificationRequestDetailClaim",
    "VerificationRequestDetailDepartment",
    "VerificationRequestDetailKind",
    "VerificationRequestDetailState",
    "VerificationRequestOut",
    "VerificationRequestOutClaim",
    "VerificationRequestOutDepartment",
    "VerificationRequestOutKind",
    "VerificationRequestOutState",
    "VerificationRequestPage",
    "VerificationResultBatchIn",
    "VerificationResultBatchInItemsItem",
    "VerificationResultBatchOut",
    "VerificationResultIn",
    "VerificationResultInFactsType0",
    "VerificationResultInOutcome",
    "VerificationResultOut",
    "VerificationResultOutDepartment",
    "VerificationResultOutFactsType0",
    "VerificationResultOutOutcome",
)
