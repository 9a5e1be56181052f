import type * as H5 from './auth.h5';
import type * as Weapp from './auth.weapp';
import type { Assert, SameShape } from '../platform/shape';

export * from './auth.h5';

export type _AuthShape = Assert<SameShape<typeof H5, typeof Weapp>>;
