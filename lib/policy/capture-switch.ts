/**
 * The one policy key the content script reads. It runs on every portal page, so it reads
 * storage.managed itself (content scripts may; the vault stays closed to them) and takes only
 * the literal `false`: no zod in its bundle, and anything else leaves capture on, as without a policy.
 */
interface ManagedStorage {
  get(key: string): Promise<Record<string, unknown>>;
}

export async function captureAllowed(managed: ManagedStorage | undefined): Promise<boolean> {
  try {
    return (await managed?.get('captureEnabled'))?.captureEnabled !== false;
  } catch {
    // Firefox rejects the read when no policy names the extension.
    return true;
  }
}
