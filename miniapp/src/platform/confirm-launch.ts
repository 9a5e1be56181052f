import type * as H5 from './confirm-launch.h5';
import type * as Weapp from './confirm-launch.weapp';
import type { Assert, SameShape } from './shape';

export * from './confirm-launch.h5';

export type _ConfirmLaunchShape = Assert<SameShape<typeof H5, typeof Weapp>>;
