import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ChoiceInput from './ChoiceInput.svelte';

const choices = ['Jerusalem', 'Galilee', 'Nazareth'].map((text, i) => ({ id: String(i), text }));
const marks = (chosen: string[], partly?: string[]) =>
	render(ChoiceInput, {
		props: { legend: 'Where was he from?', choices, chosen, right: ['2'], partly }
	}).body.match(/Your answer: [a-z ]+|Right answer/g);

describe('ChoiceInput once checked', () => {
	it('marks a pick that earns part credit as partly right, not wrong', () => {
		expect(marks(['1'], ['1'])).toEqual(['Your answer: partly right', 'Right answer']);
	});

	it('marks any other wrong pick as wrong, and the right one as right', () => {
		expect(marks(['0'], ['1'])).toEqual(['Your answer: wrong', 'Right answer']);
		expect(marks(['2'])).toEqual(['Your answer: right']);
	});
});
