import { labelledByText, normalizeCaption } from './captions';

/** What the admin typed into the credentials form: the name and the description ("note"). */
export interface CredentialDetails {
  name: string;
  note: string;
}

type TextField = HTMLInputElement | HTMLTextAreaElement;
type FieldRole = 'name' | 'note';

/** "Credentials name" is the documented label; "Credential name" and a bare "Name" are likely variants. */
const SPECIFIC_NAME_LABEL = /^(credentials?|api key|key) name$/;
const NAME_LABEL = /^name$/;
const NOTE_LABEL = /^(credentials? )?description$/;

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

/** The name and description the form inside `scope` shows now; a field not found is left out. */
export function readCredentialForm(scope: ParentNode): Partial<CredentialDetails> {
  const found: Partial<CredentialDetails> = {};
  let nameScore = 0;
  for (const el of scope.querySelectorAll('input, textarea')) {
    if (!isTextField(el)) continue;
    const kind = classify(el);
    if (kind?.role === 'name' && kind.score > nameScore) {
      found.name = el.value.trim();
      nameScore = kind.score;
    } else if (kind?.role === 'note' && found.note === undefined) {
      found.note = el.value.trim();
    }
  }
  return found;
}

/**
 * Remembers what was last typed into a name or description field, for a form that is not on
 * screen any more when Generate is clicked (a wizard whose last step holds only the button).
 */
export function createFormMemory() {
  let typed: Partial<CredentialDetails> = {};
  return {
    /** For input events: keeps the value if the event's target is a name or description field. */
    remember(target: EventTarget | null): void {
      if (!(target instanceof Element) || !isTextField(target)) return;
      const kind = classify(target);
      if (kind) typed[kind.role] = target.value.trim();
    },
    /** The details to go with a Generate click: the form in `scope`, else what was typed. */
    take(scope: ParentNode): CredentialDetails {
      const shown = readCredentialForm(scope);
      const details = { name: shown.name ?? typed.name ?? '', note: shown.note ?? typed.note ?? '' };
      typed = {};
      return details;
    },
  };
}
