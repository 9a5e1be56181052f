import { roleProps } from '../platform/aria';

/**
 * What makes a View a control that a keyboard and a screen reader can use. In H5, Taro hands
 * `role`, `tabIndex`, `aria-*` and key handlers to the element as they are; the weapp keeps the
 * tap, and its screen reader reads the role as `aria-role` and the same `aria-*` states (the View
 * template carries them: config/index.ts). Views rather than `<button>`: the look, and the
 * 44/60 px sizes, stay the same in both builds.
 */
export type PressRole = 'button' | 'tab' | 'radio' | 'checkbox' | 'switch' | 'link';

export interface PressOptions {
  role?: PressRole;
  /** radio, checkbox, switch: whether it is on. */
  checked?: boolean;
  /** tab: whether it is the current one. */
  selected?: boolean;
  /** Read as unavailable; still focusable, so that focus is not lost while an action runs. */
  disabled?: boolean;
  /** What a screen reader says when the visible text is not enough. */
  label?: string;
  /** The tap's or the key's event: a control inside a pressable row may stop it there. */
  onPress?: (e: PressEvent) => void;
}

export interface PressEvent {
  stopPropagation: () => void;
}

interface KeyEvent extends PressEvent {
  key?: string;
  target?: unknown;
  currentTarget?: unknown;
  preventDefault: () => void;
}

const CHECKABLE: readonly PressRole[] = ['radio', 'checkbox', 'switch'];

/** Props to spread on a View (untyped there: Taro's types know only the weapp's attributes). */
export function pressable(o: PressOptions): Record<string, unknown> {
  const role = o.role ?? 'button';
  const press = o.disabled ? undefined : o.onPress;
  // An attribute left undefined would be written as the text "undefined": only set ones go in.
  const props: Record<string, unknown> = { ...roleProps(role), tabIndex: 0 };
  if (CHECKABLE.includes(role)) props['aria-checked'] = o.checked ? 'true' : 'false';
  if (role === 'tab') props['aria-selected'] = o.selected ? 'true' : 'false';
  if (o.disabled) props['aria-disabled'] = 'true';
  if (o.label) props['aria-label'] = o.label;
  if (press) {
    props.onClick = press;
    props.onKeyDown = (e: KeyEvent) => {
      // Only the control that has focus: a key on a button inside a pressable row is the button's.
      if (e.target !== e.currentTarget) return;
      if (e.key === 'Enter' || e.key === ' ') {
        // Space would scroll the page otherwise.
        e.preventDefault();
        press(e);
      }
    };
  }
  return props;
}
