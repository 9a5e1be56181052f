import type * as H5 from './date-field.h5';
import type * as Weapp from './date-field.weapp';
import type { Assert, SameShape } from '../platform/shape';

export * from './date-field.h5';

export type _DateFieldShape = Assert<SameShape<typeof H5, typeof Weapp>>;
