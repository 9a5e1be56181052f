export * from './fields';
export * from './inputs';
export * from './validate';
export * from './queries';
export * from './office';
export * from './figures';
export * from './households';
