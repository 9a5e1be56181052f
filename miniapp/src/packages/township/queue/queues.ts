import type { StaffQueue } from '../../../services/api/requests';

/** The tabs, in the order staff work through them. */
export const TABS: readonly { key: StaffQueue; label: string }[] = [
  { key: 'review', label: '差评核实' },
  { key: 'conduct', label: '作风投诉' },
  { key: 'due_soon', label: '即将超期' },
  { key: 'overdue', label: '已超期' },
  { key: 'supervised', label: '督办中' },
  { key: 'flagged', label: '二次差评' },
  { key: 'content', label: '内容待审' },
  { key: 'all', label: '全部' },
];

/** What each queue holds, said above it; and, when it is empty, what that means. */
export const QUEUES: Record<StaffQueue, { note: string; empty: string; emptyBody: string }> = {
  review: {
    note: '群众评价“不满意”“非常不满意”的诉求。请逐条核实：属实的交办理人整改，不属实的写明原因，不计入统计。',
    empty: '没有待核实的差评',
    emptyBody: '群众给出差评后，诉求会来到这里等您核实。现在不需要做什么。',
  },
  conduct: {
    note: '作风投诉由乡镇直接办理，被反映的干部看不到，也不计入他的满意率。',
    empty: '没有反映干部作风的诉求',
    emptyBody: '群众反映干部作风问题时，诉求会直接来到这里，由您办理或转办。',
  },
  due_soon: {
    note: '一个工作日内就要到签收或办结时限的诉求。请提醒办理人抓紧，免得超期。',
    empty: '没有即将超期的诉求',
    emptyBody: '签收或办结时限只剩不到一个工作日的诉求会出现在这里，办理人也会收到提醒。',
  },
  overdue: {
    note: '超过签收或办结时限还没办好的诉求。可以打开后督办，或转给能办的人。',
    empty: '没有超期的诉求',
    emptyBody: '辖区内的诉求都在时限内。超期的会出现在这里，请及时督办。',
  },
  supervised: {
    note: '督办过、还没办结的诉求。督办一个工作日后仍未办结的，会再提醒办理人。',
    empty: '没有督办中的诉求',
    emptyBody: '您督办过的诉求在办结之前会出现在这里，方便跟进。',
  },
  flagged: {
    note: '整改后群众仍然不满意的诉求，已报县里跟进。',
    empty: '没有二次差评',
    emptyBody: '整改后群众再次给出差评的诉求会标记“二次差评，已报县”，出现在这里。',
  },
  content: {
    note: '群众提交的文字、照片或录音被微信内容安全检测拦下，等您审核。诉求已经送到办理人手上，只是看不到被拦下的内容。误判的请放行，确实不宜转交的写明理由后不予转交。',
    empty: '没有待审核的内容',
    emptyBody: '群众提交的内容被微信检测拦下时，诉求会来到这里等您审核。现在不需要做什么。',
  },
  all: {
    note: '辖区内全部诉求，快到期的排在前面。',
    empty: '辖区内还没有诉求',
    emptyBody: '群众扫联系卡反映的、干部代为登记的诉求都会出现在这里。',
  },
};
