import type { FieldIssue } from '@mqlk/shared';

/** One problem of an import, as the table shows it. */
export interface ImportIssue {
  /** the spreadsheet's row number, null when the problem is the file itself */
  row: number | null;
  /** the column's heading, '' when the problem is the whole row or file */
  column: string;
  problem: string;
}

/**
 * The server's `details` of IMPORT_INVALID (`rows.12.phone`, "第12行「手机号」：…") as rows of a
 * table, in sheet order. The message already names row and column; the table shows them in their
 * own columns and the problem without that prefix. `columns` names the template's columns by field.
 */
export function importIssues(
  details: readonly FieldIssue[],
  columns: Record<string, string>,
): ImportIssue[] {
  return details
    .map((detail): ImportIssue => {
      const said = /^第(\d+)行(?:「([^」]+)」)?[：:]\s*([\s\S]*)$/.exec(detail.message);
      const path = /^rows\.(\d+)(?:\.(\w+))?/.exec(detail.field);
      const rowText = said?.[1] ?? path?.[1];
      const key = path?.[2];
      return {
        row: rowText ? Number(rowText) : null,
        column: said?.[2] ?? (key ? (columns[key] ?? key) : ''),
        problem: (said?.[3] ?? detail.message).trim(),
      };
    })
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
