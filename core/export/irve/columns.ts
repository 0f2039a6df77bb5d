/**
 * The 40 columns of the IRVE statique schema, version 2.3.1 (etalab/schema-irve, tag v2.3.1,
 * statique/schema-statique.json: https://github.com/etalab/schema-irve/blob/v2.3.1/statique/schema-statique.json),
 * in file order, with the schema's constraints written out as rules. 23 are required by the schema;
 * `qualicharge` marks optional columns QualiCharge requires (https://github.com/MTES-MCT/qualicharge/blob/main/docs/schemas.md),
 * with the number of its rule.
 */
export type IrveType = 'string' | 'email' | 'integer' | 'number' | 'boolean' | 'date' | 'geopoint';

export interface IrveColumn {
	name: string;
	type: IrveType;
	required: boolean;
	/** Station-level column: the same value on every row of a station. */
	station: boolean;
	pattern?: RegExp;
	enum?: readonly string[];
	minimum?: number;
	/** QualiCharge rule number that makes an optional column required. */
	qualicharge?: number;
}

// The schema's own id pattern (v2.3.0 loosened it): two letters then 4–33 alphanumerics, or "Non concerné".
const SCHEMA_ID_PATTERN = /^(?:(?:^|,)([A-Z]{2}[A-Z0-9]{4,33}|Non concerné))+$/;

export const IMPLANTATION_VALUES = [
	'Voirie',
	'Parking public',
	'Parking privé à usage public',
	'Parking privé réservé à la clientèle',
	'Station dédiée à la recharge rapide',
] as const;
export const ACCESS_VALUES = ['Accès libre', 'Accès réservé'] as const;
export const PMR_VALUES = ['Réservé PMR', 'Accessible mais non réservé PMR', 'Non accessible', 'Accessibilité inconnue'] as const;
export const CONNECTION_VALUES = ['Direct', 'Indirect'] as const;

const S = true;
const P = false;
function column(name: string, type: IrveType, required: boolean, station: boolean, extra: Partial<IrveColumn> = {}): IrveColumn {
	return { name, type, required, station, ...extra };
}

export const IRVE_COLUMNS: readonly IrveColumn[] = [
	column('nom_amenageur', 'string', false, S, { qualicharge: 7 }),
	column('siren_amenageur', 'string', false, S, { pattern: /^\d{9}$/, qualicharge: 7 }),
	column('contact_amenageur', 'email', false, S, { qualicharge: 7 }),
	column('nom_operateur', 'string', false, S, { qualicharge: 6 }),
	column('contact_operateur', 'email', true, S),
	column('telephone_operateur', 'string', false, S, { qualicharge: 6 }),
	column('nom_enseigne', 'string', true, S),
	column('id_station_itinerance', 'string', true, S, { pattern: SCHEMA_ID_PATTERN }),
	column('id_station_local', 'string', false, S),
	column('nom_station', 'string', true, S),
	column('implantation_station', 'string', true, S, { enum: IMPLANTATION_VALUES }),
	column('adresse_station', 'string', true, S),
	column('code_insee_commune', 'string', false, S, { pattern: /^([013-9]\d|2[AB1-9])\d{3}$/, qualicharge: 2 }),
	column('coordonneesXY', 'geopoint', true, S),
	column('nbre_pdc', 'integer', true, S, { minimum: 0 }),
	column('id_pdc_itinerance', 'string', true, P, { pattern: SCHEMA_ID_PATTERN }),
	column('id_pdc_local', 'string', false, P),
	column('puissance_nominale', 'number', true, P, { minimum: 0 }),
	column('prise_type_ef', 'boolean', true, P),
	column('prise_type_2', 'boolean', true, P),
	column('prise_type_combo_ccs', 'boolean', true, P),
	column('prise_type_chademo', 'boolean', true, P),
	column('prise_type_autre', 'boolean', true, P),
	column('gratuit', 'boolean', false, P),
	column('paiement_acte', 'boolean', true, P),
	column('paiement_cb', 'boolean', false, P),
	column('paiement_autre', 'boolean', false, P),
	column('tarification', 'string', false, P),
	column('condition_acces', 'string', true, S, { enum: ACCESS_VALUES }),
	column('reservation', 'boolean', true, P),
	column('horaires', 'string', true, S, { pattern: /(.*?)((\d{1,2}:\d{2})-(\d{1,2}:\d{2})|24\/7)/ }),
	column('accessibilite_pmr', 'string', true, P, { enum: PMR_VALUES }),
	column('restriction_gabarit', 'string', true, P),
	column('station_deux_roues', 'boolean', true, S),
	column('raccordement', 'string', false, S, { enum: CONNECTION_VALUES }),
	column('num_pdl', 'string', false, S),
	column('date_mise_en_service', 'date', false, S),
	column('observations', 'string', false, P),
	column('date_maj', 'date', true, S),
	column('cable_t2_attache', 'boolean', false, P),
];

export const IRVE_COLUMN_NAMES = IRVE_COLUMNS.map((c) => c.name);

export type IrveValue = string | number | boolean | undefined;
export type IrveRow = Record<string, IrveValue>;
