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
    await page.getByLabel('Taal').selectOption({ label: 'English' });
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByLabel('Email address')).toBeVisible();
    await page.getByLabel('Language').selectOption({ label: 'Nederlands' });
    await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
  });

  test('keeps English picked before sign-in', async ({ page, api }) => {
    await api.setLanguage('nl');
    await page.goto('/sign-in');
    await page.getByLabel('Taal').selectOption({ label: 'English' });
    await page.getByLabel('Email address').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Companies' })).toBeVisible();
    await expect(page.getByLabel('Language')).toHaveValue('en');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Companies' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('shows each language in its own name', async ({ page }) => {
    await page.goto('/sign-in');
    const picker = page.getByLabel('Taal');
    await expect(picker.locator('option')).toHaveText(['Nederlands', 'English']);
    await picker.selectOption({ label: 'English' });
    await expect(page.getByLabel('Language').locator('option')).toHaveText(['Nederlands', 'English']);
  });
});
