/** An .xlsx the person chose, to upload (and upload again after fixing it). */
export interface PickedFile {
  name: string;
  size: number;
  /** A local path for Taro.uploadFile, taken afresh for every upload. */
  open: () => Promise<string>;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The server takes files up to this size (IMPORT_MAX_BYTES there). */
export const SPREADSHEET_MAX_BYTES = 5 * 1024 * 1024;
