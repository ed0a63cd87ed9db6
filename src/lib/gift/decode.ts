// The bytes of a GIFT file as text. Moodle reads UTF-8; exports from Windows tools also come as
// UTF-16 with a byte-order mark, which we read too. Anything else (Latin-1, binary) is refused
// with the line where it stops being text, rather than imported with its letters mangled.

import type { GiftIssue } from './types.ts';

export type Decoded = { text: string } | { error: GiftIssue };

const SAVE_AS =
	'save the file as UTF-8 (in most editors: Save as… › Encoding › UTF-8) and import it again';

export function decodeGift(bytes: Uint8Array): Decoded {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2));
	const body =
		bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
	if (looksLikeUtf16(body)) {
		return {
			error: {
				line: 1,
				message: `the file looks like UTF-16 without a byte-order mark: ${SAVE_AS}`
			}
		};
	}
	return decode('utf-8', body);
}

function decode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): Decoded {
	let text: string;
	try {
		text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		const line = encoding === 'utf-8' ? firstBadUtf8Line(bytes) : 1;
		const what =
			encoding === 'utf-8'
				? 'is not UTF-8 (perhaps Latin-1 or Windows-1252, where é is one byte)'
				: `is not valid ${encoding.toUpperCase()}`;
		return { error: { line, message: `line ${line} ${what}: ${SAVE_AS}` } };
	}
	// Text files hold no control characters but tab and line ends; a NUL means binary data.
	const at = firstControl(text);
	if (at >= 0) {
		const line = text.slice(0, at).split(/\r\n|\r|\n/).length;
		const code = text.charCodeAt(at).toString(16).padStart(2, '0');
		return {
			error: {
				line,
				message: `line ${line} holds binary data (control character 0x${code}): this is not a GIFT text file`
			}
		};
	}
	return { text };
}

const ALLOWED = new Set([0x09, 0x0a, 0x0c, 0x0d]);

function firstControl(text: string): number {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if ((code < 0x20 && !ALLOWED.has(code)) || code === 0x7f) return i;
	}
	return -1;
}

/** The line of the first byte sequence that is not UTF-8; a line feed is never part of one. */
function firstBadUtf8Line(bytes: Uint8Array): number {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let line = 1;
	let start = 0;
	while (start <= bytes.length) {
		let end = bytes.indexOf(0x0a, start);
		if (end < 0) end = bytes.length;
		try {
			decoder.decode(bytes.subarray(start, end));
		} catch {
			return line;
		}
		line += 1;
		start = end + 1;
	}
	return line;
}

/** Text in UTF-16 has a zero byte beside nearly every ASCII letter. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, 1000);
	let zeros = 0;
	for (const byte of sample) if (byte === 0) zeros += 1;
	return sample.length >= 4 && zeros > sample.length / 4;
}
