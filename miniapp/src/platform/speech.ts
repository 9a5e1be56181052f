import type * as H5 from './speech.h5';
import type * as Weapp from './speech.weapp';
import type { Assert, SameShape } from './shape';

export * from './speech.h5';

export type _SpeechShape = Assert<SameShape<typeof H5, typeof Weapp>>;
