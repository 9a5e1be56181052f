export * from './card-code';
export * from './request-number';
