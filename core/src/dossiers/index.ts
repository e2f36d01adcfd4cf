export * from './statuses.ts';
export * from './citizen-id.ts';
export * from './code.ts';
export * from './lifecycle.ts';
export * from './deadline.ts';
export * from './process.ts';
export * from './schemas.ts';
