import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageQuery } from '@mqlk/shared';

/** Rows to skip and take for one page of a list. */
export interface PageSlice {
  offset: number;
  limit: number;
}

/** The slice a page query asks for: page 1 and the default size unless said, the size capped. */
export function sliceOf(q: PageQuery): PageSlice {
  const page = Math.max(1, Math.floor(q.page ?? 1));
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(q.pageSize ?? DEFAULT_PAGE_SIZE)));
  return { offset: (page - 1) * limit, limit };
}

/** One page of items, numbered as the slice was asked for. */
export function pageOf<T>(slice: PageSlice, items: T[], total: number): Page<T> {
  return { items, page: slice.offset / slice.limit + 1, pageSize: slice.limit, total };
}
