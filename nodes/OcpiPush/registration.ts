/**
 * The credentials handshake's secrets and where Token C may appear. Token A and Token B come from the OCPI CPMS API
 * credential (never node parameters, which n8n saves with the workflow and its history and dumps on errors). Token C
 * is output only by a run whose data n8n will not save, so it reaches the user (the editor's output panel, or the
 * CLI's output) and nothing else: the execution list, its data and n8n's database never hold it.
 */
import { NodeOperationError, type ICredentialDataDecryptedObject, type IExecuteFunctions, type IWorkflowSettings, type WorkflowExecuteMode } from 'n8n-workflow';

export interface RegistrationSecrets {
	tokenA: string;
	tokenB: string;
}

export function registrationSecrets(data: ICredentialDataDecryptedObject): RegistrationSecrets {
	const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
	return { tokenA: text(data.registrationTokenA), tokenB: text(data.ourTokenB) };
}

/** Why a run in this mode with these settings would keep its data, or undefined when it keeps none. */
export function whyRunDataIsSaved(mode: WorkflowExecuteMode, settings: IWorkflowSettings): string | undefined {
	// Progress saving writes each node's output while the run goes on, whatever happens at its end.
	if (settings.saveExecutionProgress === true) return 'the workflow saves execution progress';
	if (mode === 'manual') return settings.saveManualExecutions === false ? undefined : 'manual executions of this workflow are saved';
	if (settings.saveDataSuccessExecution !== 'none' || settings.saveDataErrorExecution !== 'none') return 'executions of this workflow are saved';
	return undefined;
}

/** Stops before any request when Token C would be saved with the run, or Token A or B is missing. */
export function checkRegistration(context: IExecuteFunctions, secrets: RegistrationSecrets): void {
	const node = context.getNode();
	if (!secrets.tokenA || !secrets.tokenB) {
		throw new NodeOperationError(node, 'Register needs Registration Token A and Our Token B in the OCPI CPMS API credential');
	}
	const saved = whyRunDataIsSaved(context.getMode(), context.getWorkflowSettings());
	if (saved === undefined) return;
	throw new NodeOperationError(node, `Not registered: Token C would be kept in the execution data (${saved})`, {
		description:
			'Token A works once, so the handshake runs only when its result, Token C, reaches you and nowhere else. In Workflow settings set "Save manual executions" to "Do not save" and "Save execution progress" to "Do not save", then run the workflow by hand (or from the CLI with "Save successful/failed production executions" set to "Do not save"). Nothing was sent to the CPMS.',
	});
}
