// The credential-rotation form (`c` on the main screen): exactly the catalogue's rotatable fields
// of the destination's type, the wizard's widgets and rules, a confirmation whose safe answer is
// focused, one PATCH. RotateView draws a rotation's state (the main screen keeps it in its own);
// RotateForm runs one on its own, with its own keys and request.
import React from 'react';
import {Box, Text} from 'ink';
import type {CallOptions, Destination} from '../../src/api/types.js';
import {provider, REDACTED} from '../../src/catalogue/providers.js';
import {sanitize} from '../../src/sanitize.js';
import {isGcsKeyField} from '../../src/wizard/form.js';
import type {FileAccess} from '../../src/wizard/gcs-source.js';
import {rotationFields, rotationRefusal, type RotationState} from '../../src/wizard/rotation-state.js';
import {messages} from '../../src/view/messages.js';
import {useKeys} from '../../hooks/use-keys.js';
import {useRotation} from '../../hooks/use-rotation.js';
import {usePasteMode} from '../../hooks/use-paste-mode.js';
import {keysOfEvent} from '../../src/keys/read.js';
import {FieldsPage} from '../inputs/FieldsPage.js';
import {KeyHints} from '../inputs/KeyHints.js';
import {Notice} from '../inputs/Notice.js';
import {tone} from '../theme.js';
import {ConfirmLeave} from '../wizard/ConfirmLeave.js';
import {fieldHints, hint} from '../../src/wizard/hints.js';
import {RotateConfirm} from './RotateConfirm.js';
import {FitHeight} from '../inputs/FitHeight.js';

export interface RotateFormProps {
	destination: Destination;
	/** Sends one PATCH {parameters} and updates the shared cache. */
	rotate: (parameters: Record<string, string | boolean>, options?: CallOptions) => Promise<Destination>;
	onDone: (d: Destination) => void;
	onCancel: () => void;
	width: number;
	height: number;
	/** File access for the GCS key's "load from file" (tests may pass their own). */
	files?: FileAccess;
}

export function RotateForm(props: RotateFormProps): React.JSX.Element {
	const refused = rotationRefusal(props.destination);
	return refused ? <Closing {...props} reason={refused} /> : <Form {...props} />;
}

/** Shown instead of the form when it cannot be used: the reason, and Esc to close. */
function Closing({reason, onCancel, width}: RotateFormProps & {reason: string}): React.JSX.Element {
	useKeys((events) => {
		if (events.some((e) => keysOfEvent(e).some((k) => k.name === 'escape' || k.name === 'enter'))) onCancel();
	});
	return <Refused reason={reason} width={width} />;
}

function Refused({reason, width}: {reason: string; width: number}): React.JSX.Element {
	return (
		<Box flexDirection="column" width={width}>
			<Text bold color={tone.accent()}>
				Rotate credentials
			</Text>
			<Notice kind="warn">{reason}</Notice>
			<KeyHints hints={[hint('back', 'close')]} />
		</Box>
	);
}

function Form(props: RotateFormProps): React.JSX.Element {
	const {state, files} = useRotation(props);
	return <RotateView destination={props.destination} state={state} files={files} width={props.width} height={props.height} />;
}

export interface RotateViewProps {
	destination: Destination;
	/** Undefined when `refused` says why there is no form. */
	state: RotationState | undefined;
	refused?: string;
	files: FileAccess;
	width: number;
	height: number;
}

export function RotateView({destination, state, refused, files, width, height}: RotateViewProps): React.JSX.Element {
	if (!state) return <Refused reason={refused ?? ''} width={width} />;
	return <RotatePage destination={destination} s={state} files={files} width={width} height={height} />;
}

function RotatePage({
	destination,
	s,
	files,
	width,
	height,
}: {
	destination: Destination;
	s: RotationState;
	files: FileAccess;
	width: number;
	height: number;
}): React.JSX.Element {
	const type = destination.type as Parameters<typeof provider>[0];
	const spec = provider(type);
	const fields = rotationFields(type);
	const focused = fields[s.focus];
	usePasteMode(s.phase === 'editing' && !!focused && focused.kind === 'param' && isGcsKeyField(focused.spec));

	// Non-secret credentials (key ids) are shown as they are now, so the user sees what changes.
	const placeholderFor = (key: string): string | undefined => {
		const current = destination.parameters[key];
		return typeof current === 'string' && current && current !== REDACTED ? `current: ${sanitize(current)}` : undefined;
	};

	let footer: React.ReactNode;
	if (s.confirmLeave) footer = <ConfirmLeave what="the rotation form" />;
	else if (s.phase === 'confirm') footer = <RotateConfirm name={destination.name} choice={s.choice} />;
	else if (s.phase === 'sending') footer = <KeyHints hints={[hint('back', 'cancel')]} />;
	else if (s.outcome?.kind === 'rotated') footer = <Notice kind="ok">{messages.rotated(s.outcome.destination)}</Notice>;
	else footer = <KeyHints hints={fieldHints(focused, false, s.focus === fields.length - 1, 'close', 'rotate')} />;

	return (
		<FitHeight
			width={width}
			height={height}
			head={
				<>
					<Text bold color={tone.accent()} wrap="truncate-end">
						{`Rotate credentials · ${sanitize(destination.name)} · ${spec.label}`}
					</Text>
					<Text wrap="truncate-end">The new credentials replace the stored ones; Planet checks them before they are saved.</Text>
				</>
			}
			body={
				<Box marginTop={1} flexDirection="column">
					<FieldsPage
						fields={fields}
						form={s.form}
						focus={s.focus}
						pick={s.pick}
						ctx={{type, existing: [], files, current: destination.parameters}}
						attempted={s.attempted}
						width={width}
						suggestionRows={Math.max(3, Math.min(6, height - 12))}
						compact={fields.length * 4 + 8 > height}
						placeholderFor={placeholderFor}
					/>
				</Box>
			}
			foot={
				<>
					{s.notice ? (
						<Box marginTop={1}>
							<Notice kind="error">{s.notice.message}</Notice>
						</Box>
					) : null}
					{s.phase === 'sending' ? <Notice kind="info">Rotating…</Notice> : null}
					<Box marginTop={1}>{footer}</Box>
				</>
			}
		/>
	);
}
