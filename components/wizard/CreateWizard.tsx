// The step-by-step creation wizard (`n` on the main screen): provider, one page per catalogue
// field group (the name on the last), review, create. WizardView draws a wizard's state (the main
// screen keeps it in its own); CreateWizard runs one on its own, with its own keys and requests.
import React from 'react';
import {Box, Text} from 'ink';
import type {CallOptions, CreateBody, Destination} from '../../src/api/types.js';
import {nameSourceKey} from '../../src/catalogue/providers.js';
import {sanitize} from '../../src/sanitize.js';
import {defaultName, effectiveName, isGcsKeyField, nameTaken, NAME_KEY, suggestionsFor, typedName} from '../../src/wizard/form.js';
import type {FileAccess} from '../../src/wizard/gcs-source.js';
import {currentForm, currentStep, formContext, type WizardState} from '../../src/wizard/wizard-state.js';
import {quotaMessage, wizardTitle} from '../../src/wizard/wizard-text.js';
import {stepOfField} from '../../src/wizard/steps.js';
import {useWizard} from '../../hooks/use-wizard.js';
import {usePasteMode} from '../../hooks/use-paste-mode.js';
import {FieldsPage} from '../inputs/FieldsPage.js';
import {FitHeight} from '../inputs/FitHeight.js';
import {KeyHints} from '../inputs/KeyHints.js';
import {Notice} from '../inputs/Notice.js';
import {tone} from '../theme.js';
import {ConfirmLeave} from './ConfirmLeave.js';
import {fieldHints, hint, type Hint} from '../../src/wizard/hints.js';
import {PROVIDER_ROWS, ProviderStep} from './ProviderStep.js';
import {ReviewStep} from './ReviewStep.js';

export interface CreateWizardProps {
	/** The shared cache of loaded destinations (name clashes, the organisation's limit). */
	existing: readonly Destination[];
	/** Sends one POST and updates the shared cache. */
	create: (body: CreateBody, options?: CallOptions) => Promise<Destination>;
	onCreated: (d: Destination) => void;
	onCancel: () => void;
	width: number;
	height: number;
	/**
	 * Optional: the organisation's active destinations as the server has them now. Used only
	 * before re-sending after an answer was lost (dropped connection, timeout, cancel): a
	 * destination for the same bucket that was not there before the first attempt is taken as its
	 * result (src/wizard/send.ts), so a retry, even renamed, cannot create a twin unasked. Without
	 * it the wizard looks in `existing`.
	 */
	list?: () => Promise<readonly Destination[]>;
	/** File access for the GCS key's "load from file" (tests may pass their own). */
	files?: FileAccess;
}

export function CreateWizard(props: CreateWizardProps): React.JSX.Element {
	const {state, files} = useWizard(props);
	return <WizardView state={state} existing={props.existing} files={files} width={props.width} height={props.height} />;
}

export interface WizardViewProps {
	state: WizardState;
	existing: readonly Destination[];
	files: FileAccess;
	width: number;
	height: number;
}

export function WizardView({state: s, files, ...props}: WizardViewProps): React.JSX.Element {
	const step = currentStep(s);
	const form = currentForm(s);
	const ctx = formContext(s, {existing: props.existing, files});
	const focused = step.kind === 'fields' ? step.fields[s.focus] : undefined;
	usePasteMode(!!focused && focused.kind === 'param' && isGcsKeyField(focused.spec));

	const quota = quotaMessage(props.existing);
	const notice = s.notice && s.notice.step === s.step ? s.notice : undefined;
	const sending = s.phase === 'sending';

	let body: React.ReactNode;
	let hints: Hint[];
	if (step.kind === 'provider') {
		// Each provider's description takes a row: at a few rows, only the highlighted one's.
		body = <ProviderStep highlight={s.highlight} chosen={s.type} compact={PROVIDER_ROWS > props.height} />;
		hints = [hint('providers', 'choose'), hint('next', 'next'), hint('back', 'leave')];
	} else if (step.kind === 'fields') {
		const hasPicker = !!focused && focused.kind === 'param' && suggestionsFor(focused.spec, '').length > 0;
		hints = fieldHints(focused, hasPicker, s.focus === step.fields.length - 1, 'back', undefined, hasPicker && s.pick !== null);
		const nameStep = s.type ? stepOfField(s.type, NAME_KEY) : undefined;
		const sourceKey = s.type ? nameSourceKey(s.type) : 'bucket';
		const noteFor = (key: string): string | undefined => {
			// Said at once, on the bucket itself: its name, as the destination's name, is taken.
			if (key !== sourceKey || typedName(form) || !s.type) return undefined;
			const name = defaultName(s.type, form);
			if (!nameTaken(props.existing, name) || nameStep === s.step) return undefined;
			return `a destination is already named "${sanitize(name)}": choose another name on step ${(nameStep ?? 0) + 1}`;
		};
		// Title, notices and hints take about 7 rows; each field 4 (label, rule, problem, gap).
		const roomy = step.fields.length * 4 + 7 <= props.height;
		const used = step.fields.length * (roomy ? 4 : 2) + 7;
		body = (
			<FieldsPage
				fields={step.fields}
				form={form}
				focus={s.focus}
				pick={s.pick}
				ctx={ctx}
				attempted={!!s.attempted[s.step]}
				width={props.width}
				suggestionRows={Math.max(3, Math.min(6, props.height - used))}
				compact={!roomy}
				noteFor={noteFor}
			/>
		);
	} else {
		body = s.type ? <ReviewStep type={s.type} form={form} files={files} width={props.width} /> : null;
		hints = sending ? [hint('back', 'cancel')] : [hint('next', notice?.retry ? 'try again' : 'create'), hint('back', 'back')];
	}

	const pending = sending ? `Creating "${sanitize(s.type ? effectiveName(s.type, form) : '')}"…` : undefined;

	return (
		<FitHeight
			width={props.width}
			height={props.height}
			head={
				<>
					<Text bold color={tone.accent()} wrap="truncate-end">
						{wizardTitle(s)}
					</Text>
					{quota && (step.kind === 'provider' || step.kind === 'review') ? <Notice kind="warn">{quota}</Notice> : null}
				</>
			}
			body={
				<Box marginTop={1} flexDirection="column">
					{body}
				</Box>
			}
			foot={
				<>
					{notice ? (
						<Box marginTop={1}>
							<Notice kind="error">{notice.message}</Notice>
						</Box>
					) : null}
					{pending ? <Notice kind="info">{pending}</Notice> : null}
					<Box marginTop={1}>{s.confirmLeave ? <ConfirmLeave what="the wizard" /> : <KeyHints hints={hints} />}</Box>
				</>
			}
		/>
	);
}
