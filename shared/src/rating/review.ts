/**
 * 差评核实: why staff may find a bad review unfounded. The rating is then kept on record but
 * counts nowhere, as if it had not been given; the reason and a written note say why.
 */
export const UNFOUNDED_REASONS = ['malicious', 'out_of_scope', 'duplicate', 'other'] as const;
export type UnfoundedReason = (typeof UNFOUNDED_REASONS)[number];

export const UNFOUNDED_REASON_LABELS: Record<UnfoundedReason, string> = {
  malicious: '恶意评价',
  out_of_scope: '超出职责范围',
  duplicate: '重复诉求',
  other: '其他',
};
