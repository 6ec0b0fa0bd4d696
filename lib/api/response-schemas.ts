import { z } from '../schema/z';

// The API's bodies are parsed tolerantly: every field optional, wrong types dropped rather than
// failing the whole body, so a harmless change on their side never reads as a broken key.
// Long text is cut, not refused.
const optionalText = z.catch(
  z.optional(z.pipe(z.string(), z.transform((text) => text.slice(0, 300)))),
  undefined,
);

export const companySchema = z.looseObject({
  identifier: optionalText,
  name: optionalText,
});

export const errorBodySchema = z.looseObject({
  message: optionalText,
  errors: z.catch(
    z.optional(z.array(z.catch(z.looseObject({ code: optionalText, message: optionalText }), {})).check(z.maxLength(50))),
    undefined,
  ),
});
