/**
 * Which PINs staff may have. A PIN's only defence once a thief holds a register's replica and its staff
 * key is the number of guesses it takes (docs/security.md), so managers, whose PIN approves discounts,
 * overrides and refunds, need more digits than clerks and may not pick the PINs tried first.
 */
import { type CodedError, type Result, err, ok } from '../result';
import type { Role } from '../schemas/staff';

/** What a store asks of its staff's PINs (one policy for now; per store later). */
export interface PinPolicy {
  /** Fewest digits per role. */
  minDigits: Record<Role, number>;
  /** Most digits of any PIN. */
  maxDigits: number;
  /** Roles that may not pick an obvious PIN (`isObviousPin`). */
  refuseObvious: readonly Role[];
}

/** The default policy: clerks 4 digits, managers and admins 6, at most 12; no obvious manager PINs. */
export const defaultPinPolicy: PinPolicy = {
  minDigits: { clerk: 4, manager: 6, admin: 6 },
  maxDigits: 12,
  refuseObvious: ['manager', 'admin'],
};

/** Why a PIN is refused. */
export type PinProblemCode = 'pin_not_digits' | 'pin_too_short' | 'pin_too_long' | 'pin_too_obvious';

/** A refused PIN: a stable code and a sentence for the person choosing it (never the PIN itself). */
export interface PinProblem extends CodedError {
  code: PinProblemCode;
}

/** Checks a new PIN for a role; the PIN comes back unchanged when it is allowed. */
export function checkPin(
  pin: string,
  role: Role,
  policy: PinPolicy = defaultPinPolicy,
): Result<string, PinProblem> {
  if (!/^[0-9]+$/.test(pin)) return problem('pin_not_digits', 'A PIN is digits only.');
  const min = policy.minDigits[role];
  if (pin.length < min) return problem('pin_too_short', `A ${role}'s PIN has at least ${min} digits.`);
  if (pin.length > policy.maxDigits) {
    return problem('pin_too_long', `A PIN has at most ${policy.maxDigits} digits.`);
  }
  if (policy.refuseObvious.includes(role) && isObviousPin(pin)) {
    return problem(
      'pin_too_obvious',
      `A ${role}'s PIN may not be one digit repeated, a straight run up or down, or a short block repeated.`,
    );
  }
  return ok(pin);
}

/**
 * Whether a PIN is among those a thief tries first: one digit repeated (000000), a straight run up or
 * down, wrapping past 9 (123456, 654321, 890123), or a block of two or three digits repeated (121212,
 * 123123).
 */
export function isObviousPin(pin: string): boolean {
  const digits = [...pin].map(Number);
  if (digits.length < 2) return true;
  const steps = new Set(digits.slice(1).map((d, i) => (d - (digits[i] as number) + 10) % 10));
  if (steps.size === 1 && (steps.has(0) || steps.has(1) || steps.has(9))) return true;
  for (const block of [2, 3]) {
    if (pin.length >= block * 2 && pin.length % block === 0) {
      if (pin === pin.slice(0, block).repeat(pin.length / block)) return true;
    }
  }
  return false;
}

/**
 * Whether a string could be a PIN of some role under `policy`: digits, between the shortest minimum and
 * the maximum. Used to refuse junk before an expensive verification, not to judge a new PIN.
 */
export function isPinShaped(pin: string, policy: PinPolicy = defaultPinPolicy): boolean {
  const shortest = Math.min(...Object.values(policy.minDigits));
  return /^[0-9]+$/.test(pin) && pin.length >= shortest && pin.length <= policy.maxDigits;
}

function problem(code: PinProblemCode, message: string): { ok: false; error: PinProblem } {
  return err({ code, message });
}
