/** What other features may use of imports: everything else in this folder is its own business. */

export { importsEvents } from './events';
