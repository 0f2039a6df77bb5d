export { startReferenceCpms, type ReferenceCpms } from './server';
export type { ReferenceCpmsOptions, TokenEncoding, CallbackMode } from './options';
export type { FaultSettings } from './faults';
export { encodeToken } from './auth';
