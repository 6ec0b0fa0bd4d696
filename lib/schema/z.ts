/**
 * zod's tree-shakable "mini" flavour, used for every schema: the popup and the prompt parse
 * storage and messages too, and full zod would be most of their weight.
 */
import * as z from 'zod/mini';

export { z };

/** A string of at most `max` characters (and at least `min`). */
export const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));

/** A whole number, zero or more: timestamps, counts, milliseconds. */
export const count = () => z.int().check(z.gte(0));
