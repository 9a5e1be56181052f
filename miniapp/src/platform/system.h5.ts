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
