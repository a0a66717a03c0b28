export * from './residents';
export * from './webhook-events';
export * from './messages';
export * from './deliveries';
export * from './app-meta';
export * from './consent-events';
export * from './conversation-steps';
export * from './cases';
