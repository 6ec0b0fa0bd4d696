/** Where the unlocked vault key lives in storage.session (session-key.ts); pages watch it to redraw the lock state. */
export const SESSION_KEY = 'unlockedKey';
