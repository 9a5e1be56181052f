import fc from 'fast-check';
import {
  checkTextLength,
  isValidPhone,
  maskPhone,
  MOBILE_PHONE_PATTERN,
  normalizePhone,
  normalizeText,
  textLength,
} from '../src/text';

const FAMILY = '👨\u200D👩\u200D👧';

describe('normalizeText', () => {
  it.each([
    ['trims spaces, tabs, newlines and ideographic spaces', ' \t\u3000路灯坏了\n\n', '路灯坏了'],
    [
      'keeps a leading ideographic indent inside the text',
      '标题\n\u3000\u3000正文',
      '标题\n\u3000\u3000正文',
    ],
    ['unifies CRLF and CR', '第一行\r\n第二行\r第三行', '第一行\n第二行\n第三行'],
    ['turns Unicode line separators into \\n', 'a\u2028b\u2029c\u0085d', 'a\nb\nc\nd'],
    ['strips control characters', 'a\u0000b\u0007c\u001Bd\u007Fe\u009Bf', 'abcdef'],
    ['keeps tabs and newlines', 'a\tb\nc', 'a\tb\nc'],
    ['strips zero-width characters', '村\u200B委\u200C会\uFEFF\u2060', '村委会'],
    ['strips bidi overrides', 'abc\u202Eevil\u202C', 'abcevil'],
    ['strips a stray zero-width joiner', '路\u200D灯', '路灯'],
    ['keeps joiners inside an emoji sequence', `谢谢${FAMILY}`, `谢谢${FAMILY}`],
    ['keeps ❤️‍🔥', '\u2764\uFE0F\u200D\u{1F525}', '\u2764\uFE0F\u200D\u{1F525}'],
    ['drops a joiner dangling after an emoji', '😀\u200D好', '😀好'],
    ['composes to NFC', 'Cafe\u0301', 'Caf\u00E9'],
    ['composes across a removed zero-width space', 'e\u200B\u0301', '\u00E9'],
    ['composes across a removed joiner', 'e\u200D\u0301', '\u00E9'],
    ['drops a joiner before what NFC turns into a BMP character', '😀\u200D\u{2F804}', '😀你'],
    ['keeps two blank lines', 'a\n\n\nb', 'a\n\n\nb'],
    ['collapses three or more blank lines to two', 'a\n\n\n\n\n\nb', 'a\n\n\nb'],
    ['treats whitespace-only lines as blank', 'a\n \n\t\n\u3000\n\nb', 'a\n\n\nb'],
    ['drops trailing spaces on each line', '一  \n二\t\n三', '一\n二\n三'],
    ['keeps emoji', '水管漏水😀😀', '水管漏水😀😀'],
    ['empties whitespace-only text', ' \n\t\u3000\u200B\n ', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('property: is idempotent', () => {
    const noisy = fc.string({
      unit: fc.oneof(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        fc.constantFrom(
          '\n',
          '\r',
          ' ',
          '\t',
          '\u200B',
          '\u200D',
          '\uFE0F',
          '\u0301',
          '😀',
          '中',
          '\u{2F804}',
        ),
      ),
    });
    fc.assert(
      fc.property(noisy, (input) => {
        const once = normalizeText(input);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: leaves no controls, CR, zero-width space or surrounding whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const out = normalizeText(input);
        // eslint-disable-next-line no-control-regex
        expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\uFEFF]/);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/\n{4}/);
      }),
    );
  });
});

describe('textLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['路灯坏了', 4],
    ['😀', 1],
    ['😀😀中a', 4],
    ['𠀀', 1],
    ['é', 1],
    ['e\u0301', 2],
    ['🇨🇳', 2],
    [FAMILY, 5],
    ['\uD83D', 1],
    ['\uDE00a', 2],
    // only a high surrogate (D800–DBFF) followed by a low one (DC00–DFFF) makes one code point
    ['\uD800\uDC00', 1],
    ['\uDBFF\uDFFF', 1],
    ['a\uDC00', 2],
    ['\uD7FF\uDC00', 2],
    ['\uDC00\uDC00', 2],
    ['\uD83Da', 2],
    ['\uD800\uDBFF', 2],
    ['\uD800\uE000', 2],
  ])('%j has %d code points', (input, expected) => {
    expect(textLength(input)).toBe(expected);
  });

  it('property: equals the number of code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        expect(textLength(input)).toBe([...input].length);
      }),
    );
  });
});

describe('checkTextLength', () => {
  it.each([
    ['路灯坏了', 2, 10, { ok: true, text: '路灯坏了' }],
    ['  路灯坏了  ', 4, 4, { ok: true, text: '路灯坏了' }],
    ['😀😀', 2, 2, { ok: true, text: '😀😀' }],
    ['', 1, 10, { ok: false, code: 'TEXT_TOO_SHORT', length: 0 }],
    [' \n\t\u3000 ', 1, 10, { ok: false, code: 'TEXT_TOO_SHORT', length: 0 }],
    ['\u200B\u200B\u200B', 1, 10, { ok: false, code: 'TEXT_TOO_SHORT', length: 0 }],
    ['好', 2, 10, { ok: false, code: 'TEXT_TOO_SHORT', length: 1 }],
    ['路灯坏了啊', 1, 4, { ok: false, code: 'TEXT_TOO_LONG', length: 5 }],
    ['😀😀😀', 1, 2, { ok: false, code: 'TEXT_TOO_LONG', length: 3 }],
    ['a\r\nb', 3, 3, { ok: true, text: 'a\nb' }],
  ])('%j within [%d, %d] → %j', (input, min, max, expected) => {
    expect(checkTextLength(input, min, max)).toEqual(expected);
  });
});

describe('phone numbers', () => {
  it.each(['13812345678', '13012345678', '19999999999', '16612345678'])(
    'MOBILE_PHONE_PATTERN takes %s',
    (input) => {
      expect(MOBILE_PHONE_PATTERN.test(input)).toBe(true);
    },
  );

  it.each([
    '12812345678',
    '10012345678',
    '23812345678',
    '1381234567',
    '138123456789',
    '1381234567a',
    'a13812345678',
    '13812345678a',
    ' 13812345678',
    '138 1234 5678',
    '１３８１２３４５６７８',
    '',
  ])('MOBILE_PHONE_PATTERN refuses %j', (input) => {
    expect(MOBILE_PHONE_PATTERN.test(input)).toBe(false);
  });

  it.each([
    ['13812345678', '13812345678'],
    ['  138 1234 5678 ', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['(+86) 199-0000-0000', '19900000000'],
    ['１３８１２３４５６７８', '13812345678'],
    ['＋86 138－1234－5678', '13812345678'],
    ['16612345678', '16612345678'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
    expect(isValidPhone(input)).toBe(true);
  });

  it.each([
    '',
    '1381234567',
    '138123456789',
    '12812345678',
    '10012345678',
    '23812345678',
    '010-12345678',
    '+85213812345678',
    '+1 13812345678',
    '86 86 13812345678',
    '1381234567a',
    '13812345678 ext 1',
    null,
    undefined,
  ])('rejects %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
    expect(isValidPhone(input)).toBe(false);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['+86 138-1234-5678', '138****5678'],
    ['010-12345678', '010****5678'],
    ['075512345678', '075****5678'],
    ['12345678', '****78'],
    ['1234567', '****67'],
    ['123456', '****'],
    ['张三', '****'],
    ['张三 13812345', '****45'],
    ['', ''],
    ['   ', ''],
    [null, ''],
    [undefined, ''],
  ])('masks %j as %j', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('property: a valid number keeps only its first 3 and last 4 digits', () => {
    const mobile = fc
      .tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/))
      .map(([second, rest]) => `1${second}${rest}`);
    fc.assert(
      fc.property(mobile, (phone) => {
        const masked = maskPhone(phone);
        expect(masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
        expect(masked.slice(3, 7)).toBe('****');
        expect(masked).not.toContain(phone.slice(3, 7) + phone.slice(7, 8));
        expect(
          normalizePhone(`+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`),
        ).toBe(phone);
      }),
    );
  });

  it('property: never shows more than 7 digits, nor any non-digit of the input', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const masked = maskPhone(input);
        expect(masked.replace(/\D/g, '').length).toBeLessThanOrEqual(7);
        expect(masked).toMatch(/^\d{0,3}\**\d{0,4}$/);
      }),
    );
  });
});
