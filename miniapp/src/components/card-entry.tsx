import type * as H5 from './card-entry.h5';
import type * as Weapp from './card-entry.weapp';
import type { Assert, SameShape } from '../platform/shape';

export * from './card-entry.h5';

export type _CardEntryShape = Assert<SameShape<typeof H5, typeof Weapp>>;
