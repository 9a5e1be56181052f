import Taro from '@tarojs/taro';

import type { PickedFile } from './spreadsheet-common';

/**
 * WeChat cannot open the phone's folders: the spreadsheet is chosen from a chat (e.g. sent from
 * the office computer to oneself, or to 文件传输助手). Resolves null when the person cancels.
 */
export async function pickSpreadsheet(): Promise<PickedFile | null> {
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
  } catch {
    return null;
  }
  const file = chosen.tempFiles[0];
  if (!file) return null;
  return { name: file.name, size: file.size, open: () => Promise.resolve(file.path) };
}
