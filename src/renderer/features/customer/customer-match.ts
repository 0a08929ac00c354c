/**
 * Whether a customer matches what the clerk typed: a part of the name or e-mail (any case), or of the
 * phone number by its digits only, so "555 0100" finds "+1 555 0100".
 */
import type { Customer } from '@till/shared/schemas/customer';

const digitsOf = (text: string): string => text.replace(/\D/g, '');

/** True when `text` is part of the customer's name, e-mail or phone number. */
export function matchesCustomer(customer: Customer, text: string): boolean {
  const wanted = text.trim().toLocaleLowerCase();
  if (wanted === '') return false;
  if (customer.name.toLocaleLowerCase().includes(wanted)) return true;
  if (customer.email?.toLocaleLowerCase().includes(wanted)) return true;
  const digits = digitsOf(wanted);
  // Digits only when the text is mostly a number: "Ada 1" must not match every phone with a 1.
  return digits.length >= 3 && digits.length >= wanted.replace(/\s/g, '').length - 1
    ? digitsOf(customer.phone ?? '').includes(digits)
    : false;
}
