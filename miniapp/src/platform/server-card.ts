import type * as H5 from './server-card.h5';
import type * as Weapp from './server-card.weapp';
import type { Assert, SameShape } from './shape';

export * from './server-card.h5';

export type _ServerCardShape = Assert<SameShape<typeof H5, typeof Weapp>>;
