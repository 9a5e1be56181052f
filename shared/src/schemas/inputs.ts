import * as v from 'valibot';
import { RESOLUTION_OUTCOMES } from '../lifecycle/status';
import { UNFOUNDED_REASONS } from '../rating/review';
import { RATING_TAG_CODES, SOLVED_ANSWERS } from '../rating/rating';
import { CATEGORY_CODES, isConductComplaint, SUB_TOPIC_CODES } from '../vocabulary/categories';
import { normalizeText, textLength } from '../text/normalize';
import { idField, optionalTextField, phoneField, textField, versionField } from './fields';

export const REQUEST_TEXT_MIN = 5;
export const REQUEST_TEXT_MAX = 1000;
export const MAX_PHOTOS = 3;

/** Photos uploaded first (each an id), then named by the form that uses them. */
export const photoIdsField = v.optional(
  v.pipe(
    v.array(idField, '照片格式不对'),
    v.maxLength(MAX_PHOTOS, `最多只能上传${MAX_PHOTOS}张照片`),
  ),
  [],
);
/** Photos larger than this are refused; the client compresses before upload. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** A voice clip (语音) is at most this long; the recorder stops by itself when it is reached. */
export const MAX_VOICE_SECONDS = 60;
/**
 * Recordings larger than this are refused. 60 s at the bit rates the clients ask for (48 kbit/s
 * in WeChat, 64 kbit/s in a browser) is under 0.5 MB; the margin is for recorders that ignore it.
 */
export const MAX_VOICE_BYTES = 2 * 1024 * 1024;

/* ---- sign-in ---- */

export const staffSignInSchema = v.object({
  username: v.pipe(
    v.string('请填写账号'),
    v.trim(),
    v.nonEmpty('请填写账号'),
    v.maxLength(64, '账号太长了'),
  ),
  password: v.pipe(
    v.string('请填写密码'),
    v.nonEmpty('请填写密码'),
    v.maxLength(128, '密码太长了'),
  ),
  /** In WeChat: wx.login's code, so that the cadre's reminders can reach them as WeChat messages. */
  wechatCode: v.optional(v.pipe(v.string(), v.nonEmpty(), v.maxLength(128))),
});

export const smsCodeRequestSchema = v.object({ phone: phoneField });

export const smsSignInSchema = v.object({
  phone: phoneField,
  code: v.pipe(v.string('请填写验证码'), v.trim(), v.regex(/^\d{6}$/, '验证码是6位数字')),
});

export const wechatSignInSchema = v.object({
  code: v.pipe(
    v.string('微信登录失败，请重试'),
    v.nonEmpty('微信登录失败，请重试'),
    v.maxLength(128),
  ),
});

/** 微信手机号登录: wx.login's code, and the code of the getPhoneNumber button's answer. */
export const wechatPhoneSignInSchema = v.object({
  code: wechatSignInSchema.entries.code,
  phoneCode: v.pipe(
    v.string('没有取到手机号，请重试'),
    v.nonEmpty('没有取到手机号，请重试'),
    v.maxLength(128),
  ),
});

/* ---- a resident's request ---- */

export const locationSchema = v.object(
  {
    latitude: v.pipe(v.number('位置格式不对'), v.minValue(-90), v.maxValue(90)),
    longitude: v.pipe(v.number('位置格式不对'), v.minValue(-180), v.maxValue(180)),
    address: optionalTextField('地址', 200),
  },
  '位置格式不对',
);

export const submitRequestSchema = v.pipe(
  v.object({
    cardCode: v.optional(v.pipe(v.string(), v.regex(/^[0-9A-Za-z]{1,32}$/, '联系卡编码格式不对'))),
    category: v.picklist(CATEGORY_CODES, '请选择诉求类别'),
    subTopic: v.optional(v.picklist(SUB_TOPIC_CODES, '请选择具体事项')),
    text: v.optional(
      v.pipe(
        v.string('请填写诉求内容'),
        v.transform(normalizeText),
        v.check(
          (s) => textLength(s) <= REQUEST_TEXT_MAX,
          (issue) =>
            `诉求内容最多${REQUEST_TEXT_MAX}个字，现在有${textLength(String(issue.input))}个字，请精简一些`,
        ),
      ),
      '',
    ),
    photoIds: photoIdsField,
    /** a voice clip uploaded first; with one, the text may be left empty */
    voiceId: v.optional(idField),
    contactPhone: v.optional(phoneField),
    location: v.optional(locationSchema),
    consent: v.literal(true, '请先阅读并同意个人信息保护说明'),
  }),
  // Someone who cannot type says it instead: a recording stands in for the text.
  // partialCheck: judged even when another field is wrong, so every error shows at once.
  v.forward(
    v.partialCheck(
      [['text'], ['voiceId']],
      (input) => input.voiceId !== undefined || textLength(input.text) >= REQUEST_TEXT_MIN,
      (issue) => requestTextShort((issue.input as { text: string }).text),
    ),
    ['text'],
  ),
);

function requestTextShort(text: string): string {
  const n = textLength(text);
  return n === 0 ? '请填写诉求内容' : `诉求内容至少要${REQUEST_TEXT_MIN}个字，现在只有${n}个字`;
}

/* ---- a cadre filing for a resident (代填), or recording a matter solved on the spot ---- */

/** How a cadre met the resident: on a home visit, on a duty day (一线工作日), or on the phone. */
export const PROXY_CHANNELS = ['visit', 'duty_day', 'phone'] as const;

const proxyFields = {
  channel: v.picklist(PROXY_CHANNELS, '请选择是在哪里了解到的'),
  category: v.picklist(CATEGORY_CODES, '请选择诉求类别'),
  subTopic: v.optional(v.picklist(SUB_TOPIC_CODES, '请选择具体事项')),
  text: textField('群众反映的内容', REQUEST_TEXT_MIN, REQUEST_TEXT_MAX),
  /** the resident's own phone: the request is theirs once they sign in with it */
  residentPhone: phoneField,
  photoIds: photoIdsField,
  consent: v.literal(true, '请先向群众说明个人信息保护说明，并征得同意'),
  /** the visit (走访) it came from: the request then names the visit's household */
  visitId: v.optional(idField),
};

export const onBehalfSchema = v.object(proxyFields);

/** 公示摘要: the one line the village board shows for a request, in place of anything the resident wrote. */
export const PUBLIC_SUMMARY_MIN = 4;
export const PUBLIC_SUMMARY_MAX = 40;

export const publicSummaryField = v.pipe(
  textField('公示摘要', PUBLIC_SUMMARY_MIN, PUBLIC_SUMMARY_MAX),
  // One line on the board: a line break typed on a phone becomes a space rather than a refusal.
  v.transform((s) => s.replace(/\s*\n\s*/g, ' ')),
);

export const onSpotSchema = v.pipe(
  v.object({
    ...proxyFields,
    /** what was done there and then, for the resident to confirm */
    note: textField('当场解决的情况', 5, 1000),
    /** the village board's line for it, as when a request is resolved */
    publicSummary: publicSummaryField,
  }),
  // A complaint about a cadre's conduct is the township's to handle, never settled on the spot.
  v.forward(
    v.check(
      (input) => !isConductComplaint(input.category),
      '反映干部作风的事不能登记为当场解决，请代群众登记，由乡镇办理',
    ),
    ['category'],
  ),
);

/** The one-time code a cadre's phone shows as a QR code: 24 letters and digits. */
export const CONFIRMATION_TOKEN_PATTERN = /^[0-9A-Za-z]{24}$/;

export const confirmSchema = v.object({
  token: v.pipe(
    v.string('缺少确认码'),
    v.regex(CONFIRMATION_TOKEN_PATTERN, '确认码格式不对，请重新扫码'),
  ),
});

/* ---- a cadre's moves ---- */

export const acceptSchema = v.object({ version: versionField });

export const replySchema = v.object({ text: textField('答复内容', 2, 500) });

export const resolveSchema = v.pipe(
  v.object({
    version: versionField,
    outcome: v.picklist(RESOLUTION_OUTCOMES, '请选择办理结果'),
    note: textField('办理情况', 2, 1000),
    /**
     * What the village board (公示栏) shows: written for the public, without the resident's name,
     * phone or address. Required: a request without one never appears on the board.
     */
    publicSummary: publicSummaryField,
  }),
  // "Explained" means it cannot be solved: the resident is owed real reasons, not a word.
  v.forward(
    v.check(
      (input) => input.outcome !== 'explained' || input.note.length >= 10,
      '不能解决的，请写清楚原因（至少10个字）',
    ),
    ['note'],
  ),
);

/** Staff edit or hide a request's 公示摘要 (at least one of the two). */
export const publicSummaryEditSchema = v.pipe(
  v.object({
    summary: v.optional(publicSummaryField),
    hidden: v.optional(v.boolean('请选择是否公示')),
  }),
  v.check(
    (input) => input.summary !== undefined || input.hidden !== undefined,
    '请修改公示摘要，或选择是否公示',
  ),
);

export const escalateSchema = v.object({
  version: versionField,
  reason: textField('上报理由', 5, 500),
});

export const transferSchema = v.object({
  version: versionField,
  toUserId: v.pipe(
    v.number('请选择转给谁'),
    v.integer('请选择转给谁'),
    v.minValue(1, '请选择转给谁'),
  ),
  reason: textField('转办理由', 5, 500),
});

/** Only a pending 当场解决 record can be cancelled, e.g. when the resident did not confirm it. */
export const cancelSchema = v.object({
  version: versionField,
  reason: textField('撤销原因', 2, 200),
});

/** Moves that need nothing but the request: an empty object, so a stray field is refused. */
export const emptyBodySchema = v.strictObject({}, '这项操作不需要填写内容');

export const confirmationTicketRequestSchema = v.object({
  sendSms: v.optional(v.boolean('短信选项格式不对'), false),
});

/* ---- staff oversight ---- */

export const superviseSchema = v.object({ note: textField('督办意见', 5, 500) });

/**
 * 差评核实: founded sends the request back to its owner for rectification with the staff's
 * finding (the only part of the bad review the cadre ever reads); unfounded closes it and takes
 * the rating out of every figure, for a reason from the fixed list and a written explanation.
 */
export const verifySchema = v.variant(
  'founded',
  [
    v.object({
      version: versionField,
      founded: v.literal(true),
      finding: textField('核实情况和整改要求', 5, 1000),
    }),
    v.object({
      version: versionField,
      founded: v.literal(false),
      reason: v.picklist(UNFOUNDED_REASONS, '请选择不属实的原因'),
      note: textField('核实说明', 5, 1000),
    }),
  ],
  '请选择核实结果：属实或不属实',
);

/**
 * 内容审核: staff release a held item (误判: the cadre sees it) or withhold it (the cadre never does;
 * the note says why, for the record and for the resident's next contact).
 */
export const contentReviewSchema = v.variant(
  'decision',
  [
    v.object({ decision: v.literal('release'), note: optionalTextField('审核说明', 200) }),
    v.object({ decision: v.literal('withhold'), note: textField('不予转交的理由', 2, 200) }),
  ],
  '请选择审核结果：放行或不予转交',
);

/* ---- the resident's rating ---- */

export const rateSchema = v.object({
  level: v.picklist([1, 2, 3, 4, 5] as const, '请选择满意程度'),
  solved: v.picklist(SOLVED_ANSWERS, '请选择问题解决了没有'),
  tags: v.optional(
    v.pipe(
      v.array(v.picklist(RATING_TAG_CODES, '评价标签不对')),
      v.check((tags) => new Set(tags).size === tags.length, '评价标签重复了'),
    ),
    [],
  ),
  comment: optionalTextField('评价内容', 300),
});

/* ---- notices ---- */

/** Marks the reader's notices read: these ids, or every one when none are named. */
export const readNoticesSchema = v.object({
  ids: v.optional(v.pipe(v.array(idField, '消息编号格式不对'), v.maxLength(100, '一次最多100条'))),
});

/**
 * The development clock (refused in production): move it to an instant, or forward by minutes,
 * and run the sweeps and the dispatcher once at the new time.
 */
export const devClockSchema = v.pipe(
  v.object({
    at: v.optional(
      v.pipe(v.string(), v.isoTimestamp('时间格式应为 ISO，例如 2026-12-07T09:00:00+08:00')),
    ),
    advanceMinutes: v.optional(
      v.pipe(
        v.number('分钟数应为数字'),
        v.integer('分钟数应为整数'),
        v.minValue(0, '时间只能往后拨'),
        // Ten years at most: the clock must stay a real date.
        v.maxValue(10 * 366 * 24 * 60, '一次最多拨十年'),
      ),
    ),
  }),
  v.check(
    (x) => (x.at === undefined) !== (x.advanceMinutes === undefined),
    '请给出 at 或 advanceMinutes 之一',
  ),
);

export type StaffSignInInput = v.InferOutput<typeof staffSignInSchema>;
export type SmsCodeRequestInput = v.InferOutput<typeof smsCodeRequestSchema>;
export type SmsSignInInput = v.InferOutput<typeof smsSignInSchema>;
export type WechatSignInInput = v.InferOutput<typeof wechatSignInSchema>;
export type WechatPhoneSignInInput = v.InferOutput<typeof wechatPhoneSignInSchema>;
export type SubmitRequestInput = v.InferOutput<typeof submitRequestSchema>;
export type AcceptInput = v.InferOutput<typeof acceptSchema>;
export type ReplyInput = v.InferOutput<typeof replySchema>;
export type ResolveInput = v.InferOutput<typeof resolveSchema>;
export type PublicSummaryEditInput = v.InferOutput<typeof publicSummaryEditSchema>;
export type EscalateInput = v.InferOutput<typeof escalateSchema>;
export type TransferInput = v.InferOutput<typeof transferSchema>;
export type CancelInput = v.InferOutput<typeof cancelSchema>;
export type SuperviseInput = v.InferOutput<typeof superviseSchema>;
export type VerifyInput = v.InferOutput<typeof verifySchema>;
export type ContentReviewInput = v.InferOutput<typeof contentReviewSchema>;
export type OnBehalfInput = v.InferOutput<typeof onBehalfSchema>;
export type OnSpotInput = v.InferOutput<typeof onSpotSchema>;
export type ConfirmInput = v.InferOutput<typeof confirmSchema>;
export type RateInput = v.InferOutput<typeof rateSchema>;
export type ReadNoticesInput = v.InferOutput<typeof readNoticesSchema>;
export type DevClockInput = v.InferOutput<typeof devClockSchema>;
