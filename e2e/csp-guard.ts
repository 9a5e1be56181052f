import { takeCspViolations } from './harness';

/**
 * The H5 app must work under the server's Content-Security-Policy: a blocked script or style is a
 * broken page for some resident even when the flow's own checks still pass.
 */
afterEach(() => {
  const violations = takeCspViolations();
  if (violations.length > 0) {
    throw new Error(`Content-Security-Policy violations:\n  ${violations.join('\n  ')}`);
  }
});
