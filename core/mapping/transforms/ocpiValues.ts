/** The OCPI enum value lists per version, taken from the models (never copied here). */
import { CONNECTOR_TYPES as CONNECTOR_TYPES_211, POWER_TYPES as POWER_TYPES_211 } from '../../ocpi/v211/enums';
import { CONNECTOR_TYPES as CONNECTOR_TYPES_221, POWER_TYPES as POWER_TYPES_221 } from '../../ocpi/v221/enums';
import type { ConnectorType, PowerType } from '../../ocpi/v221/enums';
import type { OcpiVersion } from '../../ocpi/version';

// 2.1.1's lists are subsets of 2.2.1's, so they are typed with the 2.2.1 unions.
export function connectorTypesOf(version: OcpiVersion): readonly ConnectorType[] {
	return version === '2.1.1' ? CONNECTOR_TYPES_211 : CONNECTOR_TYPES_221;
}

export function powerTypesOf(version: OcpiVersion): readonly PowerType[] {
	return version === '2.1.1' ? POWER_TYPES_211 : POWER_TYPES_221;
}
