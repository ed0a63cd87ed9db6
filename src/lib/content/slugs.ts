/** A content folder name: two digits that set the order, then the slug used in URLs. */
const FOLDER = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export interface OrderedSlug {
	order: number;
	slug: string;
}

export function parseFolderName(name: string): OrderedSlug | null {
	const match = FOLDER.exec(name);
	return match ? { order: Number(match[1]), slug: match[2]! } : null;
}

export const FOLDER_RULE =
	'folder names are two digits, a dash and a lower-case slug, like "01-franchise-model"';
