import { beforeEach, describe, expect, it } from 'vitest';
import { COMPANY_PATH, FAKE_COMPANY, FAKE_KEYS, TEST_BED_PREFIX } from '../support/fake-smartrecruiters.mjs';
import { useTestBed } from './test-bed';

describe('test bed: built extension in Chromium against the local SmartRecruiters replica', () => {
  const bed = useTestBed();
  beforeEach(() => bed.server.clearRequests());

  it('loads the extension and finds its service worker', () => {
    expect(bed.extension.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it("the service worker's fetch of the real API host reaches the fake", async () => {
    const reply = await bed.extension.serviceWorker.evaluate(
      async ({ url, key }) => {
        const response = await fetch(url, { headers: { 'X-SmartToken': key } });
        return { status: response.status, body: (await response.json()) as { name?: string } };
      },
      { url: `https://api.smartrecruiters.com${COMPANY_PATH}`, key: FAKE_KEYS.ok },
    );
    expect(reply).toEqual({ status: 200, body: expect.objectContaining({ name: FAKE_COMPANY.name }) });
    expect(bed.server.requests).toEqual([
      expect.objectContaining({
        host: 'api.smartrecruiters.com',
        method: 'GET',
        path: COMPANY_PATH,
        headers: expect.objectContaining({ 'x-smarttoken': FAKE_KEYS.ok }),
      }),
    ]);
  });

  it('a tab on www.smartrecruiters.com is served by the replica', async () => {
    const page = await bed.extension.context.newPage();
    try {
      const response = await page.goto(`https://www.smartrecruiters.com${TEST_BED_PREFIX}hello.html`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('#test-bed-hello').textContent()).toContain('local SmartRecruiters replica');
      expect(bed.server.requests.map((r) => r.host)).toContain('www.smartrecruiters.com');
    } finally {
      await page.close();
    }
  });

  it('the portal replica answers its root and a deep settings link', async () => {
    const page = await bed.extension.context.newPage();
    try {
      for (const pagePath of ['/', '/settings/administration/app-management/custom-applications']) {
        const response = await page.goto(`https://www.smartrecruiters.com${pagePath}`);
        expect(response?.status(), pagePath).toBe(200);
        expect(response?.headers()['content-type'], pagePath).toMatch(/^text\/html/);
      }
    } finally {
      await page.close();
    }
  });
});
