import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

const body = new URLSearchParams({ email: 'not-an-address', displayName: '', password: '' });
const text = body.toString();

/** One form post whose body stops halfway; `finish` sends the rest. */
function slowPost(port: number) {
	let finish!: () => void;
	let sent!: () => void;
	const written = new Promise<void>((done) => (sent = done));
	const answered = new Promise<number>((done, fail) => {
		const req = request(
			{
				host: '127.0.0.1',
				port,
				path: '/sign-up',
				method: 'POST',
				headers: {
					origin: `http://127.0.0.1:${port}`,
					'x-forwarded-for': '198.51.100.99',
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': Buffer.byteLength(text)
				}
			},
			(res) => {
				res.resume();
				res.on('end', () => done(res.statusCode ?? 0));
			}
		);
		req.on('error', fail);
		req.write(text.slice(0, 5), () => sent());
		finish = () => req.end(text.slice(5));
	});
	return { answered, written, finish: () => finish() };
}

/**
 * Makes a server busy without load: `count` form posts whose bodies stop halfway, as from phones
 * on a slow network, each held in flight until `release()` sends the rest (a sign-up form that
 * fails validation, so nothing is recorded). A post the server refused as busy (another request
 * took the last place first) is sent again, so `count` are held.
 */
export function holdRequests(port: number, count: number) {
	let releasing = false;
	const hold = async (): Promise<number> => {
		const post = slowPost(port);
		held.add(post);
		const status = await post.answered;
		held.delete(post);
		if (status === 503 && !releasing) return hold();
		return status;
	};
	const held = new Set<ReturnType<typeof slowPost>>();
	const statuses = Array.from({ length: count }, hold);
	return {
		/** Settles once the held posts have gone out (so later requests arrive after them). */
		sent: Promise.all([...held].map((post) => post.written)),
		/** Sends the rest of every body; the statuses they were answered with. */
		release: () => {
			releasing = true;
			for (const post of held) post.finish();
			return Promise.all(statuses);
		}
	};
}

/** Waits until the server refuses a request as busy (503), at most `ms`. */
export async function untilBusy(url: string, ms = 10_000): Promise<void> {
	const until = Date.now() + ms;
	while ((await fetch(new URL('/healthz', url))).status !== 503) {
		if (Date.now() > until) throw new Error('the server never became busy');
		await sleep(20);
	}
}
