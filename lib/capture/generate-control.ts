import { accessibleName } from './captions';
import { GENERATE_CAPTION } from './vocabulary';

const BUTTON_LIKE = 'button, input[type="button"], input[type="submit"], [role="button"]';
/** A field is named by what was typed into it, which may well be "Generate". */
const FIELDS = 'input, textarea, select';

/**
 * How far up from the clicked element a caption-only "button" (a div with a click handler and no
 * role) is looked for: the click usually lands on its text or an icon inside it.
 */
const MAX_UNMARKED_DEPTH = 3;

export interface ActivatedControl {
  control: Element;
  /** Its caption says Generate, in a language we know. */
  captioned: boolean;
}

/** Whether a control's caption says Generate in one of the languages we know. */
export const isGenerateCaption = (el: Element): boolean => GENERATE_CAPTION.test(accessibleName(el));

/**
 * The button an event went through, or null. Takes the event's composed path, so a button inside
 * an open shadow root is found although the document sees only its host. A caption-only control
 * with no role counts when its caption says Generate.
 */
export function findActivatedControl(path: readonly EventTarget[]): ActivatedControl | null {
  const elements = path.filter((t): t is Element => t instanceof Element);
  const button = elements.find((el) => el.matches(BUTTON_LIKE));
  if (button) return { control: button, captioned: isGenerateCaption(button) };
  const unmarked = elements.slice(0, MAX_UNMARKED_DEPTH).find((el) => !el.matches(FIELDS) && isGenerateCaption(el));
  return unmarked ? { control: unmarked, captioned: true } : null;
}
