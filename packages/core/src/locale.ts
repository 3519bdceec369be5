// Where and how a student reads times: the device's zone and language, saved at sign-up so that what
// the server writes (reminders, e-mails) says "4:34 PM" in New York and "16:34" in Berlin, as the
// student's own planner does. Platform-free: Intl is in browsers, Node and Hermes alike.

/** The zone this device runs in ("America/New_York"), or null when Intl cannot tell. */
export function deviceTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** The device's formatting language ("en-US"), or null when Intl cannot tell. */
export function deviceLocale(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale || null;
  } catch {
    return null;
  }
}

/** True for a language tag Intl can format with ("en-US", "de"); false for anything else. */
export function isFormattableLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

/**
 * What a new account should save: the device's zone and language, for whichever the account does not
 * have yet; null when there is nothing to save.
 */
export function devicePreferences(saved: Record<string, unknown>): { timeZone?: string; locale?: string } | null {
  const timeZone = saved.timeZone ? undefined : (deviceTimeZone() ?? undefined);
  const locale = saved.locale ? undefined : (deviceLocale() ?? undefined);
  return timeZone || locale ? { ...(timeZone && { timeZone }), ...(locale && { locale }) } : null;
}
