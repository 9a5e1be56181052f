import type * as H5 from './phone-link.h5';
import type * as Weapp from './phone-link.weapp';
import type { Assert, SameShape } from '../../../platform/shape';

export * from './phone-link.h5';

export type _PhoneLinkShape = Assert<SameShape<typeof H5, typeof Weapp>>;
