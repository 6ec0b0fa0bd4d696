// @ts-check
/** Order statistics for the bench. Timings are summarised, never asserted. */

/** @param {number[]} values @returns {number[]} */
const sorted = (values) => [...values].sort((a, b) => a - b);

/**
 * The p-th percentile (0–100), linearly interpolated between closest ranks; NaN when empty.
 * @param {number[]} values @param {number} p
 */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const s = sorted(values);
  const rank = (p / 100) * (s.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return /** @type {number} */ (s[low]) + (/** @type {number} */ (s[high]) - /** @type {number} */ (s[low])) * (rank - low);
}

/** @param {number[]} values */
export const median = (values) => percentile(values, 50);

/** @param {number} value @param {number} [digits] */
export const round = (value, digits = 1) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

/** @param {number} ms @returns {Promise<void>} */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
