import type * as H5 from './spreadsheet.h5';
import type * as Weapp from './spreadsheet.weapp';
import type { Assert, SameShape } from './shape';

export * from './spreadsheet.h5';

export type _SpreadsheetShape = Assert<SameShape<typeof H5, typeof Weapp>>;
