import type * as H5 from './aria.h5';
import type * as Weapp from './aria.weapp';
import type { Assert, SameShape } from './shape';

export * from './aria.h5';

export type _AriaShape = Assert<SameShape<typeof H5, typeof Weapp>>;
