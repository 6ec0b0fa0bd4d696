import { ARMING_MS, type ClickGuard } from './click-guard';

/** Why an action in the prompt did not run; the prompt explains each. */
export type Refusal = 'too-soon' | 'moved' | 'act-first';

const ACTIVATION_KEYS = new Set(['Enter', ' ']);

/**
 * Decides whether a click or key in the prompt is the user's own choice. Both halves must agree:
 * the prompt's guard (wholly visible, uncovered, for ARMING_MS) and the content script's answer
 * (the frame has not moved, been restyled or covered for ARMING_MS). Enter and Space do nothing
 * until the user has acted inside the prompt (a pointer press, or a key other than those two):
 * focus alone, which the page can give the frame, is not acting.
 */
export function createActionGate(guard: ClickGuard, confirm: () => Promise<number>) {
  let acted = false;
  return {
    /** For every trusted pointerdown and keydown in the prompt; returns a refusal for an Enter or Space that comes too early. */
    note(event: Event): Refusal | undefined {
      if (!event.isTrusted) return undefined;
      if (event.type === 'keydown') {
        const { key } = event as KeyboardEvent;
        if (ACTIVATION_KEYS.has(key)) return acted ? undefined : 'act-first';
        if (key === 'Escape') return undefined;
      }
      acted = true;
      return undefined;
    },
    /** Whether an action may run now. */
    async check(): Promise<Refusal | undefined> {
      if (!guard.isArmed()) return 'too-soon';
      if ((await confirm()) < ARMING_MS) {
        guard.reset();
        return 'moved';
      }
      return guard.isArmed() ? undefined : 'too-soon';
    },
  };
}

export type ActionGate = ReturnType<typeof createActionGate>;
