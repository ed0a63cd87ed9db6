import { nameField } from './names';

export const className = nameField('Give the class a name.');
