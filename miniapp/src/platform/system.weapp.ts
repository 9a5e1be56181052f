import Taro from '@tarojs/taro';

/** WeChat's 字体大小 setting: 17 is the standard size; anything larger asks for 长辈模式. */
const STANDARD_FONT_SIZE = 17;

export function prefersLargeText(): boolean {
  try {
    const setting = Taro.getSystemInfoSync().fontSizeSetting;
    return typeof setting === 'number' && setting > STANDARD_FONT_SIZE;
  } catch {
    return false;
  }
}

/** The weapp has no keyboard focus to move; the red marks and the summary say what is wrong. */
export function focusFirstInvalid(): void {}
