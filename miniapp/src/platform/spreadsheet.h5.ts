import { ApiError } from '../services/http';
import { XLSX_TYPE, type PickedFile } from './spreadsheet-common';

/**
 * The browser's own file dialog, through a hidden `<input type=file>` clicked within the tap.
 * Resolves null when the dialog is closed without a file (where the browser says so: some never
 * do, so a page must not wait on this with a busy button).
 */
export function pickSpreadsheet(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = `.xlsx,${XLSX_TYPE}`;
    input.style.display = 'none';
    const done = (file: File | null) => {
      input.remove();
      resolve(file ? picked(file) : null);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    input.click();
  });
}

/**
 * The file is read when it is uploaded, not when chosen. A browser refuses to read a file that
 * was changed on disk after it was chosen: then the person is asked to choose it again.
 */
function picked(file: File): PickedFile {
  return {
    name: file.name,
    size: file.size,
    open: async () => {
      let bytes: ArrayBuffer;
      try {
        bytes = await file.arrayBuffer();
      } catch {
        throw new ApiError(
          'VALIDATION_FAILED',
          '这个文件选好以后又修改过，浏览器不让再读取：请点“重新选择文件”，再选一次改好的文件',
          400,
        );
      }
      return URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
    },
  };
}
