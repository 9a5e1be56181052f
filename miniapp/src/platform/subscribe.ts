import type * as H5 from './subscribe.h5';
import type * as Weapp from './subscribe.weapp';
import type { Assert, SameShape } from './shape';

export * from './subscribe.h5';

export type _SubscribeShape = Assert<SameShape<typeof H5, typeof Weapp>>;
