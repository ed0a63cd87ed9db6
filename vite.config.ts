import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { lessonsPlugin } from './src/lib/content/vite-plugin-lessons.ts';

export default defineConfig({
	plugins: [lessonsPlugin(), sveltekit()],
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
