// QR codes drawn as one SVG path from the `qr` library's module matrix, on the server only: the
// page gets plain path data for Svelte to escape, never markup and never the encoder.
import encodeQR from 'qr';

export interface QrCode {
	/** Width and height in modules, quiet zone included. */
	size: number;
	/** The dark modules as an SVG path, one rectangle per horizontal run. */
	path: string;
}

/** The four-module margin the QR standard asks for, so scanners find the code on any page. */
const QUIET_ZONE = 4;

export function qrCode(text: string): QrCode {
	// Medium error correction survives a projector's glare and a phone held at an angle.
	const modules = encodeQR(text, 'raw', { ecc: 'medium', border: QUIET_ZONE });
	const runs: string[] = [];
	modules.forEach((row, y) => {
		for (let x = 0; x < row.length; x++) {
			if (!row[x]) continue;
			const start = x;
			while (row[x + 1]) x++;
			runs.push(`M${start} ${y}h${x - start + 1}v1H${start}z`);
		}
	});
	return { size: modules.length, path: runs.join('') };
}
