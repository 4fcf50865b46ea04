/**
 * The footer of every alert email: why the reader got it and the exact switch that stops it.
 */
export function alertFooter(appName: string, what: string, preference: string): string {
  return `You receive this email because ${what} are switched on in your ${appName} notification settings. To stop them, set notifications.${preference} to false with PATCH /v1/me.`;
}
