// A setup file rather than a hook in the helper, so scripts that borrow the browser helper
// (the page-weight bench) can import it outside a test run.
import { afterEach } from 'vitest';
import { failOnBrowserErrors } from '../helpers/browser';

afterEach(failOnBrowserErrors);
