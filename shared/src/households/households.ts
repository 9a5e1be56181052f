/**
 * 联户: the households a cadre is linked to (结对). The vocabulary of special groups and of the
 * three kinds of link, and how an address is written, so the form, the future Excel import and the
 * server's unique address key all read an address the same way.
 */

/** 特殊群体: 低保 五保 空巢老人 留守儿童 重病重残 困难户. */
export const SPECIAL_GROUPS = [
  'subsistence',
  'five_guarantees',
  'empty_nest',
  'left_behind_child',
  'severe_illness',
  'hardship',
] as const;
export type SpecialGroup = (typeof SPECIAL_GROUPS)[number];

export const SPECIAL_GROUP_LABELS: Record<SpecialGroup, string> = {
  subsistence: '低保',
  five_guarantees: '五保',
  empty_nest: '空巢老人',
  left_behind_child: '留守儿童',
  severe_illness: '重病重残',
  hardship: '困难户',
};

/** 结对: 结交, 结友, 结亲 (the last for households in hardship). */
export const PAIRINGS = ['acquaint', 'befriend', 'kin'] as const;
export type Pairing = (typeof PAIRINGS)[number];

export const PAIRING_LABELS: Record<Pairing, string> = {
  acquaint: '结交',
  befriend: '结友',
  kin: '结亲',
};

/** The kind of link a label (结亲) or a code (kin) names, if any. */
export function pairingOf(text: string): Pairing | null {
  if ((PAIRINGS as readonly string[]).includes(text)) return text as Pairing;
  return PAIRINGS.find((p) => PAIRING_LABELS[p] === text) ?? null;
}

/** 自定义标签: at most this many per household. */
export const MAX_FREE_TAGS = 5;

/**
 * A key field of an address (村民小组, 门牌号) as the unique index compares it: NFKC (full-width
 * `１２号` becomes `12号`), trimmed, inner runs of spaces made one, letters in capitals (`a栋` is
 * `A栋`). MariaDB's collation would treat such spellings as equal and SQLite would not;
 * normalising first makes both refuse the same rows.
 */
export function normalizeAddressPart(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim().toUpperCase();
}

/** 东岭村三组12号: what lists show. `groupName` may be '' (a 社区 has no 组). */
export function householdAddress(unitName: string, groupName: string, houseNumber: string): string {
  return `${unitName}${groupName}${houseNumber}`;
}

/** The special group a label (低保) or a code (subsistence) names, if any. */
export function specialGroupOf(tag: string): SpecialGroup | null {
  if ((SPECIAL_GROUPS as readonly string[]).includes(tag)) return tag as SpecialGroup;
  const found = SPECIAL_GROUPS.find((g) => SPECIAL_GROUP_LABELS[g] === tag);
  return found ?? null;
}
