/** The OCPI enum value lists per version, taken from the models (never copied here). */
import { CONNECTOR_TYPES as CONNECTOR_TYPES_211, POWER_TYPES as POWER_TYPES_211 } from '../../ocpi/v211/enums';
import { CONNECTOR_TYPES as CONNECTOR_TYPES_221, POWER_TYPES as POWER_TYPES_221 } from '../../ocpi/v221/enums';
import type { PowerType } from '../../ocpi/v221/enums';
import { CONNECTOR_TYPES as CONNECTOR_TYPES_230, type ConnectorType } from '../../ocpi/v230/enums';
import type { OcpiVersion } from '../../ocpi/version';

// Older lists are subsets of newer ones, so they are typed with the newest unions.
export function connectorTypesOf(version: OcpiVersion): readonly ConnectorType[] {
	if (version === '2.3.0') return CONNECTOR_TYPES_230;
	return version === '2.1.1' ? CONNECTOR_TYPES_211 : CONNECTOR_TYPES_221;
}

export function powerTypesOf(version: OcpiVersion): readonly PowerType[] {
	return version === '2.1.1' ? POWER_TYPES_211 : POWER_TYPES_221;
}
