export * from './local-date';
export * from './work-calendar';
export * from './national-2026';
export * from './deadlines';
export * from './overdue';
