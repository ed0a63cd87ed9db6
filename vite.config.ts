import { sveltekit } from '@sveltejs/kit/vite';
import Icons from 'unplugin-icons/vite';
import { defineConfig } from 'vitest/config';
import { lessonsPlugin } from './src/lib/content/vite-plugin-lessons.ts';

export default defineConfig({
	// Icons from Lucide's set, each compiled to a Svelte component of plain SVG markup:
	// `import BookOpen from '~icons/lucide/book-open'`.
	plugins: [lessonsPlugin(), sveltekit(), Icons({ compiler: 'svelte' })],
	server: { fs: { allow: ['lessons'] } },
	test: {
		// Integration and browser tests start the built server; `npm test` builds it first.
		include: ['src/**/*.spec.ts', 'tests/**/*.test.ts'],
		setupFiles: ['tests/setup/browser-errors.ts'],
		testTimeout: 30_000,
		hookTimeout: 120_000,
		pool: 'forks'
	}
});
