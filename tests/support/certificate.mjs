// @ts-check
import { generate } from 'selfsigned';

/** @typedef {{ key: string, cert: string }} TlsCredentials PEM strings for `https.createServer`. */

/**
 * Names the certificate covers. A wildcard matches one label only, so the sandbox API host
 * (`api.sandbox.…`) needs its own entry.
 */
const CERTIFICATE_HOSTS = Object.freeze([
  'smartrecruiters.com',
  '*.smartrecruiters.com',
  '*.sandbox.smartrecruiters.com',
  // ServiceNow instances (the ServiceNow helper's replica).
  '*.service-now.com',
]);

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A throw-away self-signed certificate for the SmartRecruiters host names, made fresh in memory
 * for each run so that no private key is ever written to the repository. Chromium is told to
 * accept it with `--ignore-certificate-errors`; Node clients pass `rejectUnauthorized: false`.
 *
 * @returns {Promise<TlsCredentials>}
 */
export async function createCertificate() {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: '*.smartrecruiters.com' }], {
    // EC keys are generated in milliseconds; a 2048-bit RSA key would slow every test start.
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    // A day either side tolerates clock skew without making the certificate long-lived.
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: CERTIFICATE_HOSTS.map((value) => ({ type: 2, value })) },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
