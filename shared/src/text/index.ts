export * from './normalize';
export * from './phone';
