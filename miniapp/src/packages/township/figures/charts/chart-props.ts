import type * as F2 from '@antv/f2';

/** @antv/f2 as the charts receive it: only the canvas modules load the library itself. */
export type F2Lib = typeof F2;
export type F2Element = ReturnType<F2Lib['jsx']>;

/**
 * F2's classic `jsx(type, props, ...children)`. Its declared types reject F2's own generic
 * components (Chart, Axis…), so the charts build their trees through this looser signature.
 */
export type Jsx = (type: unknown, props: object, ...children: F2Element[]) => F2Element;
export const jsxOf = (f2: F2Lib): Jsx => f2.jsx as unknown as Jsx;

export interface ChartCanvasProps {
  /** CSS px; the width is the container's */
  height: number;
  /** the chart for a canvas this wide; keep it stable (useCallback) or the chart is redrawn */
  draw: (f2: F2Lib, width: number) => F2Element;
  /** what the chart shows, in words, for a screen reader (the numbers are in the table beside it) */
  label: string;
}

/**
 * F2's theme is written for a 750px-wide design (`'20px'` labels, `'4px'` lines) and halves it by
 * default; on a staff desktop and a phone alike 0.7 gives 14px labels and 3px lines.
 */
export const px2hd = (px: number): number => Number((px * 0.7).toFixed(1));
