/** How many inputs a user fills in to set a node up: every value the workflow stores for it, one per field. */
export function countUserInputs(parameters: unknown): number {
	if (Array.isArray(parameters)) return parameters.reduce((sum: number, value) => sum + countUserInputs(value), 0);
	if (parameters !== null && typeof parameters === 'object') return Object.values(parameters).reduce((sum: number, value) => sum + countUserInputs(value), 0);
	return parameters === undefined || parameters === '' ? 0 : 1;
}
