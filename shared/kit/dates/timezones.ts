import * as z from 'zod';
/** True for an IANA time zone name the runtime knows (e.g. "Europe/Berlin", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name, as a request or stored field. */
export const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'is not an IANA time zone such as "Europe/Berlin"');
