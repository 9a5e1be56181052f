const BOARD_PATH = /^\/board\/(\d{1,10})\/?$/;

/**
 * The village whose board a page was opened for: `?id=` when we navigated here ourselves, else
 * the path of the poster's link, `/board/<unit id>` (Taro gives pages only the query string).
 */
export function boardUnitOfPage(params: Partial<Record<string, string>>): number | null {
  return unitId(params.id) ?? unitId(BOARD_PATH.exec(window.location.pathname)?.[1]);
}

function unitId(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id >= 1 ? id : null;
}
