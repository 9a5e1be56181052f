import * as F2 from '@antv/f2';
import { useEffect, useRef } from 'react';

import { px2hd, type ChartCanvasProps } from './chart-props';

/**
 * In a browser a plain canvas: as wide as its box, sharp on a high-density screen, drawn again
 * when the window is resized (a desktop browser) and destroyed with the page.
 */
export function ChartCanvas({ height, draw, label }: ChartCanvasProps) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const holder = box.current;
    const el = canvas.current;
    const context = el?.getContext('2d');
    if (!holder || !el || !context) return undefined;
    let chart: F2.Canvas | null = null;
    let drawnWidth = 0;
    const paint = () => {
      const width = Math.floor(holder.clientWidth);
      if (width === 0 || width === drawnWidth) return;
      drawnWidth = width;
      const pixelRatio = window.devicePixelRatio || 1;
      el.width = width * pixelRatio;
      el.height = height * pixelRatio;
      el.style.width = `${width}px`;
      el.style.height = `${height}px`;
      chart?.destroy();
      chart = new F2.Canvas({
        context,
        pixelRatio,
        width,
        height,
        animate: false,
        px2hd,
        children: draw(F2, width),
      });
      void chart.render();
    };
    paint();
    window.addEventListener('resize', paint);
    return () => {
      window.removeEventListener('resize', paint);
      chart?.destroy();
    };
  }, [draw, height]);

  return (
    <div ref={box} className="figures-chart__canvas">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
