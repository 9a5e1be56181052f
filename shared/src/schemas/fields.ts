import * as v from 'valibot';
import { normalizeText, textLength } from '../text/normalize';
import { isValidPhone, normalizePhone } from '../text/phone';

/**
 * Free text the way people type it: normalised first, then measured in characters (an emoji or a
 * Chinese character counts one), with a message that says how long it is now.
 */
export function textField(label: string, min: number, max: number) {
  return v.pipe(
    v.string(`请填写${label}`),
    v.transform(normalizeText),
    v.check(
      (s) => textLength(s) >= min,
      (issue) =>
        textLength(String(issue.input)) === 0
          ? `请填写${label}`
          : `${label}至少要${min}个字，现在只有${textLength(String(issue.input))}个字`,
    ),
    v.check(
      (s) => textLength(s) <= max,
      (issue) => `${label}最多${max}个字，现在有${textLength(String(issue.input))}个字，请精简一些`,
    ),
  );
}

export function optionalTextField(label: string, max: number) {
  return v.optional(
    v.pipe(
      v.string(`${label}格式不对`),
      v.transform(normalizeText),
      v.check(
        (s) => textLength(s) <= max,
        (issue) => `${label}最多${max}个字，现在有${textLength(String(issue.input))}个字`,
      ),
    ),
    '',
  );
}

export const phoneField = v.pipe(
  v.string('请填写手机号'),
  v.check((s: string) => s.trim() !== '', '请填写手机号'),
  v.check((s: string) => isValidPhone(s), '手机号格式不对，请输入11位手机号'),
  v.transform((s: string) => normalizePhone(s) ?? s),
);

/** The version the client last saw: two cadres acting at once cannot both win. */
export const versionField = v.pipe(
  v.number('缺少版本号，请刷新后再试'),
  v.integer('版本号格式不对'),
  v.minValue(0, '版本号格式不对'),
);

export const idField = v.pipe(
  v.number('缺少编号'),
  v.integer('编号格式不对'),
  v.minValue(1, '编号格式不对'),
);
