import { i18n } from '#i18n';

/** "Set by your organization" beside a setting the policy fixes; the control points at it with aria-describedby. */
export function PolicyNote({ id, detail }: { id: string; detail?: string }) {
  return (
    <small id={id} class="policy-note">
      {i18n.t('setByOrganization')}
      {detail && ` · ${detail}`}
    </small>
  );
}
