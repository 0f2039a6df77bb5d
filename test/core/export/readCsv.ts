/** Reads an IRVE file back the way a consumer would (RFC 4180 quoting): one record per row, by header name. */
export function readCsv(csv: string): Array<Record<string, string>> {
	const rows: string[][] = [];
	let field = '';
	let row: string[] = [];
	let quoted = false;
	for (let i = 0; i < csv.length; i++) {
		const char = csv[i];
		if (quoted) {
			if (char === '"' && csv[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(field);
			field = '';
		} else if (char === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else if (char !== '\r') field += char;
	}
	const [header, ...body] = rows;
	return body.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index]])));
}
