import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/accounts';
import { expect, test } from './support/fixtures';

test.describe('sign-in', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('rejects a wrong password', async ({ page }) => {
    await page.goto('/companies');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcompanies/);
    await page.getByLabel('E-mailadres').fill(ADMIN_EMAIL);
    await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('alert')).toHaveText(/e-mailadres of het wachtwoord klopt niet/);
    await expect(page.getByLabel('Wachtwoord')).toBeVisible();
  });

  test('asks for missing fields', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByText('Vul je e-mailadres in.')).toBeVisible();
    await expect(page.getByText('Vul je wachtwoord in.')).toBeVisible();
    await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
  });

  test('returns to the requested page and signs out', async ({ page }) => {
    await page.goto('/persons');
    await page.getByLabel('E-mailadres').fill(ADMIN_EMAIL);
    await page.getByLabel('Wachtwoord').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Personen' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Personen', exact: true })).toHaveAttribute('aria-current', 'page');

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
    await page.goto('/companies');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('switches the sign-in page to English', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Taal').selectOption({ label: 'Engels' });
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByLabel('Email address')).toBeVisible();
    await page.getByLabel('Language').selectOption({ label: 'Dutch' });
    await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
  });
});
