import type * as H5 from './image.h5';
import type * as Weapp from './image.weapp';
import type { Assert, SameShape } from './shape';

export * from './image.h5';

export type _ImageShape = Assert<SameShape<typeof H5, typeof Weapp>>;
