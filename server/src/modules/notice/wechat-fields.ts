import { localDateOf, localTimeOf } from '@mqlk/shared';

/**
 * WeChat refuses a subscribe message whose values break its field rules (errcode 47003), and a
 * refused message reaches nobody. Each value is fitted to the rule of its field's type, which is
 * the key's prefix (thing1 → thing): thing ≤ 20 characters, phrase ≤ 5 Chinese characters, time
 * as 2026年12月07日 18:00, character_string ≤ 32 letters, digits or symbols, name ≤ 10 characters.
 */
export function fieldType(key: string): string {
  return key.replace(/\d+$/, '');
}

function clip(chars: string[], max: number): string {
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

const HAN = /\p{Script=Han}/u;

function localDateTime(iso: string): { date: string; time: string } {
  const at = new Date(iso);
  const [y, m, d] = localDateOf(at).split('-');
  return { date: `${y}年${m}月${d}日`, time: localTimeOf(at) };
}

export function fitField(key: string, value: string): string {
  const chars = Array.from(value.replace(/\s+/g, ' ').trim());
  switch (fieldType(key)) {
    case 'thing':
      return clip(chars, 20);
    case 'phrase':
      // Only Chinese characters, five at most: 差评待核实 fits, 已超期! does not.
      return chars
        .filter((c) => HAN.test(c))
        .slice(0, 5)
        .join('');
    case 'name':
      return chars.slice(0, 10).join('');
    case 'character_string':
      return chars
        .filter((c) => /[\x21-\x7e]/.test(c))
        .slice(0, 32)
        .join('');
    case 'number':
      return chars
        .filter((c) => /[0-9.]/.test(c))
        .slice(0, 32)
        .join('');
    case 'time': {
      const { date, time } = localDateTime(value);
      return `${date} ${time}`;
    }
    case 'date':
      return localDateTime(value).date;
    default:
      return clip(chars, 20);
  }
}
