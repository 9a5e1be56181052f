/** Every status a request can be in. The moves between them are in `transition.ts`. */
export const REQUEST_STATUSES = [
  'pending_confirmation',
  'submitted',
  'in_progress',
  'resolved',
  'under_review',
  'rectifying',
  'closed',
  'withdrawn',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  pending_confirmation: '待群众确认',
  submitted: '待签收',
  in_progress: '办理中',
  resolved: '已办结',
  under_review: '差评核实中',
  rectifying: '整改中',
  closed: '已关闭',
  withdrawn: '已撤回',
};

/** Open = someone owes work on it and a deadline runs: the statuses that can become overdue. */
export const OPEN_STATUSES = [
  'submitted',
  'in_progress',
  'rectifying',
] as const satisfies readonly RequestStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export const TERMINAL_STATUSES = [
  'closed',
  'withdrawn',
] as const satisfies readonly RequestStatus[];

export function isOpenStatus(status: RequestStatus): status is OpenStatus {
  return (OPEN_STATUSES as readonly RequestStatus[]).includes(status);
}

export function isTerminalStatus(status: RequestStatus): boolean {
  return (TERMINAL_STATUSES as readonly RequestStatus[]).includes(status);
}

export const REQUEST_CHANNELS = ['card_scan', 'visit', 'duty_day', 'phone'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const REQUEST_CHANNEL_LABELS: Record<RequestChannel, string> = {
  card_scan: '扫码反映',
  visit: '走访代录',
  duty_day: '一线工作日',
  phone: '电话反映',
};

/** How a resolution ended: solved, or explained (cannot be solved, reasons given). */
export const RESOLUTION_OUTCOMES = ['solved', 'explained'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

export const RESOLUTION_OUTCOME_LABELS: Record<ResolutionOutcome, string> = {
  solved: '已解决',
  explained: '已解释说明（暂不能解决）',
};
