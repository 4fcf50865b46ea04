/** What other features may use of rates: converting at a day's recorded rate, and what a conversion records. */
export { type Conversion, conversion } from './items';
