import type * as H5 from './chart-canvas.h5';
import type * as Weapp from './chart-canvas.weapp';
import type { Assert, SameShape } from '../../../../platform/shape';

export * from './chart-canvas.h5';

export type _ChartCanvasShape = Assert<SameShape<typeof H5, typeof Weapp>>;
