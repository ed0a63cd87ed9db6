import { parse, type DefaultTreeAdapterTypes as Tree } from 'parse5';

// A served page read as a tree, the way the browser parses it, for tests that look at the
// structure (which list an item is in, which cell a word is in) and not only at the text.

export type Element = Tree.Element;

/** Every element below a node, template contents included, in document order. */
export function elements(node: Tree.ParentNode): Element[] {
	return node.childNodes.flatMap((child) => {
		if (!('tagName' in child)) return [];
		return [child, ...elements('content' in child ? child.content : child)];
	});
}

/** Every element of a page's HTML. */
export const elementsOf = (html: string) => elements(parse(html));

export const attr = (element: Element, name: string) =>
	element.attrs.find((a) => a.name === name)?.value;

export const hasClass = (element: Element, name: string) =>
	(attr(element, 'class') ?? '').split(/\s+/).includes(name);

export const textOf = (node: Tree.ChildNode): string =>
	node.nodeName === '#text'
		? (node as Tree.TextNode).value
		: 'childNodes' in node
			? node.childNodes.map(textOf).join('')
			: '';

/** A node's text as a reader sees it: runs of white space as one space. */
export const words = (node: Tree.ChildNode) => textOf(node).replace(/\s+/g, ' ').trim();
