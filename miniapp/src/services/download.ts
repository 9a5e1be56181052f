import type * as H5 from './download.h5';
import type * as Weapp from './download.weapp';
import type { Assert, SameShape } from '../platform/shape';

export * from './download.h5';

export type _DownloadShape = Assert<SameShape<typeof H5, typeof Weapp>>;
