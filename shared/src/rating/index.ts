export * from './rating';
export * from './review';
