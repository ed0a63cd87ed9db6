// A setup file rather than a hook in the browser helper, so scripts that borrow that helper
// (the page-weight bench) can import it outside a test run.
import { afterEach } from 'vitest';
import { failOnBrowserErrors } from '../helpers/browser-errors';

afterEach(failOnBrowserErrors);
