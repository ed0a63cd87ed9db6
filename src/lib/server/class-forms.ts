import { z } from 'zod';

export const className = z
	.string({ error: 'Give the class a name.' })
	.trim()
	.min(1, 'Give the class a name.')
	.max(80, 'Keep the name under 80 characters.');
