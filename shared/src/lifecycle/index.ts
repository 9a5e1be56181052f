export * from './actors';
export * from './status';
export * from './transition';
