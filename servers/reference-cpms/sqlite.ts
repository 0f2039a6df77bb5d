/**
 * Opens the reference CPMS's SQLite database (better-sqlite3, a devDependency: the server is not shipped).
 * A file gets WAL with synchronous=NORMAL: each write appends to the log instead of rewriting pages in place and
 * syncing, and a crash loses at most the last writes, never the file. No file: a private in-memory database.
 */
import type BetterSqlite3 from 'better-sqlite3';

export type Database = BetterSqlite3.Database;
export type Statement = BetterSqlite3.Statement;

function loadDriver(): typeof BetterSqlite3 {
	try {
		return require('better-sqlite3') as typeof BetterSqlite3;
	} catch (error) {
		throw new Error(`The reference CPMS needs better-sqlite3's native binding: run \`bash scripts/sqlite/install.sh\` (${error instanceof Error ? error.message : String(error)})`);
	}
}

export function openDatabase(file: string | undefined): Database {
	const Driver = loadDriver();
	const db = new Driver(file ?? ':memory:');
	if (file) {
		db.pragma('journal_mode = WAL');
		db.pragma('synchronous = NORMAL');
	}
	return db;
}
