import type { PressRole } from '../components/pressable';

/**
 * A control's role as the platform's screen reader reads it: WeChat's 读屏 reads `aria-role`
 * (config/index.ts has @tarojs/plugin-inject put it, with aria-label/-checked/-selected/-disabled,
 * in the View template, which Taro leaves out by default).
 */
export function roleProps(role: PressRole): Record<string, string> {
  return { 'aria-role': role };
}
