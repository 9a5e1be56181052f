import Taro from '@tarojs/taro';
import { Canvas, View } from '@tarojs/components';
import * as F2 from '@antv/f2';
import { useEffect, useState } from 'react';

import { px2hd, type ChartCanvasProps } from './chart-props';

let serial = 0;

/** What a canvas of type 2d hands back: the node and its laid-out size in px. */
interface CanvasNode {
  node: {
    width: number;
    height: number;
    getContext(kind: '2d'): CanvasRenderingContext2D;
    createImage(): HTMLImageElement;
    requestAnimationFrame(callback: () => void): number;
    cancelAnimationFrame(id: number): void;
  };
  width: number;
  height: number;
}

/**
 * In WeChat a `<canvas type="2d">`: once laid out, its node is found by id, sized for the
 * screen's pixel ratio, and handed to F2 with the node's own image and frame functions (the page
 * has no `window`), and an offscreen canvas for measuring text.
 */
export function ChartCanvas({ height, draw, label }: ChartCanvasProps) {
  const [id] = useState(() => `mq-chart-${++serial}`);

  useEffect(() => {
    let chart: F2.Canvas | null = null;
    let gone = false;
    void Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((found: (CanvasNode | null)[]) => {
          const canvas = found[0];
          if (gone || !canvas?.node) return;
          const { node, width } = canvas;
          const pixelRatio = Taro.getSystemInfoSync().pixelRatio;
          node.width = width * pixelRatio;
          node.height = height * pixelRatio;
          chart = new F2.Canvas({
            context: node.getContext('2d'),
            pixelRatio,
            width,
            height,
            animate: false,
            px2hd,
            createImage: () => node.createImage(),
            requestAnimationFrame: (callback: () => void) => node.requestAnimationFrame(callback),
            cancelAnimationFrame: (frame: number) => node.cancelAnimationFrame(frame),
            offscreenCanvas: Taro.createOffscreenCanvas({
              type: '2d',
            }) as unknown as F2.CanvasProps['offscreenCanvas'],
            children: draw(F2, width),
          });
          void chart.render();
        });
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [draw, height, id]);

  return (
    <View ariaLabel={label} ariaRole="img">
      <Canvas
        type="2d"
        id={id}
        className="figures-chart__canvas"
        style={{ width: '100%', height: `${height}px` }}
      />
    </View>
  );
}
