import type * as H5 from './system.h5';
import type * as Weapp from './system.weapp';
import type { Assert, SameShape } from './shape';

export * from './system.h5';

export type _SystemShape = Assert<SameShape<typeof H5, typeof Weapp>>;
