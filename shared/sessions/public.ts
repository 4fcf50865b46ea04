/** What other features and entries may use of sessions: ending sessions (logout, account deletion). */
export { createSessionStore, type SessionStore } from './store';
