// Plain constants, apart from the zod schemas that use them (schema.ts), so that pages which
// only validate what the user types do not carry zod.
export const DEFAULT_API_URL = 'https://api.smartrecruiters.com';
export const NAME_MAX = 80;
export const NOTE_MAX = 500;
export const KEY_MIN = 20;
export const KEY_MAX = 200;
