/** The administrator the test server creates on its first start. Only ever used on loopback. */
export const ADMIN_EMAIL = 'beheerder@trechter.test';
export const ADMIN_PASSWORD = 'proef-wachtwoord-e2e-2026';
/** Name the server gives the first administrator; user data, so it stays Dutch in English screens. */
export const ADMIN_NAME = 'Beheerder';
