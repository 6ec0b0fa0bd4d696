import { z } from 'zod';

// The API's bodies are parsed tolerantly: every field optional, wrong types dropped rather than
// failing the whole body, so a harmless change on their side never reads as a broken key.
// Long text is cut, not refused.
const optionalText = z
  .string()
  .transform((text) => text.slice(0, 300))
  .optional()
  .catch(undefined);

export const companySchema = z.looseObject({
  identifier: optionalText,
  name: optionalText,
});

export const errorBodySchema = z.looseObject({
  message: optionalText,
  errors: z
    .array(z.looseObject({ code: optionalText, message: optionalText }).catch({}))
    .max(50)
    .optional()
    .catch(undefined),
});
