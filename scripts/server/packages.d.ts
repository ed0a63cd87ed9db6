// Types for express's `compression` package, only as far as the server uses it.

declare module 'compression' {
	import type { IncomingMessage, ServerResponse } from 'node:http';
	import type { BrotliOptions, ZlibOptions } from 'node:zlib';

	type Filter = (req: IncomingMessage, res: ServerResponse) => boolean;
	interface Options extends ZlibOptions {
		threshold?: number | string;
		brotli?: BrotliOptions;
		filter?: Filter;
	}
	/** Also gives the response a `flush()` that sends what the compressor holds so far. */
	type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

	const compression: ((options?: Options) => Middleware) & { filter: Filter };
	export default compression;
}
