/** What other features may use of captures: everything else in this folder is its own business. */

// For the change feed: an entry shows what the routes show.
export { CaptureEntity, type CaptureItem } from './items';
export { toCaptureView } from './views';
