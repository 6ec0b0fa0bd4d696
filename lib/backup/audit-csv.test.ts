import { describe, expect, it } from 'vitest';
import type { Connection } from '../connections/schema';
import { type AuditLabels, auditCsv, csvCell } from './audit-csv';

const labels: AuditLabels = {
  header: ['Name', 'URL', 'Environment', 'Note', 'Last verdict', 'Tested at'],
  environment: (e) => e,
  verdict: (c) => `verdict:${c}`,
  untested: 'never tested',
};

const connection = (over: Partial<Connection>): Connection => ({
  id: 'id',
  name: 'Prod',
  url: 'https://api.smartrecruiters.com',
  key: { kind: 'plain', value: 'DCRA1-0123456789abcdef0123456789abcdef' },
  note: '',
  source: 'typed',
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe('audit CSV', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['plain, with "quotes"\nand a line', `"plain, with ""quotes""\nand a line"`],
    ['a=b', '"a=b"'],
  ])('escapes %j so a spreadsheet runs nothing', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('lists name, URL, environment, note, last verdict and date, and never a key', () => {
    const csv = auditCsv(
      [
        connection({ name: '=cmd|calc', note: 'for ServiceNow' }),
        connection({ id: 'sandbox', name: 'Sandbox', url: 'https://api.sandbox.smartrecruiters.com' }),
      ],
      { sandbox: { at: Date.UTC(2026, 0, 2, 3, 4, 5), category: 'invalid-key' } },
      labels,
    );
    expect(csv.split('\r\n')).toEqual([
      '"Name","URL","Environment","Note","Last verdict","Tested at"',
      `"'=cmd|calc","https://api.smartrecruiters.com","production","for ServiceNow","never tested",""`,
      '"Sandbox","https://api.sandbox.smartrecruiters.com","sandbox","","verdict:invalid-key","2026-01-02T03:04:05.000Z"',
      '',
    ]);
    expect(csv).not.toContain('DCRA1');
  });
});
