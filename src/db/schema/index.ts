export * from './residents';
export * from './webhook-events';
export * from './messages';
export * from './deliveries';
export * from './app-meta';
