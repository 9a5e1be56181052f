import type * as H5 from './call-button.h5';
import type * as Weapp from './call-button.weapp';
import type { Assert, SameShape } from '../platform/shape';

export * from './call-button.h5';

export type _CallButtonShape = Assert<SameShape<typeof H5, typeof Weapp>>;
