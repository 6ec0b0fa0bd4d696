import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { createTestBackground, storedVaultText } from './test-background';

const SELF = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
const POPUP = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const CONFIRM = { id: 'ext-id', url: 'chrome-extension://ext-id/confirm-fill.html#request=x' };
/** Our content script in the classic UI's gsft_main frame of tab 5. */
const FORM_FRAME = { id: 'ext-id', url: 'https://acme.service-now.com/classic-form.html', tab: { id: 5 }, frameId: 3 };
const PICKER = { id: 'ext-id', url: 'chrome-extension://ext-id/picker.html', tab: { id: 5 }, frameId: 9 };
const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';
const refused = { ok: false, error: { code: 'forbidden-sender' } };

async function withRequest() {
  const bed = createTestBackground();
  const added = await dispatch(bed.handlers, 'addConnection', { name: 'Prod', url: 'https://api.smartrecruiters.com', key: KEY }, POPUP, SELF);
  if (!added.ok) throw new Error();
  expect(await dispatch(bed.handlers, 'requestFill', {}, FORM_FRAME, SELF)).toEqual({ ok: true, value: null });
  const request = await dispatch(bed.handlers, 'getFillRequest', {}, PICKER, SELF);
  if (!request.ok) throw new Error();
  return { ...bed, connectionId: (added.value as { id: string }).id, request: request.value as { requestId: string } };
}

const fills = (bed: ReturnType<typeof createTestBackground>) => bed.browserCalls.toServiceNow.filter((c) => c.message.type === 'fill');

describe('the ServiceNow fill', () => {
  it('shows the picker in the top frame and lists names, environments and verdicts with the full host, never a key', async () => {
    const bed = await withRequest();
    expect(bed.browserCalls.toServiceNow).toEqual([{ tabId: 5, frameId: 0, message: { type: 'show-picker' } }]);
    const view = await dispatch(bed.handlers, 'getFillRequest', {}, PICKER, SELF);
    expect(view).toMatchObject({ ok: true, value: { host: 'acme.service-now.com', trusted: false, choices: [{ name: 'Prod' }] } });
    expect(JSON.stringify(view)).not.toContain(KEY);
    // Another tab's picker sees no request.
    expect(await dispatch(bed.handlers, 'getFillRequest', {}, { ...PICKER, tab: { id: 6 } }, SELF)).toMatchObject({ ok: false });
  });

  it('sends the key to the form frame only after the instance is confirmed in the extension window, then trusts it and records Used in', async () => {
    const bed = await withRequest();
    const { requestId } = bed.request;
    const chosen = await dispatch(bed.handlers, 'chooseFill', { requestId, connectionId: bed.connectionId }, PICKER, SELF);
    expect(chosen).toEqual({ ok: true, value: { status: 'confirming' } });
    expect(bed.browserCalls.opened).toEqual([`/confirm-fill.html#request=${requestId}`]);
    expect(fills(bed)).toEqual([]);
    // The picker cannot confirm for the user.
    expect(await dispatch(bed.handlers, 'confirmFill', { requestId }, PICKER, SELF)).toEqual(refused);
    expect(await dispatch(bed.handlers, 'getFillConfirmation', { requestId }, CONFIRM, SELF)).toMatchObject({
      ok: true,
      value: { host: 'acme.service-now.com', name: 'Prod' },
    });
    expect(await dispatch(bed.handlers, 'confirmFill', { requestId }, CONFIRM, SELF)).toEqual({ ok: true, value: { name: 'Prod' } });
    expect(fills(bed)).toEqual([
      { tabId: 5, frameId: 3, message: { type: 'fill', host: 'acme.service-now.com', name: 'Prod', url: 'https://api.smartrecruiters.com', key: KEY } },
    ]);
    expect((await bed.settings.read()).trustedInstances).toEqual(['acme.service-now.com']);
    const stored = Object.values(JSON.parse(await storedVaultText()) as Record<string, { id?: string; usedIn?: unknown }>).filter((r) => r.id);
    expect(stored[0]!.usedIn).toEqual([{ host: 'acme.service-now.com', at: expect.any(Number) }]);

    // Trusted now: the next choice fills at once, and Used in keeps one entry for the instance.
    await dispatch(bed.handlers, 'requestFill', {}, FORM_FRAME, SELF);
    const again = await dispatch(bed.handlers, 'getFillRequest', {}, PICKER, SELF);
    if (!again.ok) throw new Error();
    const second = await dispatch(bed.handlers, 'chooseFill', { requestId: (again.value as { requestId: string }).requestId, connectionId: bed.connectionId }, PICKER, SELF);
    expect(second).toEqual({ ok: true, value: { status: 'filled' } });
    expect(fills(bed)).toHaveLength(2);
    expect(bed.browserCalls.opened).toHaveLength(1);
  });

  it('trusts nothing when the form is gone, and another instance is asked for again', async () => {
    const bed = await withRequest();
    bed.serviceNow.formThere = false;
    await dispatch(bed.handlers, 'chooseFill', { requestId: bed.request.requestId, connectionId: bed.connectionId }, PICKER, SELF);
    expect(await dispatch(bed.handlers, 'confirmFill', { requestId: bed.request.requestId }, CONFIRM, SELF)).toEqual({
      ok: false,
      error: { code: 'form-gone' },
    });
    expect((await bed.settings.read()).trustedInstances).toEqual([]);
  });

  it('takes requestFill only from our content script on a ServiceNow instance', async () => {
    const bed = createTestBackground();
    expect(await dispatch(bed.handlers, 'requestFill', {}, { ...FORM_FRAME, url: 'https://acme.service-now.com.evil.example/' }, SELF)).toEqual(refused);
    expect(await dispatch(bed.handlers, 'requestFill', {}, POPUP, SELF)).toEqual(refused);
    expect(await dispatch(bed.handlers, 'requestFill', {}, PICKER, SELF)).toEqual(refused);
    // The ServiceNow content script may ask for nothing else.
    expect(await dispatch(bed.handlers, 'revealKey', { id: 'x' }, FORM_FRAME, SELF)).toEqual(refused);
    expect(await dispatch(bed.handlers, 'getFillRequest', {}, FORM_FRAME, SELF)).toEqual(refused);
    // Nor the picker anything beyond its three.
    expect(await dispatch(bed.handlers, 'revealKey', { id: 'x' }, PICKER, SELF)).toEqual(refused);
    expect(await dispatch(bed.handlers, 'forgetTrustedInstance', { host: 'x' }, PICKER, SELF)).toEqual(refused);
  });

  it('withdraws a trusted instance from the manager', async () => {
    const bed = createTestBackground();
    await bed.settings.change((s) => ({ ...s, trustedInstances: ['acme.service-now.com', 'dev1.service-now.com'] }));
    await dispatch(bed.handlers, 'forgetTrustedInstance', { host: 'acme.service-now.com' }, POPUP, SELF);
    expect((await bed.settings.read()).trustedInstances).toEqual(['dev1.service-now.com']);
  });
});
