import { z } from '../schema/z';

// The API's bodies are parsed tolerantly: every field optional, wrong types dropped rather than
// failing the whole body, so a harmless change on their side never reads as a broken key.
// Texts are kept whole here (the body itself is capped): the tester redacts echoes of the key
// from the whole text first and only then cuts it to size (redact.ts).
const optionalText = z.catch(z.optional(z.string()), undefined);

export const companySchema = z.looseObject({
  identifier: optionalText,
  name: optionalText,
});

/** The acting user (`users/me`): only the System role is read. */
export const userMeSchema = z.looseObject({
  systemRole: z.catch(z.optional(z.looseObject({ id: optionalText, name: optionalText })), undefined),
});

export const errorBodySchema = z.looseObject({
  message: optionalText,
  errors: z.catch(
    z.optional(z.array(z.catch(z.looseObject({ code: optionalText, message: optionalText }), {})).check(z.maxLength(50))),
    undefined,
  ),
});
