/** Germany: the static DATEX II v3 AFIR recharging profile (Mobilithek 01-00-00) publication. */
export { exportDatex, DatexSetupError, PROFILE_NAME, PROFILE_VERSION, type DatexExportOptions, type DatexExportResult } from './exportDatex';
export { siteProblems, publicationProblems } from './profileCheck';
export { fingerprintOf, knownVersions, versionedIds } from './versions';
export { SERVICE_TYPES, type ServiceType } from './vocabulary';
