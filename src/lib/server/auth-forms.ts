import { z } from 'zod';
import { nameField } from './names';
import { PASSWORD_MAX, PASSWORD_MIN } from './password';

const email = z
	.string({ error: 'Enter your email address.' })
	.trim()
	.min(1, 'Enter your email address.')
	.max(254, 'That email address is too long.')
	.pipe(z.email({ error: 'Enter a valid email address, like name@example.org.' }));

// Counted in characters (code points), not UTF-16 units, so emoji count once.
const length = (value: string) => [...value].length;

export const signUpForm = z.object({
	email,
	displayName: nameField('Enter the name to show.'),
	password: z
		.string({ error: 'Choose a password.' })
		.refine((value) => length(value) >= PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
		.refine((value) => length(value) <= PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
});

export const signInForm = z.object({
	email,
	password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(1024)
});

export const changePasswordForm = z
	.object({
		currentPassword: z
			.string({ error: 'Enter your current password.' })
			.min(1, 'Enter your current password.')
			.max(1024),
		newPassword: signUpForm.shape.password,
		confirmPassword: z.string().optional()
	})
	.refine((form) => form.confirmPassword === form.newPassword, {
		message: 'The new password and its confirmation do not match.',
		path: ['confirmPassword']
	});

/** Reads named text fields from a form; anything else (files, repeats) is ignored. */
export function formFields(
	data: FormData,
	names: readonly string[]
): Record<string, string | undefined> {
	return Object.fromEntries(
		names.map((name) => {
			const value = data.get(name);
			return [name, typeof value === 'string' ? value : undefined];
		})
	);
}

/** The first message of a failed parse, for showing above the form. */
export function firstMessage(error: z.ZodError): string {
	return error.issues[0]?.message ?? 'Please check the form.';
}
