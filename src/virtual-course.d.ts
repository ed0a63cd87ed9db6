// Reference data served by the lessons plugin (src/lib/content/vite-plugin-lessons.ts).
declare module 'virtual:course/timeline.yaml' {
	const data: import('$lib/content/reference-schema').TimelineFile;
	export default data;
}
declare module 'virtual:course/actors.yaml' {
	const data: import('$lib/content/reference-schema').ActorsFile;
	export default data;
}
declare module 'virtual:course/positions.yaml' {
	const data: import('$lib/content/reference-schema').PositionsFile;
	export default data;
}
declare module 'virtual:course/background.yaml' {
	const data: import('$lib/content/reference-schema').BackgroundFile;
	export default data;
}
declare module 'virtual:course/passages' {
	const data: import('$lib/content/passages').ArticlePassages[];
	export default data;
}
