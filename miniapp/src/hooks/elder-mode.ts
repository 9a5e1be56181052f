import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { prefersLargeText } from '../platform/system';

/**
 * 长辈模式: larger text and tap targets. The person's own choice wins; without one, it follows the
 * phone: WeChat's large font setting (or the browser's large default text) switches it on.
 */
export const ELDER_MODE_STORAGE_KEY = 'mqlk.elderMode';

type Choice = 'on' | 'off';

let enabled: boolean | null = null;
const listeners = new Set<(on: boolean) => void>();

function storedChoice(): Choice | null {
  try {
    const value: unknown = Taro.getStorageSync(ELDER_MODE_STORAGE_KEY);
    return value === 'on' || value === 'off' ? value : null;
  } catch {
    return null;
  }
}

export function isElderMode(): boolean {
  if (enabled === null) {
    const choice = storedChoice();
    enabled = choice === null ? prefersLargeText() : choice === 'on';
  }
  return enabled;
}

export function setElderMode(on: boolean): void {
  enabled = on;
  try {
    Taro.setStorageSync(ELDER_MODE_STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Still switched for this visit when storage is full.
  }
  listeners.forEach((listener) => listener(on));
}

/** Forgets the cached state; the next read looks at storage and the phone again. */
export function resetElderModeCache(): void {
  enabled = null;
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(isElderMode);
  useEffect(() => {
    listeners.add(setOn);
    // Another page may have switched it while this one was hidden.
    setOn(isElderMode());
    return () => {
      listeners.delete(setOn);
    };
  }, []);
  return [on, setElderMode];
}
