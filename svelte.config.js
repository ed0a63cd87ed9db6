import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import rehypeSlug from 'rehype-slug';
import { fileURLToPath } from 'node:url';

const lessonLayout = fileURLToPath(
	new URL('./src/lib/content/LessonLayout.svelte', import.meta.url)
);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [
		vitePreprocess(),
		mdsvex({
			extensions: ['.md'],
			layout: lessonLayout,
			// Layouts written with $props() and {@render children()} (Svelte 5 runes).
			layoutPropForwarding: 'runes',
			smartypants: { quotes: true, ellipses: true, dashes: 'oldschool' },
			// Heading ids are the lesson's section checkpoints (see src/lib/content/lesson-text.ts).
			rehypePlugins: [rehypeSlug]
		})
	],
	compilerOptions: {
		// Otherwise every page loads one more file only to record Svelte's version in `window`.
		discloseVersion: false,
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	onwarn: (warning, handler) => {
		// mdsvex still emits <script context="module">; the deprecation is not ours to fix.
		if (warning.code === 'script_context_deprecated' && /\.md$/.test(warning.filename ?? ''))
			return;
		handler(warning);
	},
	kit: {
		adapter: adapter(),
		// Registered by the layout (and a lesson's page), which also offers "Reload to update".
		serviceWorker: { register: false },
		// The command-line scripts share the server modules, so they are type-checked with them.
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push('../scripts/**/*.ts', '../scripts/**/*.js');
			}
		},
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
