import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEYS } from '../support/fake-smartrecruiters.mjs';
import { addConnection, connectionItem, expandItem, visible } from './popup-driver';
import { useTestBed } from './test-bed';

const OTHER_KEY = FAKE_KEYS.invalid;

describe('import preview (skipped entries, what a replace changes) and the audit CSV', () => {
  const bed = useTestBed();
  let manager: Page;

  beforeAll(async () => {
    manager = await bed.extension.openExtensionPage('options.html');
    await addConnection(manager, { name: 'Production', key: FAKE_KEYS.ok });
    await visible(connectionItem(manager, 'Production'));
  });

  it('lists an invalid entry as skipped with its reason, shows a replace, and imports the valid ones', async () => {
    const file = path.join(os.tmpdir(), `sr-partial-${process.pid}.json`);
    const entry = { url: 'https://api.smartrecruiters.com', note: '' };
    await writeFile(
      file,
      JSON.stringify({
        format: 'smartrecruiters-admin-helper/backup',
        version: 1,
        exportedAt: '2026-01-01T00:00:00.000Z',
        keys: 'plain',
        connections: [
          { ...entry, name: 'Production', url: 'https://api.sandbox.smartrecruiters.com', key: OTHER_KEY },
          { ...entry, name: 'Broken', url: 'http://insecure.example', key: OTHER_KEY },
          { ...entry, name: 'Fresh', key: FAKE_KEYS.forbidden, note: '=HYPERLINK("http://evil.example","click")' },
        ],
      }),
    );
    await manager.getByLabel('Backup file').setInputFiles(file);
    await manager.getByRole('button', { name: 'Preview import' }).click();
    const preview = await visible(manager.getByRole('region', { name: 'Preview import' }));
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('Broken: skipped (The URL must start with https://');
    expect(text).toContain('URL: https://api.smartrecruiters.com → https://api.sandbox.smartrecruiters.com');
    expect(text).toContain('key: changed');
    expect(text).toContain('Fresh: new');
    expect(text).toContain('1 entry will be skipped');
    await preview.getByRole('radio', { name: /Use the backup/ }).check();
    await preview.getByRole('button', { name: 'Import' }).click();
    await visible(manager.getByText('Imported 1 new, replaced 1, skipped 1.'));
    await visible(connectionItem(manager, 'Fresh'));
    expect(await connectionItem(manager, 'Broken').count()).toBe(0);

    // Undo brings back the old key with the URL that went with it.
    const production = await expandItem(manager, 'Production');
    expect(await production.textContent()).toContain('https://api.sandbox.smartrecruiters.com');
    await production.getByRole('button', { name: 'Undo key change' }).click();
    await visible(manager.getByText('Previous key restored in Production.'));
    await production.getByText('https://api.smartrecruiters.com', { exact: true }).waitFor();
    // And the kept key can be forgotten.
    await production.getByRole('button', { name: 'Forget previous key' }).click();
    await visible(manager.getByText('The previous key of Production is forgotten.'));
    expect(await production.getByRole('button', { name: 'Undo key change' }).count()).toBe(0);
  });

  it('exports a CSV for audits without keys, formula cells escaped', async () => {
    const downloading = manager.waitForEvent('download');
    await manager.getByRole('button', { name: 'Download audit list (CSV)' }).click();
    const file = path.join(os.tmpdir(), `sr-audit-${process.pid}.csv`);
    await (await downloading).saveAs(file);
    const csv = await readFile(file, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('"Connection name","Connection URL","Environment","Note","Last verdict","Tested at (UTC)"');
    expect(lines).toContain(
      `"Fresh","https://api.smartrecruiters.com","Production","'=HYPERLINK(""http://evil.example"",""click"")","Not tested yet",""`,
    );
    expect(lines).toContain('"Production","https://api.smartrecruiters.com","Production","","Not tested yet",""');
    for (const key of Object.values(FAKE_KEYS)) expect(csv).not.toContain(key);
  });
});
