import type { OcpiIssue } from '../../../core/foundation/issue';
import { summarise } from '../../../core/validation/inspect';

const issue = (path: string, message: string): OcpiIssue => ({ path, code: 'required', message, severity: 'error' });

describe('summarise', () => {
	it('says valid when nothing is wrong', () => {
		expect(summarise([])).toBe('valid');
	});

	it('names one problem with its path', () => {
		expect(summarise([issue('city', 'city is required')])).toBe('1 problem: city: city is required');
	});

	it('shows three problems and counts the rest', () => {
		const issues = ['a', 'b', 'c', 'd', 'e'].map((field) => issue(field, `${field} is required`));
		expect(summarise(issues)).toBe(
			'5 problems: a: a is required; b: b is required; c: c is required (and 2 more)',
		);
	});

	it('leaves out the path for a problem with the object itself', () => {
		expect(summarise([issue('', 'A Location object was expected')])).toBe('1 problem: A Location object was expected');
	});
});
