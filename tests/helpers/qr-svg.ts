import decodeQR from 'qr/decode.js';

const PIXELS_PER_MODULE = 4;

/**
 * Reads a QR code drawn as the class page draws it (a square viewBox, dark modules as `M x y h w`
 * runs) the way a phone would: painted as pixels, then found and decoded by the library's reader,
 * which locates the finder patterns and corrects errors on its own, apart from the encoder.
 */
export function decodeQrSvg(svg: string): string {
	const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
	const path = /<path[^>]* d="([^"]+)"/.exec(svg)?.[1];
	if (!size || !path) throw new Error(`not a QR drawing: ${svg.slice(0, 200)}`);
	const width = size * PIXELS_PER_MODULE;
	const data = new Uint8ClampedArray(width * width * 4).fill(255);
	for (const match of path.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
		const [x, y, run] = match.slice(1).map(Number) as [number, number, number];
		for (let py = y * PIXELS_PER_MODULE; py < (y + 1) * PIXELS_PER_MODULE; py++)
			for (let px = x * PIXELS_PER_MODULE; px < (x + run) * PIXELS_PER_MODULE; px++)
				data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3); // black, alpha kept
	}
	return decodeQR({ width, height: width, data });
}
