/** The IRVE file: UTF-8 CSV, comma-separated, header row in schema order, fields quoted when they hold a comma, quote or line break. */
import { cellText } from './columnRules';
import { IRVE_COLUMN_NAMES, type IrveRow } from './columns';

function quoted(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function irveCsv(rows: readonly IrveRow[]): string {
	const lines = [IRVE_COLUMN_NAMES.join(',')];
	for (const row of rows) lines.push(IRVE_COLUMN_NAMES.map((name) => quoted(cellText(row[name]))).join(','));
	return `${lines.join('\r\n')}\r\n`;
}
