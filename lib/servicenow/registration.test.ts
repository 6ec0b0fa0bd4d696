import { describe, expect, it } from 'vitest';
import { SERVICENOW_HOST_PATTERN, serviceNowHostOf } from './host';
import { type RegistrationApi, SERVICENOW_SCRIPT_ID, createServiceNowRegistration } from './registration';

function fakeApi(granted: boolean) {
  const state = { granted, ids: [] as string[], registrations: 0 };
  const api: RegistrationApi = {
    hasGrant: async () => state.granted,
    registered: async () => [...state.ids],
    async register(script) {
      state.registrations++;
      expect(script.matches).toEqual([SERVICENOW_HOST_PATTERN]);
      expect(script.allFrames).toBe(true);
      state.ids.push(script.id);
    },
    async unregister(ids) {
      state.ids = state.ids.filter((id) => !ids.includes(id));
    },
  };
  return { api, state };
}

describe('ServiceNow content script registration', () => {
  it('registers when the host is granted, once, however often it is asked', async () => {
    const { api, state } = fakeApi(true);
    const registration = createServiceNowRegistration(api);
    await Promise.all([registration.sync(), registration.sync(), registration.sync()]);
    expect(state.ids).toEqual([SERVICENOW_SCRIPT_ID]);
    expect(state.registrations).toBe(1);
  });

  it('registers nothing without the grant, and unregisters when it is withdrawn', async () => {
    const { api, state } = fakeApi(false);
    const registration = createServiceNowRegistration(api);
    expect(await registration.sync()).toBe(false);
    expect(state.ids).toEqual([]);
    state.granted = true;
    expect(await registration.sync()).toBe(true);
    expect(state.ids).toEqual([SERVICENOW_SCRIPT_ID]);
    state.granted = false;
    await registration.sync();
    expect(state.ids).toEqual([]);
  });
});

describe('ServiceNow hosts', () => {
  it('takes https instance hosts only', () => {
    expect(serviceNowHostOf('https://acme.service-now.com/now/nav/ui')).toBe('acme.service-now.com');
    expect(serviceNowHostOf('http://acme.service-now.com/')).toBeUndefined();
    expect(serviceNowHostOf('https://service-now.com/')).toBeUndefined();
    expect(serviceNowHostOf('https://acme.service-now.com.evil.example/')).toBeUndefined();
    expect(serviceNowHostOf('https://acme.service-now.com:8443/')).toBeUndefined();
    expect(serviceNowHostOf('not a url')).toBeUndefined();
  });
});
