import type { PressRole } from '../components/pressable';

/** A control's role as the platform's screen reader reads it: H5 has ARIA's own `role`. */
export function roleProps(role: PressRole): Record<string, string> {
  return { role };
}
