import type { RequestStatus } from './status';

/**
 * What happens next, told to the resident who asked, one plain sentence per status: read aloud
 * (读给我听) and shown beside the status. Cadres never read these (their 已办结 hides the rest).
 */
export const RESIDENT_NEXT_STEPS: Record<RequestStatus, string> = {
  pending_confirmation: '请您确认干部登记的这件事是不是已经解决了，确认以后可以评价。',
  submitted: '等办理人签收，签收以后就开始办理。',
  in_progress: '办理人正在办理，办好以后会告诉您结果。',
  resolved: '事情已经办结，请您评价办得怎么样。',
  under_review: '您的评价已经收到，乡镇正在核实。',
  rectifying: '乡镇已经要求整改，整改办好以后会再告诉您。',
  closed: '这件事已经办完了，您不用再做什么。',
  withdrawn: '您已经撤回了这件事，不会再办理。',
};
