import { describe, expect, it } from 'vitest';
import { parsePolicy } from './policy-schema';

describe('parsePolicy', () => {
  it('reads every key an administrator can set', () => {
    const raw = {
      requirePassphrase: true,
      minPassphraseLength: 12,
      maxAutoLockMinutes: 10,
      allowedApiHosts: ['api.smartrecruiters.com', '*.Example.com '],
      environments: [{ name: ' EU proxy ', url: 'https://sr.example.com/api/' }],
      allowPlainExport: false,
      captureEnabled: false,
      clipboardClearSeconds: 30,
      supportMessage: 'Questions? Contact IT at it@example.com',
    };
    expect(parsePolicy(raw)).toEqual({
      policy: {
        ...raw,
        allowedApiHosts: ['api.smartrecruiters.com', '*.example.com'],
        environments: [{ name: 'EU proxy', url: 'https://sr.example.com/api' }],
      },
      problems: [],
    });
  });

  it('is no policy for nothing, a non-object or unknown keys', () => {
    for (const raw of [undefined, null, 'x', 3, [], { somethingElse: true }]) {
      expect(parsePolicy(raw)).toEqual({ policy: {}, problems: [] });
    }
  });

  it('ignores each unusable value on its own, names its key and reason, and applies the rest', () => {
    const { policy, problems } = parsePolicy({
      requirePassphrase: 'yes',
      minPassphraseLength: -3,
      maxAutoLockMinutes: 99_999,
      clipboardClearSeconds: 1.5,
      supportMessage: 'x'.repeat(501),
      environments: [],
      allowPlainExport: false,
    });
    expect(policy).toEqual({ allowPlainExport: false });
    expect(problems).toEqual([
      { key: 'requirePassphrase', reason: 'wrong-type' },
      { key: 'minPassphraseLength', reason: 'out-of-range' },
      { key: 'maxAutoLockMinutes', reason: 'out-of-range' },
      { key: 'environments', reason: 'empty' },
      { key: 'clipboardClearSeconds', reason: 'wrong-type' },
      { key: 'supportMessage', reason: 'too-long' },
    ]);
  });

  it('keeps the good entries of a list and reports each bad one', () => {
    const { policy, problems } = parsePolicy({
      allowedApiHosts: ['api.smartrecruiters.com', 'not a host', 'https://x.example.com', '*.*.example.com'],
      environments: [
        { name: 'Prod', url: 'https://api.smartrecruiters.com' },
        { name: 'Plain', url: 'http://api.example.com' },
        { name: 'Query', url: 'https://api.example.com/?a=1' },
        { name: ' ', url: 'https://api.example.com' },
      ],
    });
    expect(policy).toEqual({
      allowedApiHosts: ['api.smartrecruiters.com'],
      environments: [{ name: 'Prod', url: 'https://api.smartrecruiters.com' }],
    });
    expect(problems).toEqual([
      { key: 'allowedApiHosts', reason: 'bad-host', entry: 'not a host' },
      { key: 'allowedApiHosts', reason: 'bad-host', entry: 'https://x.example.com' },
      { key: 'allowedApiHosts', reason: 'bad-host', entry: '*.*.example.com' },
      { key: 'environments', reason: 'bad-url', entry: 'http://api.example.com' },
      { key: 'environments', reason: 'bad-url', entry: 'https://api.example.com/?a=1' },
      { key: 'environments', reason: 'bad-name', entry: ' ' },
    ]);
  });

  it('ignores a list none of whose entries can be used, and a list of the wrong shape', () => {
    expect(parsePolicy({ allowedApiHosts: ['bad host', 'worse/host'] })).toEqual({
      policy: {},
      problems: [
        { key: 'allowedApiHosts', reason: 'bad-host', entry: 'bad host' },
        { key: 'allowedApiHosts', reason: 'bad-host', entry: 'worse/host' },
      ],
    });
    expect(parsePolicy({ environments: [{ name: 'x' }], allowedApiHosts: 'api.example.com' }).problems).toEqual([
      { key: 'allowedApiHosts', reason: 'wrong-type' },
      { key: 'environments', reason: 'wrong-type' },
    ]);
    expect(parsePolicy({ allowedApiHosts: Array(101).fill('a.example.com') }).problems).toEqual([
      { key: 'allowedApiHosts', reason: 'too-long' },
    ]);
  });

  it('takes no inherited or prototype keys', () => {
    const raw = JSON.parse('{"__proto__": {"captureEnabled": false}, "constructor": 1}');
    expect(parsePolicy(raw)).toEqual({ policy: {}, problems: [] });
  });
});
