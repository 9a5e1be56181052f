import fc from 'fast-check';
import {
  CARD_CODE_ALPHABET,
  CARD_CODE_ENTROPY_BITS,
  CARD_CODE_LENGTH,
  CARD_CODE_MAX_LENGTH,
  CARD_CODE_RANDOM_LENGTH,
  cardCodeFromLaunch,
  cardUrl,
  checkCardCode,
  formatRequestNumber,
  generateCardCode,
  isValidCardCode,
  parseCardUrl,
  parseRequestNumber,
  parseScene,
  type RandomBytes,
} from '../src/codes';

const CODE = generateCardCode(() => new Uint8Array([5, 17, 40, 61, 0, 33, 2, 9, 50, 21, 12, 8]));
const ALNUM = /^[0-9A-Za-z]+$/;

/** A seeded source for fast-check: the codes it builds are valid, just not secret. */
const bytesArb = fc.uint8Array({ minLength: 64, maxLength: 64 });
function fromBytes(bytes: Uint8Array): RandomBytes {
  let offset = 0;
  return (length) => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = bytes[offset++ % bytes.length] ?? 0;
    return out;
  };
}
const codeArb = bytesArb.map((bytes) => generateCardCode(fromBytes(bytes)));

function replaceAt(code: string, index: number, ch: string): string {
  return code.slice(0, index) + ch + code.slice(index + 1);
}

describe('card code: generation', () => {
  it('has at least 64 random bits and fits the design limits', () => {
    expect(CARD_CODE_ALPHABET).toHaveLength(62);
    expect(new Set(CARD_CODE_ALPHABET).size).toBe(62);
    expect(CARD_CODE_ENTROPY_BITS).toBeGreaterThanOrEqual(64);
    expect(CARD_CODE_ENTROPY_BITS).toBeCloseTo(71.45, 2);
    expect(CARD_CODE_LENGTH).toBe(CARD_CODE_RANDOM_LENGTH + 1);
    expect(CARD_CODE_LENGTH).toBeLessThanOrEqual(CARD_CODE_MAX_LENGTH);
    expect(CARD_CODE_MAX_LENGTH).toBe(32);
  });

  it('generates 1000 unique, valid, alphanumeric codes from the platform source', () => {
    const codes = Array.from({ length: 1000 }, () => generateCardCode());
    expect(new Set(codes).size).toBe(1000);
    for (const code of codes) {
      expect(code).toHaveLength(CARD_CODE_LENGTH);
      expect(code).toMatch(ALNUM);
      expect(isValidCardCode(code)).toBe(true);
    }
  });

  it('maps unbiased bytes straight to characters and appends the check character', () => {
    expect(CODE.slice(0, 12)).toBe('5Hez0X29oLC8');
    expect(checkCardCode(CODE)).toEqual({ ok: true, code: CODE });
  });

  it('discards bytes ≥ 248 instead of folding them onto the first characters', () => {
    const calls: number[] = [];
    const source: RandomBytes = (length) => {
      calls.push(length);
      return calls.length === 1
        ? new Uint8Array([248, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
        : new Uint8Array(length).fill(61);
    };
    const code = generateCardCode(source);
    expect(code.slice(0, 12)).toBe('0123456789zz');
    expect(calls).toEqual([12, 2]);
  });

  it('refuses a source that never yields usable bytes, after 64 rounds', () => {
    let calls = 0;
    const unusable: RandomBytes = (length) => {
      calls += 1;
      return new Uint8Array(length).fill(250);
    };
    expect(() => generateCardCode(unusable)).toThrow(
      'Random source keeps returning unusable bytes',
    );
    expect(calls).toBe(64);
    expect(() => generateCardCode(() => new Uint8Array(0))).toThrow(
      'Random source keeps returning unusable bytes',
    );
  });

  it('takes no more characters than it needs from a source that returns too many bytes', () => {
    const code = generateCardCode(() => new Uint8Array(20).fill(1));
    expect(code.slice(0, 12)).toBe('111111111111');
    expect(isValidCardCode(code)).toBe(true);
  });

  it('refuses to fall back to an insecure source when the platform has none', () => {
    const crypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      expect(() => generateCardCode()).toThrow(
        'No secure random source available: pass one to generateCardCode',
      );
    } finally {
      if (crypto) Object.defineProperty(globalThis, 'crypto', crypto);
    }
    expect(isValidCardCode(generateCardCode())).toBe(true);
  });

  it('spreads characters evenly: no modulo bias towards the first 8', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      for (const ch of generateCardCode().slice(0, 12)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    // 24000 draws, 387 expected each. `byte % 62` would give the first 8 characters 25 % more.
    const first8 = [...'01234567'].reduce((sum, ch) => sum + (counts.get(ch) ?? 0), 0) / 8;
    expect(counts.size).toBe(62);
    expect(first8 / 387).toBeLessThan(1.1);
    for (const count of counts.values()) expect(Math.abs(count - 387) / 387).toBeLessThan(0.35);
  });
});

describe('card code: check character', () => {
  const samples = [CODE, ...Array.from({ length: 4 }, () => generateCardCode())];

  it.each(samples)('catches every single-character substitution of %s', (code) => {
    let tried = 0;
    for (let i = 0; i < code.length; i++) {
      for (const ch of CARD_CODE_ALPHABET) {
        if (ch === code[i]) continue;
        tried++;
        expect(checkCardCode(replaceAt(code, i, ch))).toEqual({ ok: false, reason: 'checksum' });
      }
    }
    expect(tried).toBe(13 * 61);
  });

  it("misses only the '0'↔'z' adjacent transposition", () => {
    const missed: string[] = [];
    for (const a of CARD_CODE_ALPHABET) {
      for (const b of CARD_CODE_ALPHABET) {
        if (a === b) continue;
        const body = `${a}${b}0000000000`;
        const code = generateCardCode(
          () => new Uint8Array([...body].map((ch) => CARD_CODE_ALPHABET.indexOf(ch))),
        );
        if (isValidCardCode(`${b}${a}${code.slice(2)}`)) missed.push(a + b);
      }
    }
    expect(missed).toEqual(['0z', 'z0']);
  });

  it('misses no other adjacent transposition in generated codes, check character included', () => {
    const missed = new Set<string>();
    for (let n = 0; n < 500; n++) {
      const code = generateCardCode();
      for (let i = 0; i + 1 < code.length; i++) {
        const a = code.charAt(i);
        const b = code.charAt(i + 1);
        const swapped = code.slice(0, i) + b + a + code.slice(i + 2);
        if (a !== b && isValidCardCode(swapped)) missed.add([a, b].sort().join(''));
      }
    }
    expect([...missed].every((pair) => pair === '0z')).toBe(true);
  });

  it.each([
    ['', 'malformed'],
    ['   ', 'malformed'],
    [CODE.slice(0, -1), 'malformed'],
    [`${CODE}A`, 'malformed'],
    [CODE.replace(/^./, '-'), 'malformed'],
    [CODE.replace(/^./, 'é'), 'malformed'],
    [CODE.replace(/^./, '中'), 'malformed'],
    [`${CODE.slice(0, 6)} ${CODE.slice(6)}`, 'malformed'],
    [replaceAt(CODE, 12, CODE[12] === 'a' ? 'b' : 'a'), 'checksum'],
    [CODE.toLowerCase() === CODE ? CODE.toUpperCase() : CODE.toLowerCase(), 'checksum'],
  ])('rejects %j as %s', (input, reason) => {
    expect(checkCardCode(input)).toEqual({ ok: false, reason });
    expect(isValidCardCode(input)).toBe(false);
  });

  it('answers malformed, not a crash, for a value that is not text (from untyped callers)', () => {
    expect(checkCardCode(42 as unknown as string)).toEqual({ ok: false, reason: 'malformed' });
    expect(parseCardUrl(null as unknown as string)).toEqual({ ok: false, reason: 'not_card_link' });
  });

  it('forgives surrounding whitespace in checkCardCode but not in isValidCardCode', () => {
    expect(checkCardCode(` ${CODE}\n`)).toEqual({ ok: true, code: CODE });
    expect(isValidCardCode(` ${CODE}`)).toBe(false);
  });
});

describe('card links', () => {
  it.each([
    `https://mq.example.gov.cn/c/${CODE}`,
    `http://mq.example.gov.cn/c/${CODE}`,
    `HTTPS://mq.example.gov.cn/c/${CODE}`,
    `https://mq.example.gov.cn:8443/c/${CODE}/`,
    `https://mq.example.gov.cn/c/${CODE}?from=qr&t=1`,
    `https://mq.example.gov.cn/c/${CODE}/?from=qr`,
    `https://mq.example.gov.cn/c/${CODE}#top`,
    `  https://mq.example.gov.cn/c/${CODE}\n`,
  ])('reads the code from %s', (url) => {
    expect(parseCardUrl(url)).toEqual({ ok: true, code: CODE });
  });

  it.each([
    [`https://mq.example.gov.cn/card/${CODE}`, 'not_card_link'],
    [`https://mq.example.gov.cn/x/c/${CODE}`, 'not_card_link'],
    [`https://mq.example.gov.cn/c/${CODE}/extra`, 'not_card_link'],
    [`https://mq.example.gov.cn/C/${CODE}`, 'not_card_link'],
    [`https://mq.example.gov.cn/?c=${CODE}`, 'not_card_link'],
    [`ftp://mq.example.gov.cn/c/${CODE}`, 'not_card_link'],
    [`mq.example.gov.cn/c/${CODE}`, 'not_card_link'],
    [`https:///c/${CODE}`, 'not_card_link'],
    [CODE, 'not_card_link'],
    ['', 'not_card_link'],
    ['https://mq.example.gov.cn/c/', 'malformed'],
    ['https://mq.example.gov.cn/c/abc', 'malformed'],
    [`https://mq.example.gov.cn/c/${replaceAt(CODE, 3, CODE[3] === 'Q' ? 'R' : 'Q')}`, 'checksum'],
  ])('rejects %s as %s', (url, reason) => {
    expect(parseCardUrl(url)).toEqual({ ok: false, reason });
  });

  it.each([
    CODE,
    `c=${CODE}`,
    `c%3D${CODE}`,
    `c%253D${CODE}`,
    ` c=${CODE} `,
    `c=${CODE}&v=2`,
    `v=2&c=${CODE}`,
    `v=2& c =${CODE}`,
    // encoded three times: as many rounds as are decoded
    encodeURIComponent(encodeURIComponent(encodeURIComponent(`c=${CODE}`))),
  ])('reads the code from scene %s', (scene) => {
    expect(parseScene(scene)).toEqual({ ok: true, code: CODE });
  });

  it.each([
    [undefined, 'not_card_link'],
    ['', 'not_card_link'],
    ['x=1', 'not_card_link'],
    [`code=${CODE}`, 'not_card_link'],
    ['   ', 'not_card_link'],
    ['%20%20', 'not_card_link'],
    // encoded four times: one round more than is decoded, so hostile input cannot loop
    [
      encodeURIComponent(encodeURIComponent(encodeURIComponent(encodeURIComponent(`c=${CODE}`)))),
      'malformed',
    ],
    ['c=', 'malformed'],
    ['c%ZZ', 'malformed'],
    [`c=${CODE.slice(1)}`, 'malformed'],
    [`c=${replaceAt(CODE, 0, CODE[0] === '1' ? '2' : '1')}`, 'checksum'],
  ])('rejects scene %j as %s', (scene, reason) => {
    expect(parseScene(scene)).toEqual({ ok: false, reason });
  });

  const url = `https://mq.example.gov.cn/c/${CODE}`;
  it.each([
    [{ q: encodeURIComponent(url) }, true],
    [{ q: encodeURIComponent(encodeURIComponent(url)) }, true],
    [{ q: url }, true],
    [{ q: encodeURIComponent(`${url}?utm=%E4%B8%AD`), scene: '1047' }, true],
    [{ scene: encodeURIComponent(`c=${CODE}`) }, true],
    [{ q: encodeURIComponent('https://other.example.com/page'), scene: CODE }, true],
    [{ q: encodeURIComponent('https://other.example.com/page') }, false],
    [{ q: '', scene: null }, false],
    [{}, false],
  ])('cardCodeFromLaunch(%j) ok=%s', (query, ok) => {
    const result = cardCodeFromLaunch(query);
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.code).toBe(CODE);
  });

  it('reports why a launch carries no usable code', () => {
    expect(cardCodeFromLaunch({})).toEqual({ ok: false, reason: 'not_card_link' });
    // A blank link says nothing: the scene's reason is the one to report.
    expect(cardCodeFromLaunch({ q: '  ', scene: 'c=' })).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(
      cardCodeFromLaunch({ q: encodeURIComponent('https://other.example.com/'), scene: 'c=' }),
    ).toEqual({
      ok: false,
      reason: 'not_card_link',
    });
    expect(cardCodeFromLaunch({ q: encodeURIComponent(`${url.slice(0, -1)}`) })).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('builds the QR URL from a bare origin and refuses anything else', () => {
    expect(cardUrl('https://mq.example.gov.cn', CODE)).toBe(url);
    expect(cardUrl('https://mq.example.gov.cn/', CODE)).toBe(url);
    expect(() => cardUrl('https://mq.example.gov.cn/app', CODE)).toThrow(RangeError);
    expect(() => cardUrl('mq.example.gov.cn', CODE)).toThrow(RangeError);
    expect(() => cardUrl('https://mq.example.gov.cn', CODE.slice(1))).toThrow(RangeError);
    expect(() => cardUrl('https://mq.example.gov.cn/app', CODE)).toThrow(
      'Card base URL must be a bare http(s) origin, got "https://mq.example.gov.cn/app"',
    );
    expect(() => cardUrl('https://mq.example.gov.cn', 'abc')).toThrow(
      'Not a valid card code: "abc"',
    );
  });

  it('property: any generated code survives cardUrl → parseCardUrl and scene/launch parsing', () => {
    fc.assert(
      fc.property(codeArb, fc.constantFrom('http', 'https'), fc.domain(), (code, scheme, host) => {
        const link = cardUrl(`${scheme}://${host}`, code);
        expect(parseCardUrl(link)).toEqual({ ok: true, code });
        expect(cardCodeFromLaunch({ q: encodeURIComponent(link) })).toEqual({ ok: true, code });
        expect(parseScene(encodeURIComponent(`c=${code}`))).toEqual({ ok: true, code });
      }),
    );
  });

  it('property: arbitrary text never crashes the parsers and never yields an invalid code', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (a, b) => {
        for (const result of [
          parseCardUrl(a),
          parseScene(a),
          cardCodeFromLaunch({ q: a, scene: b }),
        ]) {
          if (result.ok) expect(isValidCardCode(result.code)).toBe(true);
        }
      }),
    );
  });
});

describe('request numbers', () => {
  it.each([
    ['2026-11-21', 42, 'MQ-20261121-0042'],
    ['2026-11-21', 1, 'MQ-20261121-0001'],
    ['2026-11-21', 9999, 'MQ-20261121-9999'],
    ['2026-11-21', 10000, 'MQ-20261121-10000'],
    ['2024-02-29', 7, 'MQ-20240229-0007'],
    [new Date('2026-11-20T16:00:00Z'), 3, 'MQ-20261121-0003'],
    [new Date('2026-11-20T15:59:59.999Z'), 3, 'MQ-20261120-0003'],
    [new Date('2026-12-31T16:30:00Z'), 12, 'MQ-20270101-0012'],
    [new Date('2026-03-08T10:00:00Z'), 5, 'MQ-20260308-0005'],
  ])('formats %j #%d as %s (in any machine time zone)', (date, seq, expected) => {
    expect(formatRequestNumber(date, seq)).toBe(expected);
    const typed =
      typeof date === 'string' ? date : expected.replace(/^MQ-(\d{4})(\d\d)(\d\d).*/, '$1-$2-$3');
    expect(parseRequestNumber(expected)).toEqual({ localDate: typed, seq });
  });

  it.each([
    ['2026-02-29', 1],
    ['2026-13-01', 1],
    ['2026-1-5', 1],
    ['20261121', 1],
    ['2026-11-21', 0],
    ['2026-11-21', -1],
    ['2026-11-21', 1.5],
    ['2026-11-21', Number.NaN],
    [new Date('not a date'), 1],
  ])('refuses to format %j #%d', (date, seq) => {
    expect(() => formatRequestNumber(date, seq)).toThrow(RangeError);
  });

  it.each([
    ['2026-11-31', 1, 'Not a valid local date: "2026-11-31"'],
    [new Date('not a date'), 1, 'Invalid Date'],
    ['2026-11-21', 0, 'Request sequence must be a positive integer, got 0'],
  ])('names the fault when refusing %j #%d', (date, seq, message) => {
    expect(() => formatRequestNumber(date, seq)).toThrow(message);
  });

  it('answers null, not a crash, for a value that is not text', () => {
    expect(parseRequestNumber(20261121 as unknown as string)).toBeNull();
  });

  it('forgives surrounding space and a lower-case prefix', () => {
    expect(parseRequestNumber('  mq-20261121-0042 ')).toEqual({ localDate: '2026-11-21', seq: 42 });
  });

  it.each([
    '',
    'MQ-20261121-042',
    'MQ-20261121-00042',
    'MQ-20261121-0000',
    'MQ-20260230-0001',
    'MQ-2026112-0001',
    'XX-20261121-0042',
    'MQ20261121-0042',
    'MQ-20261121-0042-1',
    'MQ-20261121-99999999999999999',
  ])('rejects %j', (value) => {
    expect(parseRequestNumber(value)).toBeNull();
  });

  it('property: format and parse are inverse', () => {
    const day = fc.date({
      min: new Date('2000-01-01'),
      max: new Date('2099-12-31'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 10_000_000 }), (date, seq) => {
        const parsed = parseRequestNumber(formatRequestNumber(date, seq));
        expect(parsed?.seq).toBe(seq);
        expect(formatRequestNumber(parsed?.localDate ?? '', seq)).toBe(
          formatRequestNumber(date, seq),
        );
      }),
    );
  });
});
