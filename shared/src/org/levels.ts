/** Levels of the organisation tree, top down. Requests are handled at village, township or county level. */
export const ORG_UNIT_KINDS = ['county', 'township', 'village', 'grid'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const ORG_UNIT_KIND_LABELS: Record<OrgUnitKind, string> = {
  county: '县（区）',
  township: '乡镇（街道）',
  village: '村（社区）',
  grid: '网格',
};

/** The level a request is handled at; escalation moves it one step up this list. */
export const HANDLING_LEVELS = ['village', 'township', 'county'] as const;
export type HandlingLevel = (typeof HANDLING_LEVELS)[number];

export const HANDLING_LEVEL_LABELS: Record<HandlingLevel, string> = {
  village: '村级',
  township: '乡镇级',
  county: '县级',
};

/** The level above, or null at the top (county): 小事不出村、大事不出乡、难事不出县. */
export function nextHandlingLevel(level: HandlingLevel): HandlingLevel | null {
  const i = HANDLING_LEVELS.indexOf(level);
  return HANDLING_LEVELS[i + 1] ?? null;
}

/**
 * Materialised paths: each unit's path is its parent's path plus its own id and a slash,
 * e.g. `/1/12/130/`. "Everything under this township" is then a prefix test (and a prefix LIKE in SQL).
 */
export function isWithinPath(unitPath: string, scopePath: string): boolean {
  return unitPath.startsWith(scopePath);
}

export function childPath(parentPath: string, id: string | number): string {
  return `${parentPath}${id}/`;
}
