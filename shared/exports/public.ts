/** What other features may use of exports: everything else in this folder is its own business. */

export { type ExportReadyFact, exportsEvents } from './events';
export { contentTypes, exportFileName } from './file-names';
