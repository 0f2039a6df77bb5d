/**
 * OCPI values → the DATEX II v3 AFIR recharging profile's enumerations (Mobilithek profile 01-00-00,
 * DATEXII_3_AfirEnergyInfrastructure.json: https://github.com/MobilithekDE/AFIR-DATEX-II-Recharging-Profil/tree/main/Releases/Version%2001-00-00).
 */
export const DATEX_CONNECTOR_TYPES = [
	'cee3', 'cee5', 'chademo', 'yazaki', 'domestic', 'domesticA', 'domesticB', 'domesticC', 'domesticD', 'domesticE', 'domesticF', 'domesticG',
	'domesticH', 'domesticI', 'domesticJ', 'domesticK', 'domesticL', 'domesticM', 'domesticN', 'domesticO', 'iec60309x2three16', 'iec60309x2three32',
	'iec60309x2three64', 'iec60309x2single16', 'iec62196T1', 'iec62196T1COMBO', 'iec62196T2', 'iec62196T2COMBO', 'iec62196T3A', 'iec62196T3C', 'mcs',
	'pantographBottomUp', 'pantographTopDown', 'teslaConnectorEurope', 'teslaConnectorAmerica', 'teslaR', 'teslaS', 'other',
] as const;

const CONNECTOR_BY_OCPI: Record<string, string> = {
	CHADEMO: 'chademo',
	IEC_60309_2_single_16: 'iec60309x2single16',
	IEC_60309_2_three_16: 'iec60309x2three16',
	IEC_60309_2_three_32: 'iec60309x2three32',
	IEC_60309_2_three_64: 'iec60309x2three64',
	IEC_62196_T1: 'iec62196T1',
	IEC_62196_T1_COMBO: 'iec62196T1COMBO',
	IEC_62196_T2: 'iec62196T2',
	IEC_62196_T2_COMBO: 'iec62196T2COMBO',
	IEC_62196_T3A: 'iec62196T3A',
	IEC_62196_T3C: 'iec62196T3C',
	PANTOGRAPH_BOTTOM_UP: 'pantographBottomUp',
	PANTOGRAPH_TOP_DOWN: 'pantographTopDown',
	TESLA_R: 'teslaR',
	TESLA_S: 'teslaS',
};

/** DOMESTIC_F → domesticF; standards DATEX has no value for (GB/T, ChaoJi, NEMA) → other. */
export function datexConnectorType(standard: string | undefined): string | undefined {
	if (standard === undefined) return undefined;
	const domestic = /^DOMESTIC_([A-O])$/.exec(standard);
	if (domestic) return `domestic${domestic[1]}`;
	return CONNECTOR_BY_OCPI[standard] ?? 'other';
}

/** SOCKET → socket; a fixed cable is mode 3 on AC; DC (mode 4) has no value of its own. */
export function datexConnectorFormat(format: string | undefined, powerType: string | undefined): string | undefined {
	if (format === 'SOCKET') return 'socket';
	if (format === 'CABLE') return powerType === 'DC' ? 'otherCable' : 'cableMode3';
	return undefined;
}

const AUTHENTICATION_BY_CAPABILITY: Record<string, string> = {
	RFID_READER: 'rfid',
	CREDIT_CARD_PAYABLE: 'creditCard',
	DEBIT_CARD_PAYABLE: 'debitCard',
	CONTACTLESS_CARD_SUPPORT: 'nfc',
	PED_TERMINAL: 'pinpad',
	REMOTE_START_STOP_CAPABLE: 'apps',
};

export function authenticationMethods(capabilities: readonly string[]): string[] {
	return [...new Set(capabilities.map((capability) => AUTHENTICATION_BY_CAPABILITY[capability]).filter((value): value is string => value !== undefined))].sort();
}

export const DATEX_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export const SERVICE_TYPES = ['physicalAttendance', 'unattended'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
