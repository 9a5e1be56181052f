export * from './contract';
export * from './schemas';
export * from './office-schemas';
export * from './figures-schemas';
export * from './household-schemas';
export * from './board-schemas';
