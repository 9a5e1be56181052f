export * from './actors';
export * from './clocks';
export * from './status';
export * from './transition';
export * from './visibility';
export * from './next-step';
