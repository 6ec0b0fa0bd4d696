import { accessibleName, labelledByText, normalizeCaption } from './captions';
import { NAME_LABEL, NOTE_LABEL, OAUTH_HINT, SPECIFIC_NAME_LABEL, UNTRANSLATED_HINT } from './vocabulary';

/** What the admin typed into the credentials form: the name and the description ("note"). */
export interface CredentialDetails {
  name: string;
  note: string;
}

type TextField = HTMLInputElement | HTMLTextAreaElement;
type FieldRole = 'name' | 'note';

/** Input types that hold free text; a checkbox or hidden field is never the name or description. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);

/** A caption longer than this next to a field is a paragraph, not its label. */
const MAX_NEARBY_LABEL_LENGTH = 40;

/** Turns any label spelling into plain words: "credentialsName", "credential_name", "Name *:". */
function normalizeLabel(raw: string): string {
  return normalizeCaption(
    raw
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/[_\-.[\]]+/g, ' ')
      .replace(/\((optional|required)\)|[*:]/gi, ' '),
  );
}

function isTextField(el: Element): el is TextField {
  if (el.localName === 'textarea') return true;
  return el.localName === 'input' && TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase());
}

/** The text just before a field, if it is short and is not another field's wrapper. */
function captionBefore(field: TextField): string {
  for (const before of [field.previousElementSibling, field.parentElement?.previousElementSibling]) {
    if (!before || before.querySelector('input, textarea, select')) continue;
    const text = before.textContent ?? '';
    if (text.trim() && text.length <= MAX_NEARBY_LABEL_LENGTH) return text;
  }
  return '';
}

/**
 * A field's candidate labels, most trustworthy first. Frameworks label fields every which way, so
 * this tries ARIA, <label>, placeholder, a short caption just before the field, then name and id.
 */
function labelsOf(field: TextField): string[] {
  return [
    field.getAttribute('aria-label'),
    labelledByText(field),
    ...Array.from(field.labels ?? [], (label) => label.textContent),
    field.getAttribute('placeholder'),
    captionBefore(field),
    field.getAttribute('name'),
    field.id,
  ].filter((text): text is string => !!text?.trim());
}

/** How surely a field is the name (2: "Credentials name", 1: "Name") or the description. */
function classify(field: TextField): { role: FieldRole; score: number } | null {
  for (const raw of labelsOf(field)) {
    const label = normalizeLabel(raw);
    if (SPECIFIC_NAME_LABEL.test(label)) return { role: 'name', score: 2 };
    if (NAME_LABEL.test(label)) return { role: 'name', score: 1 };
    if (NOTE_LABEL.test(label)) return { role: 'note', score: 1 };
  }
  return null;
}

/**
 * The name and description the form inside `scope` shows now; a field not found is left out.
 * `guess` holds what the form's order suggests when no label is one we know.
 */
export function readCredentialForm(scope: ParentNode): Partial<CredentialDetails> & { guess: Partial<CredentialDetails> } {
  const found: Partial<CredentialDetails> & { guess: Partial<CredentialDetails> } = { guess: {} };
  let nameScore = 0;
  // Labels in a language we do not know: the form's first filled line is its name, its first
  // filled text area its description (the documented order of the form).
  let firstLine: string | undefined;
  let firstArea: string | undefined;
  for (const el of scope.querySelectorAll('input, textarea')) {
    if (!isTextField(el)) continue;
    const value = el.value.trim();
    if (el.localName === 'input') firstLine ??= value || undefined;
    else firstArea ??= value || undefined;
    const kind = classify(el);
    if (kind?.role === 'name' && kind.score > nameScore) {
      found.name = value;
      nameScore = kind.score;
    } else if (kind?.role === 'note' && found.note === undefined) {
      found.note = value;
    }
  }
  if (firstLine !== undefined) found.guess.name = firstLine;
  if (firstArea !== undefined) found.guess.note = firstArea;
  return found;
}

/** Whether a scope (the form or dialog a control submits) holds a text field with something typed in. */
export function hasFilledTextField(scope: ParentNode): boolean {
  for (const el of scope.querySelectorAll('input, textarea')) if (isTextField(el) && el.value.trim()) return true;
  return false;
}

/** The credential type the flow's first step chose, from its radio's caption; untranslated words only. */
export type CredentialType = 'api-key' | 'oauth' | 'unknown';

function typeOfChoice(radio: HTMLInputElement): CredentialType {
  const caption = normalizeCaption(
    [radio.getAttribute('aria-label'), ...Array.from(radio.labels ?? [], (l) => l.textContent), accessibleName(radio)].join(' '),
  );
  if (OAUTH_HINT.test(caption)) return 'oauth';
  return UNTRANSLATED_HINT.test(caption) ? 'api-key' : 'unknown';
}

/**
 * Remembers what was last typed into a name or description field, for a form that is not on
 * screen any more when Generate is clicked (a wizard whose last step holds only the button).
 */
export function createFormMemory() {
  let typed: Partial<CredentialDetails> = {};
  let chosenType: CredentialType = 'unknown';
  return {
    /** For input events: keeps the value of a name or description field, and the type chosen by radio. */
    remember(target: EventTarget | null): void {
      if (!(target instanceof Element)) return;
      if (target.localName === 'input' && (target as HTMLInputElement).type === 'radio') {
        const type = typeOfChoice(target as HTMLInputElement);
        if (type !== 'unknown' && (target as HTMLInputElement).checked) chosenType = type;
        return;
      }
      if (!isTextField(target)) return;
      const kind = classify(target);
      if (kind) typed[kind.role] = target.value.trim();
    },
    /** The credential type last chosen in the flow ('unknown' when no choice named one). */
    get chosenType(): CredentialType {
      return chosenType;
    },
    /** The details to go with a Generate click: the form in `scope`, else what was typed. */
    take(scope: ParentNode): CredentialDetails {
      const shown = readCredentialForm(scope);
      const details = {
        name: shown.name ?? typed.name ?? shown.guess.name ?? '',
        note: shown.note ?? typed.note ?? shown.guess.note ?? '',
      };
      typed = {};
      return details;
    },
  };
}
