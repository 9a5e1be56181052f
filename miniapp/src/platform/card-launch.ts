import type * as H5 from './card-launch.h5';
import type * as Weapp from './card-launch.weapp';
import type { Assert, SameShape } from './shape';

export * from './card-launch.h5';

export type _CardLaunchShape = Assert<SameShape<typeof H5, typeof Weapp>>;
