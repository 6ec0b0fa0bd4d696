/**
 * The labels of the SmartRecruiters spoke's Create Connection form, as ServiceNow shows them.
 * English is documented ("Set up the SmartRecruiters spoke"); the German entries follow
 * ServiceNow's own translations of the same words and are a start: another language is one more
 * alternative in each pattern. Matched against normalizeLabel() text.
 */
export const FORM_LABELS = {
  connectionName: /^(connection name|name der verbindung|verbindungsname)$/,
  connectionUrl: /^(connection url|verbindungs-?url|url der verbindung)$/,
  apiKey: /^(api key|api-schlüssel|api schlüssel|api-key)$/,
} as const;
export type FormField = keyof typeof FORM_LABELS;

/** What ServiceNow adds to a label that is not its name: the mandatory marker, a trailing colon. */
const DECORATION = /(^\*+|\*+$|:$|\bmandatory\b.*$|\bpflichtfeld\b.*$)/g;

/** Lowercase, single-spaced, without the decorations ServiceNow puts around a label. */
export function normalizeLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase().replace(DECORATION, '').trim();
}

export function fieldOfLabel(text: string): FormField | undefined {
  const label = normalizeLabel(text);
  return (Object.keys(FORM_LABELS) as FormField[]).find((field) => FORM_LABELS[field].test(label));
}
