/**
 * Which OCPI version to speak with a CPMS: the one the credential pins, or else the highest version both
 * sides speak (2.3.0 > 2.2.1 > 2.1.1). The client tries the returned list in order against the CPMS's
 * versions list (core/client/versionDiscovery.ts pickVersion), so a pin the CPMS lacks fails loudly
 * instead of falling back.
 */
import { OCPI_VERSIONS, type OcpiVersion } from './version';

export function versionPreference(pin?: OcpiVersion): OcpiVersion[] {
	return pin ? [pin] : [...OCPI_VERSIONS];
}
