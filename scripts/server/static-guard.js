// adapter-node's static file server indexes build/client once at start and later streams a file
// without an error listener: a file removed under a running server (a rebuild in place) used to
// crash the whole process with an unhandled ENOENT. This guard answers 404 for a file that has
// gone, and ends only the one response if a file vanishes between the check and the read.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** @param {string} dir */
function listFiles(dir) {
	/** @type {string[]} */
	const files = [];
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile()) files.push(join(entry.parentPath, entry.name));
	}
	return files;
}

/**
 * URL path → the files on disk the static server may answer it with (plain, .br, .gz).
 * @param {string} clientDir the built client folder (build/client)
 */
export function builtFiles(clientDir) {
	/** @type {Map<string, string[]>} */
	const served = new Map();
	for (const file of existsSync(clientDir) ? listFiles(clientDir) : []) {
		const urlPath = '/' + relative(clientDir, file).split(sep).join('/');
		const plain = urlPath.replace(/\.(br|gz)$/, '');
		served.set(plain, [...(served.get(plain) ?? []), file]);
	}
	return served;
}

/**
 * The request's path as the static server looks it up, or null when it is not valid.
 * @param {import('node:http').IncomingMessage} req
 */
export function staticPath(req) {
	if (req.method !== 'GET' && req.method !== 'HEAD') return null;
	try {
		return decodeURI(new URL(req.url ?? '/', 'http://x').pathname);
	} catch {
		return null;
	}
}

/**
 * @param {Map<string, string[]>} served what builtFiles found
 * @param {(event: string, fields: Record<string, unknown>) => void} log
 */
export function staticFileGuard(served, log) {
	/**
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 * @returns {boolean} whether the request was answered here
	 */
	return function guard(req, res) {
		res.once('pipe', (source) => {
			source.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
				log('static_file_error', { path: req.url?.split('?')[0], code: error.code });
				res.destroy();
			});
		});
		const pathname = staticPath(req);
		const files = pathname === null ? undefined : served.get(pathname);
		if (!files || files.every(existsSync)) return false;
		log('static_file_missing', { path: pathname });
		res.writeHead(404, {
			'content-type': 'text/plain; charset=utf-8',
			'cache-control': 'no-store'
		});
		res.end('Not found: this file is gone, perhaps because the app was rebuilt. Reload the page.');
		return true;
	};
}
