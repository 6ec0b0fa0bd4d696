import { describe, expect, it } from 'vitest';
import { FOREIGN_HOST_GRANTS, originsInUse, unusedHostGrants } from './unused-hosts';

const MANIFEST = ['https://api.smartrecruiters.com/*'];
const KEEP = [...MANIFEST, ...FOREIGN_HOST_GRANTS];
const vault = (...urls: Array<{ url: string; previousUrl?: string }>) => urls;

describe('host grants no connection uses any more', () => {
  it('reads the hosts of connections and of the URLs Undo would bring back', () => {
    const stored = vault({ url: 'https://proxy.example.com/sr' }, { url: 'https://api.smartrecruiters.com', previousUrl: 'https://old.example.com' });
    expect([...originsInUse(stored)].sort()).toEqual(['https://api.smartrecruiters.com', 'https://old.example.com', 'https://proxy.example.com']);
    expect(originsInUse([undefined, null, { url: 'not a url' }]).size).toBe(0);
  });

  it('gives back a custom host once its last connection is gone', () => {
    const before = originsInUse(vault({ url: 'https://proxy.example.com/sr' }, { url: 'https://other.example.com' }));
    const after = originsInUse(vault({ url: 'https://other.example.com' }));
    const granted = [...MANIFEST, 'https://proxy.example.com/*', 'https://other.example.com/*'];
    expect(unusedHostGrants(before, after, granted, KEEP)).toEqual(['https://proxy.example.com/*']);
  });

  it('keeps a host another connection still uses, or a previous URL still needs', () => {
    const before = originsInUse(vault({ url: 'https://proxy.example.com/a' }, { url: 'https://proxy.example.com/b' }));
    const after = originsInUse(vault({ url: 'https://proxy.example.com/b' }));
    expect(unusedHostGrants(before, after, ['https://proxy.example.com/*'], KEEP)).toEqual([]);
    const moved = originsInUse(vault({ url: 'https://api.smartrecruiters.com', previousUrl: 'https://proxy.example.com/a' }));
    expect(unusedHostGrants(before, moved, ['https://proxy.example.com/*'], KEEP)).toEqual([]);
  });

  it("never gives back the manifest's hosts, another feature's grants, or what was never granted", () => {
    const before = originsInUse(
      vault({ url: 'https://api.smartrecruiters.com' }, { url: 'https://acme.service-now.com/sr' }, { url: 'https://never.example.com' }),
    );
    const granted = [...MANIFEST, 'https://*.service-now.com/*', 'https://acme.service-now.com/*'];
    expect(unusedHostGrants(before, new Set(), granted, KEEP)).toEqual([]);
  });
});
