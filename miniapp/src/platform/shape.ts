/**
 * Platform modules come in pairs, `x.h5.ts` and `x.weapp.ts`; Taro's build picks one by TARO_ENV,
 * while tsc and jest read `x.ts`, which re-exports the H5 file and asserts
 * `Assert<SameShape<typeof H5, typeof Weapp>>`: tsc then proves the weapp file offers exactly what
 * the H5 file does, so the build jest never sees cannot drift unnoticed.
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export type Assert<T extends true> = T;
