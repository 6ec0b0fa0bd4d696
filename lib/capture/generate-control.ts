import { accessibleName } from './captions';

/** "Generate" is the documented caption; "Generate key" / "Generate API key" allow for a rewording. */
const GENERATE_CAPTION = /^generate( (api )?key)?$/;

const BUTTON_LIKE = 'button, input[type="button"], input[type="submit"], [role="button"]';
/** A field is named by what was typed into it, which may well be "Generate". */
const FIELDS = 'input, textarea, select';

/**
 * How far up from the clicked element a caption-only "button" (a div with a click handler and no
 * role) is looked for: the click usually lands on its text or an icon inside it.
 */
const MAX_UNMARKED_DEPTH = 3;

/**
 * The Generate control an event went through, or null. Takes the event's composed path, so a
 * button inside an open shadow root is found although the document sees only its host.
 */
export function findGenerateControl(path: readonly EventTarget[]): Element | null {
  const elements = path.filter((t): t is Element => t instanceof Element);
  const button = elements.find((el) => el.matches(BUTTON_LIKE));
  if (button) return GENERATE_CAPTION.test(accessibleName(button)) ? button : null;
  return (
    elements
      .slice(0, MAX_UNMARKED_DEPTH)
      .find((el) => !el.matches(FIELDS) && GENERATE_CAPTION.test(accessibleName(el))) ?? null
  );
}
