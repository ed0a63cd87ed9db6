import fc from 'fast-check';

/** A request body as sent over the wire; no content type means the header is left out. */
export interface RawBody {
	contentType?: string;
	body: Uint8Array<ArrayBuffer>;
	/** What it is, for a failure message. */
	label: string;
}

const encoder = new TextEncoder();

/** Field values people and programs send: odd, huge, control characters, other scripts. */
export function fieldValue(known: readonly string[]) {
	return fc.oneof(
		{ weight: 4, arbitrary: fc.constantFrom(...known) },
		{ weight: 3, arbitrary: fc.string() },
		{ weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
		{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
		{
			weight: 2,
			arbitrary: fc.constantFrom(
				'',
				' ',
				'\u0000',
				'\r\n',
				'\uD800',
				'DELETE',
				'true',
				'-1',
				'1e309',
				'NaN',
				'9007199254740993',
				"' OR 1=1 --",
				'<script>alert(1)</script>',
				'%00',
				'../../etc/passwd'
			)
		},
		{ weight: 1, arbitrary: fc.integer({ min: 0, max: 10 ** 9 }).map(String) },
		// Large, and now and then over the server's 512 kB body limit.
		{ weight: 1, arbitrary: fc.integer({ min: 1_000, max: 600_000 }).map((n) => 'x'.repeat(n)) }
	);
}

/** Form fields: mostly the names the action reads, some unknown, repeats allowed. */
export function formFields(names: readonly string[], knownValues: readonly string[]) {
	const name = fc.oneof(
		{ weight: 4, arbitrary: names.length ? fc.constantFrom(...names) : fc.string() },
		{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }
	);
	return fc.array(fc.tuple(name, fieldValue(knownValues)), { maxLength: 8 });
}

const CONTENT_TYPES = [
	'application/x-www-form-urlencoded',
	'application/x-www-form-urlencoded; charset=utf-8',
	'multipart/form-data',
	'multipart/form-data; boundary=',
	'multipart/form-data; boundary=----not-the-one',
	'text/plain',
	'text/plain;charset=UTF-8',
	'application/json',
	'application/x-sveltekit-formdata',
	'application/octet-stream',
	'text/html',
	'FORM/DATA',
	'*/*'
];

const ENCODINGS = [
	'urlencoded',
	'multipart',
	'multipart cut short',
	'multipart, other boundary',
	'text/plain form',
	'json',
	'random bytes',
	'empty'
] as const;

/**
 * A body for the given fields: a well-formed form, a broken one, another format, or noise; with
 * its own content type or, one time in three, a wrong or missing one.
 */
export function requestBody(names: readonly string[], knownValues: readonly string[]) {
	return fc.record({
		fields: formFields(names, knownValues),
		encoding: fc.constantFrom(...ENCODINGS),
		json: fc.jsonValue({ maxDepth: 3 }),
		bytes: fc.uint8Array({ maxLength: 2_000 }),
		cut: fc.double({ min: 0, max: 1, noNaN: true }),
		// null: the encoding's own type; undefined: no content type at all.
		contentType: fc.oneof(
			{ weight: 2, arbitrary: fc.constant(null) },
			{ weight: 1, arbitrary: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }) }
		)
	});
}

export type BodySpec = ReturnType<typeof requestBody> extends fc.Arbitrary<infer T> ? T : never;

/** The bytes and headers a generated body stands for. */
export async function rawBody(spec: BodySpec): Promise<RawBody> {
	const { fields, encoding } = spec;
	let raw: { contentType?: string; body: Uint8Array<ArrayBuffer> };
	switch (encoding) {
		case 'urlencoded':
			raw = {
				contentType: 'application/x-www-form-urlencoded',
				body: encoder.encode(new URLSearchParams(fields).toString())
			};
			break;
		case 'multipart':
		case 'multipart cut short':
		case 'multipart, other boundary': {
			const form = new FormData();
			for (const [name, value] of fields) form.append(name, value);
			const encoded = new Response(form);
			let body = new Uint8Array(await encoded.arrayBuffer());
			let contentType = encoded.headers.get('content-type')!;
			if (encoding === 'multipart cut short')
				body = body.slice(0, Math.floor(body.length * spec.cut));
			if (encoding === 'multipart, other boundary')
				contentType = 'multipart/form-data; boundary=something-else';
			raw = { contentType, body };
			break;
		}
		case 'text/plain form':
			raw = {
				contentType: 'text/plain',
				body: encoder.encode(fields.map(([name, value]) => `${name}=${value}\r\n`).join(''))
			};
			break;
		case 'json':
			raw = {
				contentType: 'application/json',
				body: encoder.encode(
					JSON.stringify(fields.length ? Object.fromEntries(fields) : spec.json) ?? ''
				)
			};
			break;
		case 'random bytes':
			raw = { contentType: 'application/octet-stream', body: spec.bytes };
			break;
		case 'empty':
			raw = { contentType: 'application/x-www-form-urlencoded', body: new Uint8Array() };
	}
	const contentType = spec.contentType === null ? raw.contentType : spec.contentType;
	const shown = fields.map(([name, value]) => `${name}=${value.slice(0, 40)}`).join('&');
	return {
		...(contentType === undefined ? {} : { contentType }),
		body: raw.body,
		label: `${encoding} as ${contentType ?? 'no content type'} (${raw.body.length} bytes: ${shown.slice(0, 200)})`
	};
}
