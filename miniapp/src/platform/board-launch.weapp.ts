const BOARD_LINK = /\/board\/(\d{1,10})\/?(?:[?#].*)?$/;

/**
 * The village whose board a page was opened for: `id` when we navigated here ourselves, `q` (the
 * poster's link, 扫普通链接二维码) when WeChat launched it from a scan.
 */
export function boardUnitOfPage(params: Partial<Record<string, string>>): number | null {
  if (params.id) return unitId(params.id);
  if (!params.q) return null;
  let link: string;
  try {
    link = decodeURIComponent(params.q);
  } catch {
    return null;
  }
  return unitId(BOARD_LINK.exec(link)?.[1]);
}

function unitId(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id >= 1 ? id : null;
}
