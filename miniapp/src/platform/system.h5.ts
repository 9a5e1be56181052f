/**
 * The browser's own default text size: a person who set "large text" on their phone or browser
 * gets a root font above the usual 16px. Measured on a detached probe, since the page's root font
 * size is set by our own styles.
 */
export function prefersLargeText(): boolean {
  if (typeof document === 'undefined' || !document.body) return false;
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium;';
  document.body.appendChild(probe);
  const size = parseFloat(window.getComputedStyle(probe).fontSize);
  probe.remove();
  return size > 18;
}

/**
 * After a refused form: keyboard focus to the first field marked invalid, so that a screen reader
 * reads it with its message (aria-describedby). Waits a frame for the marks to be drawn.
 */
export function focusFirstInvalid(): void {
  if (typeof window === 'undefined') return;
  window.requestAnimationFrame(() => {
    const page = [...document.querySelectorAll('.taro_page_show')].pop() ?? document.body;
    const invalid = page.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!invalid) return;
    const target =
      invalid.matches('input, textarea') || invalid.tabIndex >= 0
        ? invalid
        : (invalid.querySelector<HTMLElement>('input, textarea, [tabindex="0"]') ?? invalid);
    target.focus();
  });
}
