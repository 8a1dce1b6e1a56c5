/**
 * What the policy check reports beyond the schema: a code, where (JSON Pointer) and the values a
 * sentence about it needs. The sentences themselves are written where problems are shown
 * (server/messages), in the reader's language.
 */

/** The codes of the problems the policy check finds beyond the format's schema. */
export type CheckCode =
  | 'form_schema_invalid'
  | 'form_schema_version'
  | 'form_not_object'
  | 'form_message_unknown_field'
  | 'form_message_unknown_keyword'
  | 'form_message_not_label'
  | 'unknown_field'
  | 'unknown_role'
  | 'unknown_state'
  | 'unknown_form'
  | 'unknown_transition'
  | 'unknown_department'
  | 'unknown_category'
  | 'unknown_category_value'
  | 'category_not_rule_set'
  | 'unknown_clock'
  | 'unknown_calendar'
  | 'unknown_table'
  | 'unknown_action'
  | 'unknown_fact'
  | 'duplicate_id'
  | 'band_empty'
  | 'band_overlap'
  | 'band_gap'
  | 'authority_too_low'
  | 'chain_repeats_role'
  | 'state_unreachable'
  | 'state_cannot_end'
  | 'no_terminal_state'
  | 'terminal_has_exit'
  | 'effect_missing'
  | 'time_zone_invalid'
  | 'hours_invalid'
  | 'calendar_no_hours'
  | 'close_days_invalid'
  | 'date_conflict'
  | 'numbering_no_serial'
  | 'numbering_repeats'
  | 'numbering_may_repeat'
  | 'level_order'
  | 'unknown_part'
  | 'assessment_count_missing'
  | 'assessment_field_not_allowed'
  | 'assessment_threshold_missing'
  | 'assessment_threshold_twice'
  | 'assessment_range_empty'
  | 'assessment_rate_range'
  | 'attachment_type_unknown'
  | 'attachment_limit_too_high'
  | 'form_attachment_on_intake'
  | 'form_attachment_type_not_allowed'
  | 'public_form_field_hidden';

/** A problem the check found: its code, its JSON Pointer path and the values that describe it. */
export type CheckProblem = {
  path: string;
  code: CheckCode;
  params: Record<string, unknown>;
};
