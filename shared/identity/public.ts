/** What other features may use of identity: everything else in this folder is its own business. */
export { ProfileEntity } from './profile';
