import type * as H5 from './config.h5';
import type * as Weapp from './config.weapp';
import type { Assert, SameShape } from '../platform/shape';

export * from './config.h5';

export type _ConfigShape = Assert<SameShape<typeof H5, typeof Weapp>>;
