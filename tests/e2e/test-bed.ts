import { afterAll, beforeAll } from 'vitest';
import { startFakeSmartRecruiters, type FakeSmartRecruiters } from '../support/fake-smartrecruiters.mjs';
import { launchExtension, type LaunchedExtension } from '../support/launch-extension.mjs';

export interface TestBed {
  readonly server: FakeSmartRecruiters;
  readonly extension: LaunchedExtension;
}

/**
 * One fake SmartRecruiters (API and portal) and one Chromium with the built extension for the
 * enclosing describe block, started before its tests and closed after them.
 */
export function useTestBed(options: { lang?: string } = {}): TestBed {
  let server: FakeSmartRecruiters | undefined;
  let extension: LaunchedExtension | undefined;
  beforeAll(async () => {
    server = await startFakeSmartRecruiters();
    extension = await launchExtension({ port: server.port, ...options });
  });
  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test bed starts in beforeAll');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get extension() {
      return started(extension);
    },
  };
}
