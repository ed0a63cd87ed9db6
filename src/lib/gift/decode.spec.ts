import { describe, expect, it } from 'vitest';
import { decodeGift } from './decode.ts';

const utf16 = (text: string, bigEndian: boolean) => {
	const bytes = Buffer.from(text, 'utf16le');
	if (bigEndian) bytes.swap16();
	return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), bytes]);
};
const text = 'Où est l’été ? {=Café ~Thé}\n\nÇa va. {T}\n';

describe('decodeGift', () => {
	it('reads UTF-8 with or without a byte-order mark', () => {
		expect(decodeGift(Buffer.from(text))).toEqual({ text });
		expect(decodeGift(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual(
			{
				text
			}
		);
	});

	it('reads UTF-16, little- and big-endian, by its byte-order mark', () => {
		expect(decodeGift(utf16(text, false))).toEqual({ text });
		expect(decodeGift(utf16(text, true))).toEqual({ text });
	});

	it('refuses Latin-1 with the line where it stops being UTF-8', () => {
		const latin1 = Buffer.from(
			'Q {T}\n\nO\u00f9 est l\u2019\u00e9t\u00e9 ? {=Caf\u00e9 ~Th\u00e9}\n',
			'latin1'
		);
		expect(decodeGift(latin1)).toEqual({
			error: {
				line: 3,
				message: expect.stringMatching(
					/^line 3 is not UTF-8 \(perhaps Latin-1.*save the file as UTF-8/
				)
			}
		});
	});

	it('refuses binary data and UTF-16 without a byte-order mark, saying which', () => {
		const binary = Buffer.concat([
			Buffer.from('Q {T}\n\n'),
			Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00])
		]);
		expect(decodeGift(binary)).toEqual({
			error: { line: 3, message: expect.stringMatching(/^line 3 holds binary data/) }
		});
		expect(decodeGift(Buffer.from(text, 'utf16le'))).toEqual({
			error: {
				line: 1,
				message: expect.stringMatching(/looks like UTF-16 without a byte-order mark/)
			}
		});
	});
});
