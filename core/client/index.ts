export { createOcpiClient, type OcpiClient } from './ocpiClient';
export { OcpiError, type OcpiErrorKind } from './ocpiError';
export { fetchTransport } from './fetchTransport';
export { authorizationHeader, encodeTokenBase64 } from './authHeader';
export type { PlanExecution, RequestResult } from './executePlan';
export type { CallResult } from './ocpiRequest';
export type { OurCredentials, RegistrationResult } from './credentialsHandshake';
export type { Discovery, Endpoint } from './versionDiscovery';
export type { HttpMethod, OcpiClientOptions, OcpiTransport, Party, RetryOptions, Sleep, TokenEncoding, TransportRequest, TransportResponse } from './types';
