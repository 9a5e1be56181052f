import type * as H5 from './voice.h5';
import type * as Weapp from './voice.weapp';
import type { Assert, SameShape } from './shape';

export * from './voice.h5';

export type _VoiceShape = Assert<SameShape<typeof H5, typeof Weapp>>;
