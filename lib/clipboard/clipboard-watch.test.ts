import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearIfHolds } from './clear-if-holds';
import { CLIPBOARD_WATCH_KEY, createClipboardWatch, sha256Hex } from './clipboard-watch';

const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';

function setup() {
  fakeBrowser.reset();
  let clock = 0;
  const cleared: string[] = [];
  const alarms: Array<number | undefined> = [];
  const watch = createClipboardWatch(fakeBrowser.storage.session, () => clock, { clearIfHolds: async (hash) => void cleared.push(hash) }, (at) => {
    alarms.push(at);
  });
  return { watch, cleared, alarms, advance: (ms: number) => (clock += ms) };
}

describe('clipboard watch', () => {
  it('keeps only the hash of a copied key and clears at the set time, not before', async () => {
    const { watch, cleared, alarms, advance } = setup();
    await watch.copied(KEY, 60);
    expect(alarms).toEqual([60_000]);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(KEY);
    advance(59_000);
    await watch.due();
    expect(cleared).toEqual([]);
    expect(alarms).toEqual([60_000, 60_000]);
    advance(1_000);
    await watch.due();
    expect(cleared).toEqual([await sha256Hex(KEY)]);
    expect((await fakeBrowser.storage.session.get(CLIPBOARD_WATCH_KEY))[CLIPBOARD_WATCH_KEY]).toBeFalsy();
    await watch.due();
    expect(cleared).toHaveLength(1);
  });

  it('does nothing when clearing is off', async () => {
    const { watch, cleared, alarms, advance } = setup();
    await watch.copied(KEY, 0);
    advance(3_600_000);
    await watch.due();
    expect(cleared).toEqual([]);
    expect(alarms).toEqual([undefined]);
  });
});

describe('clearIfHolds', () => {
  const clipboardWith = (text: string) => {
    const clip = { text, read: async () => clip.text, write: async (t: string) => void (clip.text = t) };
    return clip;
  };

  it('empties the clipboard only while it still holds the copied key', async () => {
    const hash = await sha256Hex(KEY);
    const holding = clipboardWith(KEY);
    expect(await clearIfHolds(holding, hash)).toBe(true);
    expect(holding.text).toBe('');
    const moved = clipboardWith('something the user copied since');
    expect(await clearIfHolds(moved, hash)).toBe(false);
    expect(moved.text).toBe('something the user copied since');
  });
});
