import type * as H5 from './board-launch.h5';
import type * as Weapp from './board-launch.weapp';
import type { Assert, SameShape } from './shape';

export * from './board-launch.h5';

export type _BoardLaunchShape = Assert<SameShape<typeof H5, typeof Weapp>>;
