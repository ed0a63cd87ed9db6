// A small YAML writer for the shapes an import produces (mappings, lists, strings, numbers,
// booleans), in the block style an author edits. The `yaml` library's writer costs about
// 0.15 ms a question, which is most of the time of importing a large bank; this one writes
// the same style in a fraction of that. Anything not certainly plain is double-quoted as
// JSON writes it, which YAML reads the same way; tests read every output back with `yaml`.

type Value = string | number | boolean | undefined | Value[] | { [key: string]: Value };

/** Text YAML reads back as this same string without quotes. */
const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} ,.'’?!()/&;_+\-–—“”«»]*$/u;
const NOT_A_STRING = /^(?:true|false|null|yes|no|on|off|y|n|~|[-+]?\.?(?:inf|nan))$/i;

function scalar(text: string): string {
	const plain =
		PLAIN.test(text) &&
		!text.endsWith(' ') &&
		!NOT_A_STRING.test(text) &&
		!/^[-+]?[\d.]/.test(text);
	return plain ? text : JSON.stringify(text);
}

/** A literal block keeps a multi-line text readable, when YAML gives it back unchanged. */
const literal = (text: string) =>
	text.includes('\n') &&
	!/^[ \t]/.test(text) &&
	!/\s$/.test(text) &&
	!/[^\P{C}\n]|\u2028|\u2029|\uFEFF/u.test(text);

/** Lines of `key: value` for a mapping at `indent` spaces. */
export function mappingLines(object: { [key: string]: Value }, indent: number): string[] {
	const pad = ' '.repeat(indent);
	return Object.entries(object).flatMap(([key, value]) => {
		if (value === undefined) return [];
		const name = `${pad}${scalar(key)}:`;
		if (Array.isArray(value)) {
			return value.length === 0 ? [`${name} []`] : [name, ...listLines(value, indent + 2)];
		}
		if (typeof value === 'object') {
			const inner = mappingLines(value, indent + 2);
			return inner.length === 0 ? [`${name} {}`] : [name, ...inner];
		}
		if (typeof value === 'string' && literal(value)) {
			return [`${name} |-`, ...value.split('\n').map((line) => (line ? `${pad}  ${line}` : ''))];
		}
		return [`${name} ${typeof value === 'string' ? scalar(value) : String(value)}`];
	});
}

/** Lines of `- item` for a list at `indent` spaces. */
export function listLines(list: Value[], indent: number): string[] {
	const pad = ' '.repeat(indent);
	return list.flatMap((item) => {
		if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
			const [first, ...rest] = mappingLines(item, indent + 2);
			return first === undefined ? [`${pad}- {}`] : [`${pad}- ${first.trimStart()}`, ...rest];
		}
		if (Array.isArray(item)) return [`${pad}-`, ...listLines(item, indent + 2)];
		if (typeof item === 'string' && literal(item)) {
			return [`${pad}- |-`, ...item.split('\n').map((line) => (line ? `${pad}  ${line}` : ''))];
		}
		return [`${pad}- ${typeof item === 'string' ? scalar(item) : String(item)}`];
	});
}

export type { Value as YamlValue };
