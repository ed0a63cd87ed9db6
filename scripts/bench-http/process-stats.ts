// CPU time and resident memory of the server under test: the process `npm start` runs and every
// process it forked (cluster workers), read from /proc (Linux only; elsewhere they read as 0).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;
const PAGE_BYTES = 4096;

interface ProcStat {
	pid: number;
	parent: number;
	cpuSeconds: number;
	rssBytes: number;
}

function readStat(pid: number): ProcStat | null {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name may hold spaces; the fields after its closing parenthesis do not.
		const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
		return {
			pid,
			parent: Number(fields[1]),
			cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
			rssBytes: Number(fields[21]) * PAGE_BYTES
		};
	} catch {
		return null;
	}
}

/** The process and its descendants. */
export function processTree(root: number): ProcStat[] {
	const all: ProcStat[] = [];
	try {
		for (const name of readdirSync('/proc')) {
			if (!/^\d+$/.test(name)) continue;
			const stat = readStat(Number(name));
			if (stat) all.push(stat);
		}
	} catch {
		return [];
	}
	const tree = all.filter((stat) => stat.pid === root);
	for (let i = 0; i < tree.length; i++)
		tree.push(...all.filter((stat) => stat.parent === tree[i]!.pid));
	return tree;
}

export interface Usage {
	/** CPU seconds used per second of wall time: 2 means two cores busy throughout. */
	cores: number;
	/** Resident memory of all the server's processes at the end. */
	rssMegabytes: number;
	processes: number;
}

/** Starts measuring; the function returned ends the measurement. */
export function measureUsage(root: number): () => Usage {
	const cpuOf = (tree: ProcStat[]) => new Map(tree.map((stat) => [stat.pid, stat.cpuSeconds]));
	const before = cpuOf(processTree(root));
	const started = performance.now();
	return () => {
		const tree = processTree(root);
		const seconds = (performance.now() - started) / 1000;
		const used = tree.reduce((sum, stat) => sum + stat.cpuSeconds - (before.get(stat.pid) ?? 0), 0);
		return {
			cores: seconds > 0 ? used / seconds : 0,
			rssMegabytes: tree.reduce((sum, stat) => sum + stat.rssBytes, 0) / 2 ** 20,
			processes: tree.length
		};
	};
}
